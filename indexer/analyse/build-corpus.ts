import type { DocumentRecord, Passage, Sentence } from "../contract/schemas.js";
import type { SourceFile } from "../read-documents.js";
import { parseDocument, type ParsedDocument } from "../parse/parse-document.js";
import { findNearDuplicates } from "./mark-duplicates.js";
import { opensListItem } from "../parse/lines.js";

export interface Corpus {
  documents: DocumentRecord[];
  passages: Passage[];
  sentences: Sentence[];
}

/** Text as searched: furniture inside the span blanked out, Markdown and HTML markup dropped. */
function searchableText(text: string, start: number, end: number, furniture: ParsedDocument["furniture"]): string {
  let out = "";
  let at = start;
  for (const f of furniture) {
    if (f.end <= at || f.start >= end) continue;
    out += text.slice(at, Math.max(at, f.start)) + " ";
    at = Math.max(at, f.end);
  }
  out += text.slice(at, end);
  return out.replace(/\*\*|<\/?[a-z][^>]*>/gi, "").replace(/\s+/g, " ").trim();
}

/**
 * Parses every document and lays out the corpus: passages and sentences with their
 * offsets, inherited metadata and search text, near-duplicates marked across documents.
 */
export function buildCorpus(files: SourceFile[]): Corpus {
  const documents: DocumentRecord[] = [];
  const passages: Passage[] = [];
  const sentences: Sentence[] = [];
  for (const file of files) {
    const parsed = parseDocument(file.id, file.text);
    documents.push({ id: file.id, file: file.file, hash: file.hash, ...parsed.meta, parts: parsed.parts, text: file.text });
    for (const p of parsed.passages) {
      const body = searchableText(file.text, p.start, p.end, parsed.furniture);
      passages.push({
        id: p.id,
        documentId: file.id,
        start: p.start,
        end: p.end,
        section: p.section,
        paragraph: p.paragraph,
        source: p.source,
        searchText: [...p.section, body].join(" \n"),
        duplicateOf: null,
        sentenceIds: p.sentences.map((s) => s.id),
      });
      for (const s of p.sentences) {
        sentences.push({
          searchText: searchableText(file.text, s.start, s.end, parsed.furniture),
          id: s.id,
          passageId: p.id,
          listItem: opensListItem(file.text, s.start),
          tableRow: s.tableRow,
          documentId: file.id,
          start: s.start,
          end: s.end,
          section: p.section,
          paragraph: s.paragraph,
          source: p.source,
          duplicateOf: null,
          row: sentences.length,
        });
      }
    }
  }
  const bodyOf = (p: Passage) => p.searchText.slice(p.section.join(" \n").length);
  findNearDuplicates(passages.map(bodyOf)).forEach((j, i) => (passages[i].duplicateOf = j === null ? null : passages[j].id));
  findNearDuplicates(sentences.map((s) => s.searchText)).forEach((j, i) => (sentences[i].duplicateOf = j === null ? null : sentences[j].id));
  return { documents, passages, sentences };
}
