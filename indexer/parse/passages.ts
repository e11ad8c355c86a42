import type { Heading, Structure, Unit } from "./structure.js";
import type { EmbeddedPart } from "./embedded.js";
import type { SourceMeta } from "./metadata.js";
import type { Source } from "../contract/schemas.js";
import { splitSentences, type Span } from "./sentences.js";
import { LABELLED } from "./lines.js";

export interface ParsedSentence extends Span {
  id: string;
  /** True for a row of a table, the header row included: its caption and header say what its figures are. */
  tableRow: boolean;
  /** The number of the paragraph it is in, its own though a tiny neighbour shares its passage. */
  paragraph: string | null;
}

type Piece = Span & { tableRow: boolean; paragraph: string | null };

export interface ParsedPassage extends Span {
  id: string;
  section: string[];
  paragraph: string | null;
  source: Source;
  sentences: ParsedSentence[];
}

export interface PassageOptions {
  /** A paragraph longer than this is split at sentence boundaries. */
  maxChars: number;
  /** A fragment shorter than this joins a neighbour in the same section. */
  minChars: number;
}

export const defaultPassageOptions: PassageOptions = { maxChars: 700, minChars: 100 };

interface Chunk {
  sentences: Piece[];
  section: string[];
  paragraph: string | null;
  part: number;
  firstLine: number;
  lastLine: number;
  /** A labelled note ("Contact officer: Tom Ellery"), which is no part of a numbered paragraph beside it. */
  note: boolean;
}

const spanOf = (c: Chunk): Span => ({ start: c.sentences[0].start, end: c.sentences[c.sentences.length - 1].end });
const lengthOf = (c: Chunk) => spanOf(c).end - spanOf(c).start;
const sameSection = (a: Chunk, b: Chunk) => a.part === b.part && a.section.join("\u0000") === b.section.join("\u0000");

function partOf(unit: Unit, parts: EmbeddedPart[]): number {
  return parts.findIndex((p) => unit.firstLine >= p.firstLine && unit.lastLine <= p.lastLine);
}

/**
 * The heading path above a unit, counting only headings inside the same part: its heading, the
 * headings set directly above it with nothing between ("Main findings" / "Outcomes"), and
 * above those, each time, the nearest heading before of a lower level.
 */
function sectionOf(unit: Unit, structure: Structure, part: EmbeddedPart | undefined): string[] {
  const visible = structure.headings.slice(0, unit.heading + 1).filter((h) => !part || h.line >= part.firstLine);
  const own: Heading[] = [];
  for (let h: Heading | undefined = visible[visible.length - 1]; h && visible.includes(h); h = h.parent === undefined ? undefined : structure.headings[h.parent]) own.unshift(h);
  let level = own[0]?.level ?? 0;
  for (let k = own.length > 0 ? visible.indexOf(own[0]) - 1 : -1; k >= 0; k--) {
    if (visible[k].level >= level || visible[k].title) continue;
    own.unshift(visible[k]);
    level = visible[k].level;
  }
  const path = own.map((h) => h.text);
  return part ? [`${part.label}: ${part.title}`, ...path] : path;
}

/** Groups a unit's sentences into chunks no longer than maxChars, never splitting a sentence. */
function chunkUnit(text: string, unit: Unit, base: Omit<Chunk, "sentences">, maxChars: number): Chunk[] {
  // A table's rows start at its breaks; its caption or lead-in, before the first, is no row.
  // Sentences and breaks both run in order, so one pass finds the row each sentence starts on.
  let row = -1;
  const onRow = (s: Span) => {
    while (row + 1 < unit.breaks.length && unit.breaks[row + 1] <= s.start) row++;
    return unit.kind === "table" && row >= 0 && !text.slice(unit.breaks[row], s.start).includes("\n");
  };
  const sentences = splitSentences(text, unit.start, unit.end, unit.breaks, unit.kind === "table").map((s) => ({ ...s, tableRow: onRow(s), paragraph: unit.paragraph ?? null }));
  const chunks: Chunk[] = [];
  for (const s of sentences) {
    const last = chunks[chunks.length - 1];
    if (last && s.end - last.sentences[0].start <= maxChars) last.sentences.push(s);
    else chunks.push({ ...base, sentences: [s] });
  }
  return chunks;
}

/**
 * Folds fragments shorter than minChars into a neighbour of the same section and part,
 * but never across furniture or a letter's sign-off, which would then sit inside the passage,
 * nor a note into a numbered paragraph.
 */
function mergeTiny(chunks: Chunk[], { minChars, maxChars }: PassageOptions, skipped: Set<number>): Chunk[] {
  const out: Chunk[] = [];
  const between = (a: Chunk, b: Chunk) => [...Array(Math.max(0, b.firstLine - a.lastLine - 1)).keys()].some((k) => skipped.has(a.lastLine + 1 + k));
  for (const chunk of chunks) {
    const prev = out[out.length - 1];
    const fits =
      prev &&
      sameSection(prev, chunk) &&
      !(prev.paragraph && chunk.paragraph) &&
      !(prev.note && chunk.paragraph) &&
      !(prev.paragraph && chunk.note) &&
      lengthOf(prev) + lengthOf(chunk) <= maxChars * 1.3 &&
      !between(prev, chunk);
    if (fits && (lengthOf(prev) < minChars || lengthOf(chunk) < minChars)) {
      prev.sentences.push(...chunk.sentences);
      prev.paragraph ??= chunk.paragraph;
      prev.lastLine = chunk.lastLine;
    } else {
      out.push(chunk);
    }
  }
  return out;
}

/**
 * Splits a document into passages that follow its structure: a paragraph or numbered
 * paragraph each, long ones split between sentences, tiny ones joined to a neighbour.
 * Each passage lists its sentences; offsets index the original text.
 */
export function splitPassages(
  documentId: string,
  text: string,
  structure: Structure,
  meta: SourceMeta,
  parts: EmbeddedPart[],
  options: PassageOptions = defaultPassageOptions,
): ParsedPassage[] {
  const chunks = structure.units.flatMap((unit) => {
    const part = partOf(unit, parts);
    const note = unit.kind === "paragraph" && unit.paragraph === undefined && LABELLED.test(structure.lines[unit.firstLine].text);
    const base = { section: sectionOf(unit, structure, parts[part]), paragraph: unit.paragraph ?? null, part, firstLine: unit.firstLine, lastLine: unit.lastLine, note };
    return chunkUnit(text, unit, base, options.maxChars);
  });
  const skipped = new Set([...structure.furniture, ...structure.letterLines]);
  return mergeTiny(chunks, options, skipped).map((chunk, i) => {
    const id = `${documentId}:${i + 1}`;
    const part = parts[chunk.part];
    const source: Source = part
      ? {
          title: part.title,
          publisher: part.publisher,
          place: part.place,
          kind: part.kind,
          date: part.date,
          ...(part.author ? { author: part.author } : {}),
          within: { documentId, title: meta.title, label: part.label },
        }
      : { ...meta };
    return {
      id,
      ...spanOf(chunk),
      section: chunk.section,
      paragraph: chunk.paragraph,
      source,
      sentences: chunk.sentences.map((s, k) => ({ id: `${id}.${k + 1}`, start: s.start, end: s.end, tableRow: s.tableRow, paragraph: s.paragraph })),
    };
  });
}
