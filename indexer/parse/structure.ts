import { bulletMarker, endsClause, endsUnfinished, LABELLED, labelledItems, paragraphNumber, tableRows, PERSON_LINE, ROLE_LINE, SALUTATION, SIGN_OFF, startsMidSentence, type Line } from "./lines.js";
import { DATE_TO_SALUTATION } from "./letters.js";
import { findFurniture, trailingFurnitureAt } from "./furniture.js";
import { parseDateLine } from "../contract/dates.js";

/** A run of content that the document itself treats as one piece: a paragraph, a list, a table. */
export interface Unit {
  kind: "paragraph" | "list" | "table";
  start: number;
  end: number;
  /** Where each list item or table row starts: sentences never run across these. */
  breaks: number[];
  paragraph?: string;
  /** Index into `Structure.headings` of the innermost heading above, or -1. */
  heading: number;
  /** First and last line indexes, for finding embedded documents. */
  firstLine: number;
  lastLine: number;
  /** A list whose items are short lines under a lead-in, with no bullets: "Present:" over the members. */
  unbulleted?: boolean;
}

/** A table's caption: "Table 1: Households in temporary accommodation". */
const CAPTION = /^(?:table|figure|chart)\s+\d+/i;

/** The longest line that can be an unbulleted list item, as a name and role is. */
const SHORT_ITEM = 60;

export interface Heading {
  text: string;
  level: 1 | 2;
  line: number;
  /** Index into `Structure.headings` of the heading set directly above this one with nothing under it. */
  parent?: number;
}

export interface Structure {
  lines: Line[];
  furniture: Set<number>;
  headings: Heading[];
  units: Unit[];
  /** Lines that frame a letter: its date, "Dear …" and "Yours sincerely". */
  letterLines: Set<number>;
}

const MAX_HEADING_WORDS = 13;
const MAX_QUESTION_WORDS = 20;
const MAX_HEADING_CHARS = 100;

/**
 * Shaped like a heading or a title line, whatever its length: capitalised, not closed by
 * punctuation, and not a list item, table row or labelled fact.
 */
function headingShaped(text: string): boolean {
  if (!/^[A-Z0-9"'‘“]/.test(text) || /[.,;:]$/.test(text) || text.includes("\t")) return false;
  // "Report published: 24 January 2017" is a labelled fact, not a heading.
  if (LABELLED.test(text)) return false;
  return bulletMarker(text) === 0 && paragraphNumber(text) === undefined;
}

function isHeadingText(text: string): boolean {
  if (/^#{1,6}\s/.test(text)) return true;
  // A question heads its answers, and runs longer: "What is it like to be a child or young person with SEND in this area?"
  const maxWords = text.endsWith("?") ? MAX_QUESTION_WORDS : MAX_HEADING_WORDS;
  if (text.length > MAX_HEADING_CHARS || text.split(/\s+/).length > maxWords) return false;
  return headingShaped(text);
}

/** A minute's title after its number: short and capitalised, not a sentence ("Active Travel Fund: Tranche 2"). */
function isItemTitle(text: string): boolean {
  return /^[A-Z"'‘“]/.test(text) && !/[.,;]$/.test(text) && text.length <= MAX_HEADING_CHARS && text.split(/\s+/).length <= MAX_HEADING_WORDS;
}

/** Clean heading text: no Markdown hashes, bold markers or footnote marks. */
export function headingLabel(text: string): string {
  return text.replace(/^#{1,6}\s+/, "").split("**")[0].replace(/[¹²³⁴⁵⁶⁷⁸⁹⁰]+/g, "").trim();
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

/**
 * A contents list: its lines (navigation, not content) and the titles it lists, which are
 * the document's top-level sections.
 */
function readContents(lines: Line[]): { rows: Set<number>; titles: Set<string> } {
  const rows = new Set<number>();
  const titles = new Set<string>();
  const at = lines.findIndex((l) => /^(?:table of )?contents$/i.test(l.text));
  if (at === -1) return { rows, titles };
  rows.add(at);
  let end = at + 1;
  while (end < lines.length && /\t\s*\d+$/.test(lines[end].text)) end++;
  if (end === at + 1) {
    // Without page numbers: the block of short lines under it, most of them found again below as headings.
    while (end < lines.length && (end === at + 1 || !lines[end].afterBlank) && isHeadingText(lines[end].text)) end++;
    const below = new Set(lines.slice(end).map((l) => l.text.toLowerCase()));
    const found = lines.slice(at + 1, end).filter((l) => below.has(l.text.toLowerCase())).length;
    if (end - at - 1 < 2 || found * 2 < end - at - 1) return { rows, titles };
  }
  for (let i = at + 1; i < end; i++) {
    rows.add(i);
    titles.add(lines[i].text.replace(/\t\s*\d+$/, "").trim().toLowerCase());
  }
  return { rows, titles };
}

/** Marks the date, salutation and sign-off lines of every letter in the text. */
function findLetterLines(lines: Line[]): Set<number> {
  const marks = new Set<number>();
  lines.forEach((line, i) => {
    if (SALUTATION.test(line.text) && line.text.length < 60) marks.add(i);
    if (parseDateLine(line.text)) {
      marks.add(i);
      // Between a letter's date and its "Dear …" stands the addressee ("By email", "Ms Catherine
      // Doyle", "Chief Executive"): who it went to, not what it says.
      const salutation = lines.findIndex((l, j) => j > i && j <= i + DATE_TO_SALUTATION && SALUTATION.test(l.text) && l.text.length < 60);
      for (let j = i + 1; j < salutation; j++) marks.add(j);
    }
    if (SIGN_OFF.test(line.text)) marks.add(i);
  });
  return marks;
}

/** A signature follows the sign-off: content (it says who wrote), though it looks like a heading. */
function isSignature(lines: Line[], i: number): boolean {
  return i > 0 && SIGN_OFF.test(lines[i - 1].text);
}

/** A line's text without trailing furniture ("… This page is intentionally left blank"). */
function ownText(line: Line): string {
  const cut = trailingFurnitureAt(line.text);
  return cut === -1 ? line.text : line.text.slice(0, cut);
}

/**
 * True when a line set after a blank one carries on the text before it: a page break
 * mid-sentence ("…has remained" / "constant, and…", "…inspected by" / "Estyn, Her Majesty's…").
 */
function continues(before: string, line: string): boolean {
  if (startsMidSentence(line)) return !endsClause(before);
  return endsUnfinished(before) && /^[A-Z]/.test(line) && bulletMarker(line) === 0 && paragraphNumber(line) === undefined;
}

/** A heading line (or the first of a title set over several), as the document's lines place it. */
interface HeadingLine {
  text: string;
  lastLine: number;
  /** The line of a heading set directly above with nothing under it, which is this one's parent. */
  parentLine?: number;
}

/** What deciding a document's headings needs to know of its lines. */
interface HeadingRules {
  /** The heading at a line as its own shape and neighbours make it, if any. */
  shapeAt: (i: number) => HeadingLine | undefined;
  /** Furniture and a letter's frame, which are never content. */
  skipped: Set<number>;
  levelOf: (label: string) => 1 | 2;
  /** True for a heading the contents list names: a heading whatever is under it. */
  listed: (label: string) => boolean;
  byline: (i: number) => boolean;
}

/**
 * Decides which heading-shaped lines are headings, by what comes under them. A heading with
 * nothing under it before the next is that heading's parent ("Main findings" over "Outcomes"),
 * unless it ranks below it. In a run of three or more, the lines between the first and the
 * last have nothing under them and head nothing: they are content ("Inadequate" between a
 * section and its "Summary"; members' names), unless the contents list names them. One with
 * nothing at all after it is content too. Only the cover, above the first content, is left as
 * it stands: its lines name the document, and every citation carries its title and publisher.
 */
function placeHeadings(lines: Line[], rules: HeadingRules): Map<number, HeadingLine> {
  const { shapeAt, skipped, levelOf, listed, byline } = rules;
  const placed = new Map<number, HeadingLine>();
  let seenContent = false;
  let before: string | undefined;
  for (let i = 0; i < lines.length; ) {
    if (skipped.has(i)) {
      i++;
      continue;
    }
    const first = before !== undefined && lines[i].afterBlank && continues(before, ownText(lines[i])) ? undefined : shapeAt(i);
    if (!first) {
      seenContent = true;
      before = byline(i) ? undefined : ownText(lines[i]);
      i += byline(i) ? 2 : 1;
      continue;
    }
    const run: [number, HeadingLine][] = [[i, first]];
    let next = first.lastLine + 1;
    for (let shape = shapeAt(next); shape; shape = shapeAt(next)) {
      run.push([next, shape]);
      next = shape.lastLine + 1;
    }
    before = undefined;
    if (seenContent && next >= lines.length) run.pop();
    const heads: [number, HeadingLine][] = [];
    run.forEach(([line, heading], k) => {
      if (seenContent && k > 0 && k < run.length - 1 && !listed(heading.text)) return;
      const above = heads[heads.length - 1];
      if (seenContent && above && above[0] === run[k - 1][0]) {
        if (levelOf(above[1].text) <= levelOf(heading.text)) heading = { ...heading, parentLine: above[0] };
        else if (!listed(above[1].text)) heads.pop();
      }
      heads.push([line, heading]);
    });
    for (const [line, heading] of heads) placed.set(line, heading);
    i = next;
  }
  return placed;
}

/**
 * The heading a letter signed off at `signOff` opens with, its subject; -1 when its subject is
 * no heading, and undefined for a sign-off under no "Dear …".
 */
function letterHeading(lines: Line[], signOff: number, skipped: Set<number>, headings: Heading[]): number | undefined {
  let salutation = signOff - 1;
  while (salutation >= 0 && !SALUTATION.test(lines[salutation].text)) salutation--;
  if (salutation === -1) return undefined;
  let subject = salutation + 1;
  while (skipped.has(subject)) subject++;
  return headings.findIndex((h) => h.line === subject);
}

/**
 * Reads the structure of a document from its lines: headings with levels, and units of
 * content (paragraphs, numbered paragraphs, bullet lists with their lead-in, tables).
 * Paragraphs broken across pages ("…has remained" / "constant, and…") are joined.
 */
export function readStructure(text: string, lines: Line[]): Structure {
  const furniture = findFurniture(lines);
  const contents = readContents(lines);
  contents.rows.forEach((i) => furniture.add(i));
  const letterLines = findLetterLines(lines);
  const skipped = new Set([...furniture, ...letterLines]);
  const majors = contents.titles;
  const labelled = labelledItems(lines);
  const rows = tableRows(lines, skipped);
  const headings: Heading[] = [];
  const units: Unit[] = [];
  const hasCapsHeadings = lines.some((l) => isHeadingText(l.text) && /[A-Z]{4}/.test(l.text) && l.text === l.text.toUpperCase());
  // A heading used in several sections ("Summary", "Inspection findings") is never top-level.
  const headingCounts = new Map<string, number>();
  for (const [i, l] of lines.entries()) {
    if (!isHeadingText(l.text) || contents.rows.has(i)) continue;
    const key = headingLabel(l.text).toLowerCase();
    headingCounts.set(key, (headingCounts.get(key) ?? 0) + 1);
  }
  const levelOf = (label: string): 1 | 2 => {
    if ((headingCounts.get(label.toLowerCase()) ?? 0) > 1) return 2;
    if (majors.size > 0) return majors.has(label.toLowerCase()) ? 1 : 2;
    return hasCapsHeadings && label !== label.toUpperCase() ? 2 : 1;
  };
  // "Tina Russell" / "Assistant Director Safeguarding" on a title slide says who speaks: content,
  // not headings. A letter's addressee, above its "Dear …", stays out of the content.
  const byline = (i: number): boolean => {
    const [line, role] = [lines[i], lines[i + 1]];
    const addressee = lines.slice(i + 2, i + DATE_TO_SALUTATION).some((l) => SALUTATION.test(l.text));
    return line.afterBlank && !!role && PERSON_LINE.test(ownText(line)) && ROLE_LINE.test(role.text) && !furniture.has(i + 1) && !addressee;
  };
  const shapeAt = (i: number): HeadingLine | undefined => {
    const line = lines[i];
    if (!line?.afterBlank || skipped.has(i) || labelled.has(i)) return undefined;
    const title = splitTitle(lines, i);
    if (title) return title;
    if (byline(i)) return undefined;
    const own = ownText(line);
    const number = paragraphNumber(own);
    // "Leadership, management and governance<tab>Inadequate": a listed section with its judgement.
    const listedSection = majors.has(own.split("\t")[0].trim().toLowerCase());
    // "2. Budget outturn" over "2.1 The table below…": a numbered section, not a numbered paragraph.
    const numberedSection = number !== undefined && paragraphNumber(lines[i + 1]?.text ?? "") === `${number}.1` && isHeadingText(own.replace(/^\d+\.\s+/, ""));
    // "31. Apologies for absence" on its own over the item's text: a minute's heading, not a numbered paragraph.
    const below = lines[i + 1];
    const body = !!below?.afterBlank && /^[A-Z]/.test(below.text) && !isHeadingText(below.text) && bulletMarker(below.text) === 0 && paragraphNumber(below.text) === undefined && !labelled.has(i + 1);
    const numberedItem = number !== undefined && /^\d{1,3}\.\s/.test(own) && isItemTitle(own.replace(/^\d{1,3}\.\s+/, "")) && body;
    const plain = isHeadingText(own) && !rows.has(i) && (below?.afterBlank ?? true) && !isSignature(lines, i);
    return listedSection || numberedSection || numberedItem || plain ? { text: headingLabel(own.split("\t")[0]), lastLine: i } : undefined;
  };
  const placed = placeHeadings(lines, { shapeAt, skipped, levelOf, listed: (label) => majors.has(label.toLowerCase()), byline });

  let current: Unit | undefined;
  // The last unit that was closed by a page break rather than by its own end, and may go on.
  let open: Unit | undefined;
  const close = () => {
    if (current) units.push(current);
    current = undefined;
  };

  // What follows a letter's sign-off (its signature, those who signed) speaks for the whole
  // letter: it is filed under the letter's subject, or under no section, not under its last one.
  let signedUnder: number | undefined;
  let skipTo = -1;
  lines.forEach((line, i) => {
    if (i <= skipTo) return;
    if (skipped.has(i)) {
      if (current) open = current;
      close();
      if (SIGN_OFF.test(line.text)) signedUnder = letterHeading(lines, i, skipped, headings);
      return;
    }
    const lineText = ownText(line);
    const end = line.start + lineText.length;
    const last = current ?? open;
    if (last && line.afterBlank && continues(text.slice(last.start, last.end), lineText)) {
      if (!current) {
        units.pop();
        current = last;
      }
      current.end = end;
      current.lastLine = i;
      open = undefined;
      return;
    }
    open = undefined;
    const placedHeading = placed.get(i);
    if (placedHeading) {
      close();
      const parent = placedHeading.parentLine === undefined ? undefined : headings.findIndex((h) => h.line === placedHeading.parentLine);
      headings.push({ text: placedHeading.text, level: levelOf(placedHeading.text), line: i, ...(parent === undefined ? {} : { parent }) });
      signedUnder = undefined;
      skipTo = placedHeading.lastLine;
      return;
    }
    if (byline(i)) {
      close();
      units.push({ kind: "paragraph", start: line.start, end: lines[i + 1].end, breaks: [], heading: signedUnder ?? headings.length - 1, firstLine: i, lastLine: i + 1 });
      skipTo = i + 1;
      return;
    }
    const bullet = bulletMarker(lineText) > 0 || labelled.has(i);
    const number = labelled.has(i) ? undefined : paragraphNumber(lineText);
    const isTable = rows.has(i);
    const heading = signedUnder ?? headings.length - 1;
    const leadIn = current && current.kind !== "table" && /:\s*$/.test(text.slice(current.start, current.end));
    // "Present:" over "Cllr A Smith (Chair)" and "Cllr R Okafor": short lines under a lead-in are items, bullets or not.
    const shortItem =
      !line.afterBlank && !!current && (leadIn || !!current.unbulleted) && lineText.length <= SHORT_ITEM && /^[A-Z(]/.test(lineText) && !/[.,;]$/.test(lineText);
    if (shortItem) {
      current!.kind = "list";
      current!.unbulleted = true;
      current!.breaks.push(line.start);
    } else if (bullet) {
      if (current && (current.kind === "list" || leadIn)) {
        current.kind = "list";
      } else {
        close();
        current = { kind: "list", start: line.start, end, breaks: [], heading, firstLine: i, lastLine: i };
      }
      current.breaks.push(line.start);
    } else if (isTable) {
      // A table is read with its caption or lead-in ("Table 1: Households…", "…as follows:").
      const captioned = current?.kind === "paragraph" && (leadIn || CAPTION.test(text.slice(current.start, current.end)));
      if (captioned) {
        current!.kind = "table";
      } else if (!current || current.kind !== "table") {
        close();
        current = { kind: "table", start: line.start, end, breaks: [], heading, firstLine: i, lastLine: i };
      }
      current!.breaks.push(line.start);
    } else if (number !== undefined || line.afterBlank || !current || current.kind === "table") {
      close();
      current = { kind: "paragraph", start: line.start, end, breaks: [], paragraph: number, heading, firstLine: i, lastLine: i };
    }
    // Otherwise the line wraps the paragraph or list item above it.
    current!.end = end;
    current!.lastLine = i;
  });
  close();
  return { lines, furniture, headings, units, letterLines };
}
