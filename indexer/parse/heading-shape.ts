import { bulletMarker, LABELLED, paragraphNumber, SIGN_OFF, type Line } from "./lines.js";
import { ownText } from "./furniture.js";

const MAX_HEADING_WORDS = 13;
const MAX_QUESTION_WORDS = 20;
const MAX_HEADING_CHARS = 100;

/**
 * Shaped like a heading or a title line, whatever its length: capitalised, not closed by
 * punctuation, and not a list item, table row or labelled fact.
 */
export function headingShaped(text: string): boolean {
  if (!/^[A-Z0-9"'‘“]/.test(text) || /[.,;:]$/.test(text) || text.includes("\t")) return false;
  // "Report published: 24 January 2017" is a labelled fact, not a heading.
  if (LABELLED.test(text)) return false;
  return bulletMarker(text) === 0 && paragraphNumber(text) === undefined;
}

/** True for a line that reads as a heading on its own: a Markdown heading, or short and heading-shaped. */
export function isHeadingText(text: string): boolean {
  if (/^#{1,6}\s/.test(text)) return true;
  // A question heads its answers, and runs longer: "What is it like to be a child or young person with SEND in this area?"
  const maxWords = text.endsWith("?") ? MAX_QUESTION_WORDS : MAX_HEADING_WORDS;
  if (text.length > MAX_HEADING_CHARS || text.split(/\s+/).length > maxWords) return false;
  return headingShaped(text);
}

/** A minute's title after its number: short and capitalised, not a sentence ("Active Travel Fund: Tranche 2"). */
export function isItemTitle(text: string): boolean {
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

/** A heading line (or the first of a title set over several), as the document's lines place it. */
export interface HeadingLine {
  text: string;
  lastLine: number;
  /** The line of a heading set directly above with nothing under it, which is this one's parent. */
  parentLine?: number;
}

/** What reading a line's shape needs to know of the rest of the document. */
export interface ShapeContext {
  lines: Line[];
  /** Furniture and a letter's frame, which are never headings. */
  skipped: Set<number>;
  /** Labelled list items ("R1 …", "R2 …") and table rows, which are never headings. */
  labelled: Set<number>;
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
export function headingShapes({ lines, skipped, labelled, rows, listed, byline }: ShapeContext): (i: number) => HeadingLine | undefined {
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
    // "2. Budget outturn" over "2.1 The table below…": a numbered section, not a numbered paragraph.
    const numberedSection = number !== undefined && paragraphNumber(lines[i + 1]?.text ?? "") === `${number}.1` && isHeadingText(own.replace(/^\d+\.\s+/, ""));
    // "31. Apologies for absence" on its own over the item's text: a minute's heading, not a numbered paragraph.
    const below = lines[i + 1];
    const body = !!below?.afterBlank && /^[A-Z]/.test(below.text) && !isHeadingText(below.text) && bulletMarker(below.text) === 0 && paragraphNumber(below.text) === undefined && !labelled.has(i + 1);
    const numberedItem = number !== undefined && /^\d{1,3}\.\s/.test(own) && isItemTitle(own.replace(/^\d{1,3}\.\s+/, "")) && body;
    const plain = isHeadingText(own) && !rows.has(i) && (below?.afterBlank ?? true) && !isSignature(lines, i);
    return listedSection || numberedSection || numberedItem || plain ? { text: headingLabel(own.split("\t")[0]), lastLine: i } : undefined;
  };
}
