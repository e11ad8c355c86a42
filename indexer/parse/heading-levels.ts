import { paragraphNumber, TOP_SECTION_NUMBER, type Line } from "./lines.js";
import { headingLabel, isHeadingText, MARKDOWN_HEADING } from "./heading-shape.js";

/** Below every Markdown level: a plain heading line in a Markdown document. */
const BELOW_MARKDOWN = 7;

/**
 * True for a heading in capitals that shouts its rank ("EXECUTIVE SUMMARY", "RULES"). A single
 * word the text also writes in capitals among its sentences is an acronym ("SEND", "CAMHS"), and
 * so is one holding a figure ("COVID-19"): written so because it is one, it says nothing of rank.
 */
function isShouted(label: string, acronyms: Set<string>): boolean {
  if (label !== label.toUpperCase() || !/[A-Z]{2}/.test(label)) return false;
  const words = label.split(/\s+/).filter((w) => /[A-Z]/.test(w));
  return words.length > 1 || !(/\d/.test(words[0]) || acronyms.has(words[0].replace(/[^\w-]/g, "")));
}

/** How a document ranks its headings, and which is its title. */
export interface HeadingLevels {
  /** A heading's level, 1 the outermost, from its first line and its label. */
  levelOf: (line: number, label: string) => number;
  /** The line of a Markdown document's "# Title", which names the document and heads none of its sections. */
  titleLine: number;
}

/**
 * How a document ranks its headings. In Markdown the hashes decide ("#" over "##" over "###"),
 * and a single "#" at the top is the document's title. In plain text, 1 is a top-level section
 * and 2 one inside it. The top-level sections are those the contents list names and those that
 * divide the document (`divisions`: "Appendix A: …", "Part 2. …", "5. Meeting housing needs"
 * over paragraphs 5.1, 5.2…); without either, a document that shouts some headings in capitals
 * puts the rest inside them. A heading used in several sections ("Summary", "Introduction") is
 * never top-level. A numbered section ends with its last numbered paragraph: a heading after
 * that is top-level again ("Monitoring framework" after paragraph 6.8).
 */
export function headingLevels(lines: Line[], skipped: Set<number>, contentsRows: Set<number>, majors: Set<string>, divisions: Set<number>): HeadingLevels {
  const hashes = lines.map((l) => MARKDOWN_HEADING.exec(l.text)?.[1].length);
  if (hashes.some((h) => h !== undefined)) {
    const tops = hashes.flatMap((h, i) => (h === 1 ? [i] : []));
    const first = hashes.findIndex((h) => h !== undefined);
    return { levelOf: (line) => hashes[line] ?? BELOW_MARKDOWN, titleLine: tops.length === 1 && tops[0] === first ? first : -1 };
  }
  const headingShaped = lines.map((l) => isHeadingText(l.text));
  const acronyms = new Set(lines.filter((l, i) => !headingShaped[i]).flatMap((l) => l.text.match(/\b[A-Z][A-Z0-9-]*[A-Z0-9]\b/g) ?? []));
  const shouted = (label: string) => isShouted(label, acronyms);
  const hasCapsHeadings = lines.some((l, i) => !skipped.has(i) && headingShaped[i] && /[A-Z]{4}/.test(l.text) && shouted(l.text));
  const headingCounts = new Map<string, number>();
  for (const [i, l] of lines.entries()) {
    if (!headingShaped[i] || contentsRows.has(i)) continue;
    const key = headingLabel(l.text).toLowerCase();
    headingCounts.set(key, (headingCounts.get(key) ?? 0) + 1);
  }
  const division = [...divisions].sort((a, b) => a - b);
  // Past the last paragraph numbered "5.x", a heading is outside numbered section 5, and so is
  // the next number ("47. MINUTES" after "46. DECLARATIONS OF INTEREST"). A section that numbers
  // no paragraphs holds the headings under it ("3. DETAILED FINDINGS" over "Finding 1 – …").
  const afterNumberedSection = (line: number): boolean => {
    const above = division.filter((d) => d < line).pop();
    const number = above === undefined ? undefined : paragraphNumber(lines[above].text);
    if (number === undefined || number.includes(".")) return false;
    if (TOP_SECTION_NUMBER.test(lines[line].text)) return true;
    const end = division.find((d) => d > line) ?? lines.length;
    const numbers = (from: number, to: number) => lines.slice(from, to).some((l) => paragraphNumber(l.text)?.startsWith(`${number}.`));
    return numbers(above! + 1, line) && !numbers(line + 1, end);
  };
  const levelOf = (line: number, label: string) => {
    if (divisions.has(line)) return 1;
    if ((headingCounts.get(label.toLowerCase()) ?? 0) > 1) return 2;
    if (majors.has(label.toLowerCase())) return 1;
    if (majors.size > 0 || divisions.size > 0) return afterNumberedSection(line) ? 1 : 2;
    return hasCapsHeadings && !shouted(label) ? 2 : 1;
  };
  return { levelOf, titleLine: -1 };
}
