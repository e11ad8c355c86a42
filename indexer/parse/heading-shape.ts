import { BOLD_LINE, bulletMarker, LABELLED, paragraphNumber, SECTION_NUMBER, SIGN_OFF, SUPERSCRIPTS, TOP_SECTION_NUMBER, type Line } from "./lines.js";
import { ownText } from "./furniture.js";
import { isShouted } from "../contract/normalise.js";

/** A Markdown heading: its hashes give its level ("## Findings" is level 2). */
export const MARKDOWN_HEADING = /^(#{1,6})\s/;

/** A line without its Markdown heading's hashes. */
export const withoutHashes = (text: string): string => text.replace(/^#{1,6}\s+/, "");

const MAX_HEADING_WORDS = 13;
const MAX_QUESTION_WORDS = 20;
const MAX_HEADING_CHARS = 100;

/** The words that label a division of a whole document: "Part 1.", "Section 5:", "Appendix A". */
export const DIVISION_WORDS = "part|chapter|section|appendix|annex|schedule";

/**
 * A labelled heading: a label, its number or letter, and a title, "Policy H1: Affordable housing",
 * "Priority 3: Homes for everyone", "Appendix A: …", "Chapter 5 Meeting housing needs", "SECTION 5: MITIGATING ACTIONS".
 */
const LABEL_HEADING = new RegExp(
  `^((?:[A-Z][a-z]+ ){1,2}|(?:${DIVISION_WORDS.toUpperCase()}) )(?:[A-Z]{1,3}\\d{1,3}[a-z]?|\\d{1,3}(?:\\.\\d{1,2})?|[A-Z]|[IVX]{1,5})(?:[:.]\\s+|\\s+[-–—]\\s+|\\s+)(?=[A-Z"'‘“(])`,
);

/** A caption is no heading: "Table 1: Households in temporary accommodation". */
export const CAPTION = /^(?:table|figure|chart|graph|map)\s+\d+/i;

/** A label that divides a whole document: "Part 1.", "Chapter 5", "Appendix A:", "Annex 2", "Appendix." */
const DIVISION = new RegExp(`^(?:${DIVISION_WORDS})(?:\\s+(?:\\d{1,3}|[A-Z]|[IVX]{1,5})\\b|\\.)`, "i");

/** True for a heading that heads a division of the whole document ("Appendix A: …", "Part 2. …"). */
export function isDivision(label: string): boolean {
  return DIVISION.test(label);
}

/** A label that counts what it lists ("Against (7): Councillors …"), or a label over a list of four or more. */
const LISTED_AFTER_LABEL = /^[\w ]{2,30} \(\d+\):\s|:\s[^:]*(?:,[^,]*){3,}$/;

/**
 * Shaped like a heading or a title line, whatever its length: capitalised, not closed by
 * punctuation, and not a list item, table row or labelled fact.
 */
export function headingShaped(text: string): boolean {
  if (!/^[A-Z0-9"'‘“]/.test(text) || /[.,;:]$/.test(text) || text.includes("\t")) return false;
  // "Report published: 24 January 2017" is a labelled fact, not a heading; "Policy H1: Affordable housing" is one.
  if (LABELLED.test(text) && (!LABEL_HEADING.test(text) || CAPTION.test(text))) return false;
  // "Against (7): Councillors Farrow, Jagger and Yates": a label and the list it gives.
  if (LISTED_AFTER_LABEL.test(text)) return false;
  return bulletMarker(text) === 0 && paragraphNumber(text) === undefined;
}

/**
 * An inspectorate's grades, an auditor's assurance opinions, and the CQC's scores in words
 * ("2 - Evidence shows some shortfalls").
 */
const GRADES =
  "outstanding|excellent|very good|good|adequate|satisfactory|requires improvement(?: to be good)?|inadequate|weak|unsatisfactory|poor|" +
  "(?:full|substantial|significant|reasonable|moderate|limited|minimal|no) assurance|(?:[1-4] [-–] )?evidence shows (?:an exceptional standard|a good standard|some shortfalls|significant shortfalls)";

/**
 * An inspectorate's grade closing a heading: "The experiences and progress of children who need
 * help and protection: requires improvement to be good". The words before it are the heading's measure.
 */
const GRADED = new RegExp(`:\\s+(?:${GRADES})$`, "i");

/** A grade on a line of its own, under the standard it grades: what the inspectors found, not a heading. */
const GRADE = new RegExp(`^(?:${GRADES})$`, "i");

/** A minute's or a sub-section's number closed by a dot: "31. ", "1.2. ". */
const ITEM_NUMBER = /^\d{1,3}(?:\.\d{1,2}){0,2}\.\s+/;

/** An aside closing a heading, "(Priority: High)", "(see Appendix B)": not counted in the heading's length. */
const CLOSING_ASIDE = /\s*\([^()]*\)$/;

/** True for a line that reads as a heading on its own: a Markdown heading, or short and heading-shaped. */
export function isHeadingText(text: string): boolean {
  if (MARKDOWN_HEADING.test(text)) return true;
  const measured = text.replace(GRADED, "").replace(CLOSING_ASIDE, "");
  // A question heads its answers, and runs longer: "What is it like to be a child or young person with SEND in this area?"
  const maxWords = text.endsWith("?") ? MAX_QUESTION_WORDS : MAX_HEADING_WORDS;
  if (measured.length > MAX_HEADING_CHARS || measured.split(/\s+/).length > maxWords) return false;
  return headingShaped(text);
}

/** A minute's title after its number: short and capitalised, not a sentence ("Active Travel Fund: Tranche 2"). */
export function isItemTitle(text: string): boolean {
  return /^[A-Z"'‘“]/.test(text) && !/[.,;]$/.test(text) && text.length <= MAX_HEADING_CHARS && text.split(/\s+/).length <= MAX_HEADING_WORDS;
}

/** Clean heading text: no Markdown hashes, bold markers or footnote marks. */
export function headingLabel(text: string): string {
  return withoutHashes(text).replace(BOLD_LINE, "$1").split("**")[0].replace(SUPERSCRIPTS, "").trim();
}

/**
 * A title set over several lines joined by a line of its own ("Inspection of services…" /
 * "and" / "Review of the effectiveness…"): the whole title, and the last line it takes.
 */
export function splitTitle(lines: Line[], i: number): { text: string; lastLine: number } | undefined {
  const [first, joiner, second] = [lines[i], lines[i + 1], lines[i + 2]];
  if (!first || !joiner || !second || !joiner.afterBlank || !second.afterBlank) return undefined;
  if (!/^(?:and|&|incorporating)$/i.test(joiner.text)) return undefined;
  if (!headingShaped(first.text) || !headingShaped(second.text)) return undefined;
  return { text: headingLabel(`${first.text} ${joiner.text} ${second.text}`), lastLine: i + 2 };
}

/** A heading line (or the first of a title set over several), as the document's lines place it. */
export interface HeadingLine {
  text: string;
  lastLine: number;
  /** The line of a heading set directly above with nothing under it, which is this one's parent. */
  parentLine?: number;
}

/** How far below a numbered section's heading its first numbered paragraph may come ("5. Housing" / "Introduction" / "5.1 …"). */
const SECTION_TO_FIRST_PARAGRAPH = 4;

/**
 * "2. Budget outturn" over "2.1 The table below…", or over "Introduction" and then "2.1 …" (or
 * "2.3. …", its first sub-section written up), or "7.5 Disproportionality" over "7.5.1 Black and…":
 * a numbered section, whose number its paragraphs carry, not a numbered paragraph.
 */
export function isNumberedSection(lines: Line[], i: number): boolean {
  const own = ownText(lines[i]);
  const number = paragraphNumber(own);
  const title = own.replace(SECTION_NUMBER, "");
  if (number === undefined || !/^\d{1,3}(?:\.\d{1,3})*\.?\s/.test(own) || !isHeadingText(title)) return false;
  // One in capitals is a section whatever follows it: "3. DETAILED FINDINGS AND MANAGEMENT RESPONSES".
  if (TOP_SECTION_NUMBER.test(own) && isShouted(title)) return true;
  const next = lines.slice(i + 1, i + 1 + SECTION_TO_FIRST_PARAGRAPH).find((l) => paragraphNumber(l.text) !== undefined);
  return next !== undefined && !!paragraphNumber(next.text)?.startsWith(`${number}.`);
}

/**
 * The labelled lines standing alone that are no headings because their family is uneven: when
 * one "Question 5: …" runs too long or ends as a sentence, the others are questions too, and
 * reading some as headings would file one question's answer under another.
 */
export function unevenLabelledLines(lines: Line[]): Set<number> {
  const families = new Map<string, number[]>();
  lines.forEach((line, i) => {
    const family = LABEL_HEADING.exec(line.text)?.[1].trim();
    if (!family || CAPTION.test(line.text) || !line.afterBlank || lines[i + 1]?.afterBlank === false) return;
    families.set(family, [...(families.get(family) ?? []), i]);
  });
  const uneven = new Set<number>();
  for (const members of families.values()) {
    if (members.some((i) => !isHeadingText(lines[i].text))) members.forEach((i) => uneven.add(i));
  }
  return uneven;
}

/** What reading a line's shape needs to know of the rest of the document. */
export interface ShapeContext {
  lines: Line[];
  /** Furniture and a letter's frame, which are never headings. */
  skipped: Set<number>;
  /** Labelled list items ("R1 …", "R2 …") and table rows, which are never headings. */
  labelled: Set<number>;
  /** Labelled lines of a family that cannot all be headings ("Question 1: …?"). */
  uneven: Set<number>;
  rows: Set<number>;
  /** True for a title the contents list names. */
  listed: (label: string) => boolean;
  byline: (i: number) => boolean;
}

/** A signature follows the sign-off: content (it says who wrote), though it looks like a heading. */
function isSignature(lines: Line[], i: number): boolean {
  return i > 0 && SIGN_OFF.test(lines[i - 1].text);
}

/** Reads the heading at a line, if any, as its own shape and its neighbours make it. */
export function headingShapes({ lines, skipped, labelled, uneven, rows, listed, byline }: ShapeContext): (i: number) => HeadingLine | undefined {
  return (i) => {
    const line = lines[i];
    if (!line?.afterBlank || skipped.has(i) || labelled.has(i)) return undefined;
    const title = splitTitle(lines, i);
    if (title) return title;
    if (byline(i)) return undefined;
    const own = ownText(line);
    const number = paragraphNumber(own);
    // "Leadership, management and governance<tab>Inadequate": a listed section with its judgement.
    const listedSection = listed(own.split("\t")[0].trim());
    const numberedSection = isNumberedSection(lines, i);
    // "31. Apologies for absence" on its own over the item's text: a minute's heading, not a numbered paragraph.
    const below = lines[i + 1];
    const body = !!below?.afterBlank && /^[A-Z]/.test(below.text) && (!isHeadingText(below.text) || GRADE.test(below.text)) && bulletMarker(below.text) === 0 && paragraphNumber(below.text) === undefined && !labelled.has(i + 1);
    // "31. Apologies for absence" or "1.2. Staff", a number closed by a dot, on its own over the item's text.
    const numberedItem = number !== undefined && ITEM_NUMBER.test(own) && isItemTitle(own.replace(ITEM_NUMBER, "")) && body;
    // "Overall experiences and progress of children: good" over "How well children are helped and protected: good": a summary of judgements, not headings.
    const judgements = GRADED.test(own) && [lines[i - 1], below].some((next) => !!next && GRADED.test(ownText(next)));
    const plain = isHeadingText(own) && !GRADE.test(own) && !judgements && !rows.has(i) && !uneven.has(i) && (below?.afterBlank ?? true) && !isSignature(lines, i);
    // A line wholly in bold, over its text: "**2.4 Recommendation 4: Temporary accommodation**".
    const bold = BOLD_LINE.exec(own)?.[1];
    const boldHeading = !!bold && isItemTitle(bold.replace(SECTION_NUMBER, "")) && body;
    return listedSection || numberedSection || numberedItem || plain || boldHeading ? { text: headingLabel(own.split("\t")[0]), lastLine: i } : undefined;
  };
}
