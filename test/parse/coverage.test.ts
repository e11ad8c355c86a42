import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDocument, type ParsedDocument } from "../../indexer/parse/parse-document.js";
import { readFrontMatter } from "../../indexer/parse/front-matter.js";
import { splitLines } from "../../indexer/parse/lines.js";
import { headingLabel } from "../../indexer/parse/structure.js";
import { trailingFurnitureAt } from "../../indexer/parse/furniture.js";
import { readSeeds } from "../helpers/seeds.js";

function readFolder(folder: string): Map<string, string> {
  const dir = fileURLToPath(new URL(`../fixtures/${folder}/`, import.meta.url));
  return new Map(readdirSync(dir).sort().map((f) => [`${folder}/${f}`, readFileSync(`${dir}${f}`, "utf8")]));
}

const documents = new Map([...readSeeds(), ...readFolder("other-councils"), ...readFolder("structure"), ...readFolder("headings")]);

/** A list item's marker or a paragraph's number, which the passage records rather than quotes. */
const MARKER = /^(?:#{1,6}\s+|[-•*▪◦–]\s+|\d{1,2}\)\s+)?(?:\d{1,3}(?:\.\d{1,2})?\.?\s+)?/;

/**
 * The words of a document that no sentence quotes and no section path names. What the parser
 * leaves out on purpose, and nothing else, is allowed:
 * - furniture (page numbers and footers, rules, contact lines and address blocks, a "Report
 *   title:" label, a contents list) and a letter's date, addressee, salutation and sign-off;
 * - YAML front matter, whose fields are the citation;
 * - the marker of a list item or the number of a paragraph, which the passage records;
 * - "This page is intentionally left blank" at the end of a line;
 * - the cover: lines above the first passage (title, publisher, council, date), which every
 *   citation carries;
 * - headings over nothing but furniture ("Contact Points" over telephone numbers).
 */
function lostWords(text: string, doc: ParsedDocument): string[] {
  const lines = splitLines(text);
  const inSentence = new Uint8Array(text.length);
  const leftOut = new Uint8Array(text.length);
  for (const p of doc.passages) for (const s of p.sentences) inSentence.fill(1, s.start, s.end);
  for (const r of doc.furniture) leftOut.fill(1, r.start, r.end);
  const front = readFrontMatter(text);
  if (front) leftOut.fill(1, 0, front.end);
  const firstPassage = doc.passages[0]?.start ?? text.length;
  // An embedded part's entry is its label and title ("Appendix 1: Letter"); an appendix's own heading is as written.
  const entries = new Set(doc.passages.flatMap((p) => p.section.flatMap((s) => [s, s.replace(/^(?:Appendix|Annex|Enclosure) \w+: /, "")])));
  // A heading in a path may be set over up to three lines ("Inspection of…" / "and" / "Review of…").
  const named = lines.map((_, i) => {
    for (let a = Math.max(0, i - 2); a <= i; a++) {
      for (let b = i; b <= Math.min(lines.length - 1, a + 2); b++) {
        const run = lines.slice(a, b + 1).map((l) => headingLabel(l.text.split("\t")[0]));
        if (entries.has(run.join(" "))) return true;
      }
    }
    return false;
  });
  const covered = (i: number) => named[i] || inSentence[lines[i].start] === 1 || leftOut[lines[i].start] === 1;
  const lost: string[] = [];
  lines.forEach((line, i) => {
    if (line.end <= firstPassage && !inSentence[line.start]) return;
    let next = i + 1;
    while (next < lines.length && !covered(next)) next++;
    if (!covered(i) && next < lines.length && leftOut[lines[next].start] && !inSentence[lines[next].start]) return;
    const skip = MARKER.exec(line.text)![0].length;
    const trailing = trailingFurnitureAt(line.text);
    const words = [...line.text.matchAll(/[\p{L}\p{N}]+/gu)].filter((m) => {
      const at = line.start + m.index!;
      return !(m.index! < skip || (trailing !== -1 && m.index! >= trailing) || named[i] || inSentence[at] || leftOut[at]);
    });
    if (words.length > 0) lost.push(`${line.text.slice(0, 60)}: ${words.map((m) => m[0]).join(" ")}`);
  });
  return lost;
}

describe("no words of a document vanish", () => {
  for (const [file, text] of documents) {
    it(`${file}: every word is quoted, names a section, or is left out on purpose`, () => {
      expect(lostWords(text, parseDocument("doc", text))).toEqual([]);
    });
  }
});
