import { bulletMarker, continues, labelledItems, paragraphNumber, tableRows, HEAD_LINES, SALUTATION, SIGN_OFF, TOP_SECTION_NUMBER, type Line } from "./lines.js";
import { isByline, letterFrameLines } from "./letters.js";
import { findFurniture, isContactLine, ownText } from "./furniture.js";
import { readContents } from "./contents-list.js";
import { coverLines } from "./cover.js";
import { CAPTION, headingShapes, isDivision, isNumberedSection, unevenLabelledLines } from "./heading-shape.js";
import { headingLevels } from "./heading-levels.js";
import { placeHeadings } from "./place-headings.js";

export { headingLabel, splitTitle } from "./heading-shape.js";

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


/** The longest line that can be an unbulleted list item, as a name and role is. */
const SHORT_ITEM = 60;

/** A line that gives a value under a short label, as a cover sheet's do: "Report of: Director of Finance", "Status: Open". */
const LABELLED_LINE = /^[A-Z0-9][^:.;]{1,50}:\s+\S/;

/** A name and its role set apart by a spaced dash, however long: "Cllr Oliver Prentice - Deputy Leader and Cabinet Member for Finance". */
const NAME_AND_ROLE = /^[A-Z][^.:;]{2,60} [-–—] [A-Z][^.:;]{2,80}$/;

/** A lead-in of a line of its own over the names that follow: "Present:", "Apologies:", "Also in attendance:". */
const LIST_LEAD_IN = /^(?:present|apologies(?: for absence)?|also (?:in attendance|present)|in attendance|officers(?: present)?|members(?: present)?)\s*:\s*$/i;

/** Characters enough to read how a unit ends or opens (a colon, a last word, "Table 1:"). */
const UNIT_EDGE = 80;

export interface Heading {
  text: string;
  /** 1 for the outermost; a heading is read inside the nearest heading above it of a lower level. */
  level: number;
  line: number;
  /** Index into `Structure.headings` of the heading set directly above this one with nothing under it. */
  parent?: number;
  /** A Markdown document's "# Title": it names the document, so no section is read inside it. */
  title?: boolean;
}

export interface Structure {
  lines: Line[];
  furniture: Set<number>;
  headings: Heading[];
  units: Unit[];
  /** Lines that frame a letter: its date, "Dear …" and "Yours sincerely". */
  letterLines: Set<number>;
  /** The contents list's lines, which name sections, not what the document is or who wrote it. */
  contentsRows: Set<number>;
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
  coverLines(lines).forEach((i) => furniture.add(i));
  const contents = readContents(lines);
  contents.rows.forEach((i) => furniture.add(i));
  const letterLines = letterFrameLines(lines);
  const skipped = new Set([...furniture, ...letterLines]);
  const majors = contents.titles;
  const listed = (label: string) => majors.has(label.toLowerCase());
  const labelled = labelledItems(lines);
  const rows = tableRows(lines, skipped);
  const headings: Heading[] = [];
  const units: Unit[] = [];
  const byline = (i: number) => isByline(lines, i, furniture);
  // Each line's heading shape, worked out once: placing headings asks for a line's shape more than once.
  const shapeOf = headingShapes({ lines, skipped, labelled, uneven: unevenLabelledLines(lines), rows, listed, byline });
  const shapes = lines.map((_, i) => shapeOf(i));
  const shapeAt = (i: number) => shapes[i];
  // A numbered section divides the document; one numbered under it ("7.5 Disproportionality") is a part of that division.
  const divisions = new Set(
    lines.flatMap((_, i) => (shapeAt(i) && (isDivision(ownText(lines[i])) || (isNumberedSection(lines, i) && TOP_SECTION_NUMBER.test(ownText(lines[i])))) ? [i] : [])),
  );
  const { levelOf, titleLine } = headingLevels(lines, skipped, contents.rows, majors, divisions);
  const placed = placeHeadings(lines, { shapeAt, skipped, levelOf, listed, byline });

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
  // How a unit ends and how it opens: all that `continues`, a lead-in and a caption look at, without copying a long unit line by line.
  const endOf = (u: Unit) => text.slice(Math.max(u.start, u.end - UNIT_EDGE), u.end);
  const openingOf = (u: Unit) => text.slice(u.start, Math.min(u.end, u.start + UNIT_EDGE));
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
    if (last && line.afterBlank && continues(endOf(last), lineText)) {
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
      headings.push({ text: placedHeading.text, level: levelOf(i, placedHeading.text), line: i, ...(parent === undefined ? {} : { parent }), ...(i === titleLine ? { title: true } : {}) });
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
    const leadIn = current && current.kind !== "table" && /:\s*$/.test(endOf(current));
    // "Present:" over "Cllr A Smith (Chair)" and "Cllr R Okafor": short lines under a lead-in are items, bullets or not.
    // A cover sheet's "Report of: …" under "Report title: …": each labelled line says one thing. Further
    // down, labelled lines make one record ("Action A3: …", "Status: Delayed"), read together.
    const labelledLine = i < HEAD_LINES && !line.afterBlank && !!current && i > 0 && LABELLED_LINE.test(lineText) && LABELLED_LINE.test(ownText(lines[i - 1]));
    // "Present:" on its own, a blank line, then the members, each on a line of their own: the list goes on past the blank.
    const short = lineText.length <= SHORT_ITEM && /^[A-Z(]/.test(lineText) && !/[.,;]$/.test(lineText);
    const attendance = line.afterBlank && !!current && leadIn && current.firstLine === current.lastLine && LIST_LEAD_IN.test(endOf(current)) && (short || NAME_AND_ROLE.test(lineText));
    const shortItem =
      labelledLine ||
      attendance ||
      (!line.afterBlank &&
        !LIST_LEAD_IN.test(lineText) &&
        !!current &&
        (leadIn || !!current.unbulleted) &&
        (short || NAME_AND_ROLE.test(lineText)));
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
      const captioned = current?.kind === "paragraph" && (leadIn || CAPTION.test(openingOf(current)));
      if (captioned) {
        current!.kind = "table";
      } else if (!current || current.kind !== "table") {
        close();
        current = { kind: "table", start: line.start, end, breaks: [], heading, firstLine: i, lastLine: i };
      }
      current!.breaks.push(line.start);
    } else if (number !== undefined || line.afterBlank || !current || current.kind === "table" || LIST_LEAD_IN.test(lineText)) {
      close();
      current = { kind: "paragraph", start: line.start, end, breaks: [], paragraph: number, heading, firstLine: i, lastLine: i };
    }
    // Otherwise the line wraps the paragraph or list item above it.
    current!.end = end;
    current!.lastLine = i;
  });
  close();
  return { lines, furniture, ...keepHeadingsThatHead(headings, units, lines), letterLines, contentsRows: contents.rows };
}

/**
 * Past the cover, a heading that heads nothing (no text under it, nor a heading that heads
 * text) is content: "Overall judgement at last inspection: requires improvement to be good"
 * and "Enforcement action since last inspection: none" over a rule and the next section say
 * what they say, and would otherwise be neither quoted nor searched as sentences.
 */
function keepHeadingsThatHead(headings: Heading[], units: Unit[], lines: Line[]): { headings: Heading[]; units: Unit[] } {
  const headed = new Set(units.map((u) => u.heading));
  const firstContent = units[0]?.firstLine ?? lines.length;
  // "Contact Points" over an address and a telephone number heads them, though they are no content.
  const headsContacts = (k: number) => lines.slice(headings[k].line + 1, headings[k + 1]?.line ?? lines.length).some((l) => isContactLine(l.text));
  const empty = headings.map(() => false);
  for (let k = headings.length - 1; k >= 0; k--) {
    const h = headings[k];
    if (headed.has(k) || h.title || h.line < firstContent || headsContacts(k)) continue;
    let nestedHeads = false;
    for (let j = k + 1; j < headings.length && (headings[j].level > h.level || headings[j].parent === k); j++) if (!empty[j]) nestedHeads = true;
    empty[k] = !nestedHeads;
  }
  if (!empty.includes(true)) return { headings, units };
  const index = new Map<number, number>();
  headings.forEach((_, k) => empty[k] || index.set(k, index.size));
  // No longer a boundary, it goes on the section it was in.
  const under = (k: number) => {
    for (let j = k - 1; j >= 0; j--) if (!empty[j]) return index.get(j)!;
    return -1;
  };
  const freed: Unit[] = headings.flatMap((h, k) =>
    empty[k] ? [{ kind: "paragraph" as const, start: lines[h.line].start, end: lines[h.line].end, breaks: [], heading: under(k), firstLine: h.line, lastLine: h.line }] : [],
  );
  const kept = headings.flatMap((h, k) => (empty[k] ? [] : [{ ...h, ...(h.parent === undefined ? {} : { parent: index.get(h.parent) }) }]));
  const moved = units.map((u) => ({ ...u, heading: u.heading === -1 ? -1 : index.get(u.heading)! }));
  return { headings: kept, units: [...moved, ...freed].sort((a, b) => a.start - b.start) };
}
