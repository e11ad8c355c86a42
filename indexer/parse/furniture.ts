import type { Line } from "./lines.js";

/**
 * A cover sheet's "Report title: …" (or "Title: …"): the document's title, shown above every
 * quote, so not one of its sentences. (A letter's "Subject:" line is its title by another road.)
 */
export const TITLE_LABEL = /^(?:report )?title\s*:\s*(\S.*)$/i;

/** Page furniture and boilerplate that official documents repeat; never passages. */
const FURNITURE_PATTERNS: RegExp[] = [
  /^page \d+(?: of \d+)?$/i,
  /^\d{1,3}$/,
  /^this page (?:is )?intentionally (?:been )?left blank\.?$/i,
  /proud to use recycled paper/i,
  /^©|crown copyright/i,
  /open government licence|^you may reuse this information/i,
  /^this publication is available at/i,
  /^interested in our work\?/i,
  /^(?:t|tel|telephone|textphone|f|fax|e|email|w|web|direct [tf])\s*:?\s+[\d+(]/i,
  // A running footer that ends in its page number: "Northshire County Council – Cabinet – 4 May 2022   Page 1 of 3".
  /^.{0,100}\bpage \d+ of \d+$/i,
  TITLE_LABEL,
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

/** True for letterheads, addresses, phone numbers and other contact boilerplate. */
export function isContactLine(text: string): boolean {
  if (text.length > MAX_CONTACT_LINE) return false;
  return EMAIL.test(text) || PHONE.test(text) || WEB.test(text) || POSTCODE.test(text);
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

/**
 * Marks the lines that are not content: furniture, contact lines, and whole address
 * blocks (runs of short lines between blank lines where one of them is a contact line).
 */
export function findFurniture(lines: Line[]): Set<number> {
  const furniture = new Set<number>();
  let group: number[] = [];
  const closeGroup = () => {
    const short = group.every((i) => lines[i].text.length <= MAX_ADDRESS_LINE && !/[.?!]$/.test(lines[i].text));
    const hasContact = group.some((i) => isContactLine(lines[i].text));
    if (group.length > 1 && short && hasContact) group.forEach((i) => furniture.add(i));
    group = [];
  };
  lines.forEach((line, i) => {
    if (line.afterBlank) closeGroup();
    group.push(i);
    if (isFurnitureLine(line.text) || isContactLine(line.text)) furniture.add(i);
  });
  closeGroup();
  return furniture;
}
