import { LABELLED, type Line } from "./lines.js";

/**
 * A cover sheet's "Report title: …" (or "Title: …", "Title of decision: …"): the document's title, shown above every
 * quote, so not one of its sentences. (A letter's "Subject:" line is its title by another road.)
 */
export const TITLE_LABEL = /^(?:report title|title(?: of (?:the )?(?:report|decision|paper|proposal))?)\s*:\s*(\S.*)$/i;

/** Page furniture and boilerplate that official documents repeat; never passages. */
const FURNITURE_PATTERNS: RegExp[] = [
  /^page \d+(?: of \d+)?$/i,
  /^\d{1,3}$/,
  /^this page (?:is )?intentionally (?:been )?left blank\.?$/i,
  /proud to use recycled paper/i,
  /^©|crown copyright/i,
  /open government licence|^you may reuse this information/i,
  /^this (?:publication|report|document) is available\b.*(?:www\.|https?:)/i,
  /^interested in our work\?/i,
  // "T 0300 123 1231", "E: enquiries@ofsted.gov.uk": a label and a number or address, not a table's row "E<tab>11/9<tab>2,341.50".
  /^(?:t|tel|telephone|textphone|f|fax|direct [tf])\s*:?[ ]+(?:\+44\s?|0)\d/i,
  /^(?:e|email|w|web)\s*:?[ ]+\S+(?:@|www\.|\.(?:uk|com|org)\b)/i,
  // A running footer that ends in its page number: "Northshire County Council – Cabinet – 4 May 2022   Page 1 of 3".
  /^.{0,100}\bpage \d+ of \d+$/i,
  TITLE_LABEL,
  // A protective marking: "OFFICIAL", "OFFICIAL – SENSITIVE", "NOT PROTECTIVELY MARKED".
  /^(?:official(?:\s*[-–—:]?\s*(?:sensitive|public))?|not protectively marked|unclassified)$/i,
  // A rule drawn in characters: "---", "* * *", "=====".
  /^([-_=*~·•])(?:\s*\1){2,}$/,
];

/** Phrases that can trail real text on the same line, as when a blank page follows the last paragraph. */
const TRAILING_FURNITURE = /\s*this page (?:is )?intentionally (?:been )?left blank\.?\s*$/i;

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const PHONE = /(?:\+44\s?|\b0)\d{2,4}[\s-]?\d{3}[\s-]?\d{3,4}\b/;
const WEB = /\bwww\.|https?:\/\//i;
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/;

/** Contact lines longer than this are prose that happens to give a number, and are kept. */
const MAX_CONTACT_LINE = 400;
/** Address blocks are short lines: "County Hall", "Spetchley Road", "Worcester WR5 2NP". */
const MAX_ADDRESS_LINE = 90;

/** Words in lower case enough to make a line prose that gives contact details, not contact details alone. */
const PROSE_WORDS = 4;

/** A labelled line naming whom to contact: "Contact officer: Delphine Okonjo-Marsh, Head of Libraries, 01723 555 418". */
const NAMED_CONTACT = /^(?:contact(?: officer)?|(?:report )?author|lead officer)s?:\s+[A-Z][a-z]/i;

/** The publisher asking readers to get in touch about the document: "please telephone 0300 123 1231, or email …". */
const PLEASE_CONTACT = /\bplease (?:telephone|phone|call|contact|e-?mail|write)\b/i;

/**
 * True for letterheads, addresses, phone numbers and other contact boilerplate; not for prose
 * that gives them ("held on 25 January 2024 … in the Council Chamber, Civic Centre, KB1 4TR"),
 * nor for a named contact, who is content: "who is the contact officer?".
 */
export function isContactLine(text: string): boolean {
  if (text.length > MAX_CONTACT_LINE || NAMED_CONTACT.test(text)) return false;
  if (!(EMAIL.test(text) || PHONE.test(text) || WEB.test(text) || POSTCODE.test(text))) return false;
  // Asked to get in touch, or a line that opens with the address: a licence's "www.nationalarchives.gov.uk/…, write to …".
  if (PLEASE_CONTACT.test(text) || /^(?:www\.|https?:\/\/|[\w.+-]+@)/i.test(text)) return true;
  const rest = text.replace(new RegExp(EMAIL.source, "g"), " ").replace(new RegExp(WEB.source + "\\S*", "gi"), " ");
  return (rest.match(/(?<![\w/])[a-z]{2,}\b/g) ?? []).length < PROSE_WORDS;
}

/** True for a line that is page furniture or licence boilerplate wherever it appears. */
export function isFurnitureLine(text: string): boolean {
  return FURNITURE_PATTERNS.some((re) => re.test(text));
}

/** Where trailing furniture starts inside a line, or -1 when the line has none. */
export function trailingFurnitureAt(text: string): number {
  const m = TRAILING_FURNITURE.exec(text);
  return m && m.index > 0 ? m.index : -1;
}

/** A line's text without trailing furniture ("… This page is intentionally left blank"). */
export function ownText(line: Line): string {
  const cut = trailingFurnitureAt(line.text);
  return cut === -1 ? line.text : line.text.slice(0, cut);
}

/** Parts of a running header or footer: "Kestlebury Borough Council - Council - 25 January 2024", "Final report<tab>2". */
const RUNNING_PARTS = /\s[-–—|]\s|\t/;

/** A labelled value ("Score: 2 - Evidence shows some shortfalls") or a lead-in ("RESOLVED that:") says something each time. */
const SAYS = /^[\w ]{2,30}:\s|:$/;

/** A line of parts ending in its page number: "7 and 8 February 2023<tab>4", "Annual Report | 12". */
const PAGE_LAST = /(?:\t|\s[-–—|]\s)\s*\d{1,3}$/;

/** How often a line must stand alone in a document to be its running header or footer. */
const RUNNING_REPEATS = 3;

/** The most lines a running header or footer takes. */
const RUNNING_BLOCK_LINES = 3;

/** A line without the emphasis Markdown may set it in: "*Page 1 of 6*". */
const unemphasised = (text: string) => text.trim().replace(/^([*_]{1,2})([^\s*_](?:.*[^\s*_])?)\1$/, "$2");

/**
 * A running header or footer that no pattern knows: a block of one to three lines standing
 * alone, between blank lines, three times or more, each line of parts ("OFFICIAL - PUBLIC",
 * "Annual Report 2017/18<tab>7") its page number apart, and the rest word for word
 * ("Inspection report children's home: 2741096"), with a number somewhere. Headings that recur
 * ("What we did", "Recommendation 2") hold no page number; table rows stand among rows.
 */
function runningLines(lines: Line[]): number[] {
  const byText = new Map<string, number[][]>();
  for (let i = 0; i < lines.length; ) {
    let end = i + 1;
    while (end < lines.length && !lines[end].afterBlank) end++;
    const block = lines.slice(i, end).map((l) => unemphasised(l.text));
    const furniture = block.map(isFurnitureLine);
    // A page number varies, whether in a line of parts or on its own ("Page 2 of 6").
    const parted = block.map((text, k) => furniture[k] || RUNNING_PARTS.test(text));
    // A line of the block that gives the page: "Page 2 of 9", "7 and 8 February 2023<tab>4". Beside one, a
    // labelled line is the running title ("Inspection report: Hexley Park School"), not a labelled value.
    const paged = block.some((text, k) => furniture[k] || PAGE_LAST.test(text));
    const says = block.some((text, k) => !furniture[k] && SAYS.test(text));
    if (block.length <= RUNNING_BLOCK_LINES && (!says || (paged && block.length > 1)) && block.some((text, k) => parted[k] || /\d/.test(text))) {
      // Parts, their page number apart; or a reference, word for word. A marking or page line that
      // only some pages add ("OFFICIAL – SENSITIVE" over the first page's footer) is no part of it.
      const key = block.flatMap((text, k) => (furniture[k] ? [] : [parted[k] ? text.replace(/\d+/g, "#") : text])).join("\n");
      byText.set(key, [...(byText.get(key) ?? []), [...Array(end - i).keys()].map((k) => i + k)]);
    }
    i = end;
  }
  return [...byText.values()].filter((at) => at.length >= RUNNING_REPEATS).flat(2);
}

/**
 * Marks the lines that are not content: furniture, contact lines, running headers and footers,
 * and whole address blocks (runs of short lines between blank lines where one of them is a contact line).
 */
export function findFurniture(lines: Line[]): Set<number> {
  const furniture = new Set<number>(runningLines(lines));
  let group: number[] = [];
  const closeGroup = () => {
    const short = group.every((i) => lines[i].text.length <= MAX_ADDRESS_LINE && !/[.?!]$/.test(lines[i].text));
    const hasContact = group.some((i) => isContactLine(lines[i].text));
    // A cover sheet's labelled lines ("Report to: Cabinet", "Key decision: Yes") say what the report is, though one gives a phone number.
    const labelled = group.filter((i) => LABELLED.test(lines[i].text) && !isContactLine(lines[i].text)).length;
    if (group.length > 1 && short && hasContact && labelled < 2) group.forEach((i) => furniture.add(i));
    group = [];
  };
  lines.forEach((line, i) => {
    if (line.afterBlank) closeGroup();
    group.push(i);
    if (isFurnitureLine(unemphasised(line.text)) || isContactLine(line.text)) furniture.add(i);
  });
  closeGroup();
  return furniture;
}
