/** One non-blank line of a document, trimmed, with offsets into the original text. */
export interface Line {
  /** Index of this line among all lines of the text, blank ones included. */
  row: number;
  start: number;
  end: number;
  text: string;
  /** Leading whitespace width: nested bullets and wrapped items are indented. */
  indent: number;
  /** True when a blank line (or the start of the text) comes right before. */
  afterBlank: boolean;
}

/** Lines near the top where a title, letterhead, dates and a cover sheet are found. */
export const HEAD_LINES = 15;

/** Splits text into trimmed non-blank lines, keeping exact offsets. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let row = 0;
  let afterBlank = true;
  let pos = 0;
  while (pos <= text.length) {
    const next = text.indexOf("\n", pos);
    const lineEnd = next === -1 ? text.length : next;
    const raw = text.slice(pos, lineEnd);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length === 0) {
      afterBlank = true;
    } else {
      const start = pos + lead;
      lines.push({ row, start, end: start + trimmed.length, text: trimmed, indent: lead, afterBlank });
      afterBlank = false;
    }
    row++;
    if (next === -1) break;
    pos = next + 1;
  }
  return lines;
}

/** An item's letter or small roman numeral: "b", "ii". */
export const ITEM_LETTER = String.raw`[a-z]|[ivx]{1,4}`;

/**
 * A lettered item's label, which stays in its quote: "(b) approve the plan" is recommendation (b);
 * so are "b." and "ii." as a PDF's orders list them ("ii. £400 for its handling of the request").
 */
const LETTER_LABEL = String.raw`\((?:${ITEM_LETTER})\)|[a-z]\)|(?:${ITEM_LETTER})\.`;
const LETTERED = new RegExp(`^(?:${LETTER_LABEL})\\s`);
const BULLET = new RegExp(String.raw`^(?:[-•*▪◦–]|\d{1,2}\)|${LETTER_LABEL})\s+`);

/** The bullet marker's length if the line is a bullet item ("- text", "• text"), else 0. */
export function bulletMarker(line: string): number {
  const m = BULLET.exec(line);
  if (!m) return 0;
  // "- 14. text" is a numbered paragraph written as a list item, not a bullet; "- 73 live
  // with foster families" and "• 3.2 Increase the number of foster carers" are bullets.
  return paragraphNumber(line) !== undefined ? 0 : m[0].length;
}

/** True when a sentence starting at `start` opens a list item: only a bullet marker comes before it on its line. */
export function opensListItem(text: string, start: number): boolean {
  const before = text.slice(text.lastIndexOf("\n", start - 1) + 1, start).trimStart();
  if (before === "") return LETTERED.test(text.slice(start, start + 8));
  return bulletMarker(`${before}x`) === before.length;
}

/**
 * The paragraph number of a numbered paragraph ("22. text", "- 14. text", "1.2 text", "5.1.3 text"), else undefined.
 * Lines holding tabs are table rows, whose leading numbers label rows rather than paragraphs.
 */
export function paragraphNumber(line: string): string | undefined {
  if (line.includes("\t")) return undefined;
  // "22. text", or a council report's "1.2 The budget…", "5.1.3 Families…" or "5.2 **Question 1.**".
  const m = /^(?:[-•]\s+)?(\d{1,3})\.\s+(?=\S)/.exec(line) ?? DECIMAL_PARAGRAPH.exec(line);
  return m ? m[1] : undefined;
}

/** A decimal paragraph number and the space after it, a capital following: "1.2 The budget…", not "1.2 million people". */
export const DECIMAL_NUMBER = String.raw`(\d{1,3}\.\d{1,2}(?:\.\d{1,2})?)\.?\s+(?=\*{0,2}[A-Z(])`;
const DECIMAL_PARAGRAPH = new RegExp(`^${DECIMAL_NUMBER}`);

/** Footnote marks set as superscript digits: "episodes.²", "Table 1 shows the number.¹". */
export const SUPERSCRIPTS = /[¹²³⁴⁵⁶⁷⁸⁹⁰]+/g;

/**
 * An item's label and number: "R2 Reduce exclusions" (R, 2), "Recommendation 2: Reduce…"
 * (Recommendation, 2), "2 Reduce…" ("", 2). Undefined for a numbered paragraph or a table row.
 */
function itemLabel(line: string): { family: string; n: number } | undefined {
  if (line.includes("\t") || paragraphNumber(line) !== undefined) return undefined;
  // The item's own words start with a capital: "Placement 2 was reviewed…" is a sentence.
  const m = /^(?:([A-Z]{1,3})(\d{1,2})|([A-Z][a-z]+(?: [a-z]+){0,2}) (\d{1,2})|(\d{1,2}))[:.)]?\s+(?=[A-Z"'‘“(])/.exec(line);
  if (!m) return undefined;
  return { family: m[1] ?? m[3] ?? "", n: Number(m[2] ?? m[4] ?? m[5]) };
}

/**
 * The lines that are labelled items: a run of lines each opening with the same label and the
 * next number ("R1 …", "R2 …"), blank lines between allowed. One such line alone is not an
 * item: "Table 1: Households…" is a caption, "12 children were…" a sentence.
 */
export function labelledItems(lines: Line[]): Set<number> {
  const items = new Set<number>();
  const labels = lines.map((l) => itemLabel(l.text));
  labels.forEach((label, i) => {
    // The next item starts after any lines its own text wraps onto.
    let j = i + 1;
    while (j < lines.length && !lines[j].afterBlank) j++;
    const next = labels[j];
    if (label && next && next.family === label.family && next.n === label.n + 1) {
      items.add(i);
      items.add(j);
    }
  });
  return items;
}

/** True for a line set out in columns: cells split by tabs, by "|", or by runs of three or more spaces. */
export function inColumns(line: string): boolean {
  return line.includes("\t") || /^\|.*\|$|\S \| \S|\S {3,}\S/.test(line);
}

/**
 * The lines that are rows of a table: a line holding tabs, or one set out in columns beside
 * another (a single line with wide spaces is prose typed loosely).
 */
export function tableRows(lines: Line[], skipped: Set<number>): Set<number> {
  const columns = lines.map((l, i) => !skipped.has(i) && inColumns(l.text));
  const rows = new Set<number>();
  lines.forEach((line, i) => {
    const beside = (!line.afterBlank && columns[i - 1]) || (!lines[i + 1]?.afterBlank && columns[i + 1]);
    if (columns[i] && (line.text.includes("\t") || beside)) rows.add(i);
  });
  return rows;
}

/** True for lines that end a sentence or clause, so the next block cannot be their continuation. */
export function endsClause(text: string): boolean {
  return /[.?!:;)"'’”]\s*$/.test(text) || /\*\*$/.test(text);
}

/** True when text starts the way a continued sentence does: a lower-case word. */
export function startsMidSentence(text: string): boolean {
  return /^[a-z(]/.test(text);
}

/** True when text stops on a word no sentence ends with ("…inspected by"), so the next line goes on with it. */
export function endsUnfinished(text: string): boolean {
  return /\b(?:by|of|the|a|an|to|for|from|with)$/.test(text);
}

/**
 * True when a line set after a blank one carries on the text before it: a page break
 * mid-sentence ("…has remained" / "constant, and…", "…inspected by" / "Estyn, Her Majesty's…").
 */
export function continues(before: string, line: string): boolean {
  if (startsMidSentence(line)) return !endsClause(before);
  return endsUnfinished(before) && /^[A-Z]/.test(line) && bulletMarker(line) === 0 && paragraphNumber(line) === undefined;
}

/** Text set wholly in bold: a heading Markdown marks without hashes, or a paragraph's lead-in ("**Question 2 (spare seat charge).**"). */
export const BOLD_LINE = /^\*\*([^*]+)\*\*$/;

/** A section's number before its title: "1. ", "2.4 ", "3.3.1 ". */
export const SECTION_NUMBER = /^\d+(?:\.\d+)*\.?\s+/;

/** A whole section's number, not a sub-section's: "3. ", not "7.5 ". */
export const TOP_SECTION_NUMBER = /^\d{1,3}\.\s/;

/** A labelled fact or note: "Report published: 24 January 2017", "Contact officer: Tom Ellery". */
export const LABELLED = /^[\w ]{2,30}:\s/;

/** A letter's salutation: "Dear Ms Clarke". */
export const SALUTATION = /^dear\s+\S/i;

/** A letter's sign-off: "Yours sincerely". */
export const SIGN_OFF = /^yours (?:sincerely|faithfully)/i;

/** A line that is only a person's name: "Tina Russell", "Mrs Jane Potter". */
export const PERSON_LINE = /^(?:(?:Mr|Mrs|Ms|Miss|Dr)\.? )?[A-Z][a-z]+(?: [A-Z][a-z'-]+){1,2}$/;

/** A line that is only a job title: "Assistant Director Safeguarding", "Chief Executive". */
export const ROLE_LINE = /^(?=.*\b(?:Director|Manager|Officer|Head|Chief|Executive|Inspector|Chair(?:man|woman|person)?|Leader|Councillor|Adviser|Advisor|Secretary)\b)[A-Z][\w'&,-]*(?: [\w'&,:-]+){0,7}$/;
