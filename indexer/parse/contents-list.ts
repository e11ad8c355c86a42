import { SECTION_NUMBER, type Line } from "./lines.js";
import { isHeadingText, withoutHashes } from "./heading-shape.js";

/** A document's contents list: its lines, which are navigation rather than content, and the titles it lists. */
export interface ContentsList {
  rows: Set<number>;
  /** The listed titles in lower case: the document's top-level sections. */
  titles: Set<string>;
}

/**
 * A contents row's page number, after a tab, a dot leader or the spaces that align it in text taken
 * from a PDF: "Findings<tab>7", "5. Findings ........ 7", "4. Financial sustainability      7".
 */
const PAGE = /(?:\t|\s?\.{3,}|\s{2,})\s*\d+$/;

/** The heads of a contents list's columns, above its rows: "Section      Page". */
const COLUMN_HEADS = /^(?:section|chapter|contents|title)?(?:\t|\s{2,})page(?: no\.?)?$/i;

/** A contents row's title without its section number, page or Markdown hashes: "1. Foreword from the Chair ..... 3" → "Foreword from the Chair". */
const entry = (text: string) => withoutHashes(text).replace(PAGE, "").replace(SECTION_NUMBER, "").trim();
const listed = (text: string) => entry(text).toLowerCase();

/**
 * Reads a contents list: the lines under "Contents" that end in page numbers or, without
 * page numbers, the block of short lines under it when most are found again below as headings.
 */
export function readContents(lines: Line[]): ContentsList {
  const rows = new Set<number>();
  const titles = new Set<string>();
  const at = lines.findIndex((l) => /^(?:#+\s+)?(?:table of )?contents$/i.test(l.text));
  if (at === -1) return { rows, titles };
  rows.add(at);
  let end = at + 1;
  if (lines[end] && COLUMN_HEADS.test(lines[end].text)) rows.add(end++);
  const first = end;
  while (end < lines.length && PAGE.test(lines[end].text)) end++;
  if (end === first) {
    while (end < lines.length && (end === first || !lines[end].afterBlank) && isHeadingText(entry(lines[end].text))) end++;
    const below = new Set(lines.slice(end).map((l) => listed(l.text)));
    const found = lines.slice(first, end).filter((l) => below.has(listed(l.text))).length;
    if (end - first < 2 || found * 2 < end - first) return { rows, titles };
  }
  for (let i = first; i < end; i++) {
    rows.add(i);
    titles.add(lines[i].text.replace(PAGE, "").trim().toLowerCase());
  }
  return { rows, titles };
}
