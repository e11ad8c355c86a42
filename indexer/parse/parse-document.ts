import { splitLines } from "./lines.js";
import { readStructure } from "./structure.js";
import { findLetters } from "./letters.js";
import { deriveMetadata, type SourceMeta } from "./metadata.js";
import { findEmbeddedParts, type EmbeddedPart } from "./embedded.js";
import { readFrontMatter } from "./front-matter.js";
import { splitPassages, defaultPassageOptions, type ParsedPassage, type PassageOptions } from "./passages.js";

export interface ParsedDocument {
  id: string;
  meta: SourceMeta;
  parts: Omit<EmbeddedPart, "firstLine" | "lastLine">[];
  passages: ParsedPassage[];
  /** Ranges of page furniture and boilerplate, kept out of search text. */
  furniture: { start: number; end: number }[];
}

/**
 * Reads one document: its metadata, the documents embedded in it, and its passages.
 * Pure: the same text always gives the same result.
 */
export function parseDocument(id: string, source: string, options: PassageOptions = defaultPassageOptions): ParsedDocument {
  // Front matter is read for its fields, then blanked so nothing else reads it; every offset stays the source's own.
  const front = readFrontMatter(source);
  const text = front ? source.slice(0, front.end).replace(/[^\r\n]/g, " ") + source.slice(front.end) : source;
  const lines = splitLines(text);
  const structure = readStructure(text, lines);
  const letters = findLetters(lines, structure.furniture);
  const container = { ...deriveMetadata(text, lines, structure, letters), ...front?.fields };
  const { meetingDate: _meetingDate, ...meta } = container;
  const parts = findEmbeddedParts(lines, structure.furniture, letters, container, text.length);
  const passages = splitPassages(id, text, structure, meta, parts, options);
  const furniture = [...structure.furniture, ...structure.letterLines].sort((a, b) => a - b).map((i) => ({ start: lines[i].start, end: lines[i].end }));
  return { id, meta, parts: parts.map(({ firstLine: _f, lastLine: _l, ...p }) => p), passages, furniture };
}
