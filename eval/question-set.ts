import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod/v4";
import type { LoadedIndex } from "../indexer/contract/load-index.js";
import { contentHash } from "../indexer/read-documents.js";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The evaluation's question sets: the shared sample, and the project's own. */
export const QUESTION_SETS = [
  { name: "sample", path: here("../../shared/eval/sample-questions.json") },
  { name: "own", path: here("../test/eval/questions.json") },
];

/** Where the sample's `file` names point: the shared seeds, matched to indexed documents by content. */
export const SHARED_SEEDS = here("../../shared/seeds");

export const QuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  kind: z.string(),
  expected: z.array(z.object({ file: z.string(), quote: z.string() })),
  answer_note: z.string().optional(),
});
export type Question = z.infer<typeof QuestionSchema>;

/** An expected passage located in the index: which document, which characters. */
export interface Expected {
  documentId: string;
  start: number;
  end: number;
}

export interface ResolvedQuestion extends Question {
  spans: Expected[];
}

/**
 * Reads a question set and locates every expected quote in the indexed documents. A
 * quote's `file` may name a document by its indexed file name, or by a file elsewhere
 * (`fileDirs`) whose content is the same document.
 */
export function loadQuestionSet(path: string, index: LoadedIndex, fileDirs: string[]): ResolvedQuestion[] {
  const questions = z.array(QuestionSchema).parse(JSON.parse(readFileSync(path, "utf8")));
  const byFile = new Map(index.documents.map((d) => [d.file, d]));
  const byHash = new Map(index.documents.map((d) => [d.hash, d]));
  const documentFor = (file: string) => {
    const direct = byFile.get(file);
    if (direct) return direct;
    for (const dir of fileDirs) {
      try {
        const doc = byHash.get(contentHash(readFileSync(`${dir}/${file}`)));
        if (doc) return doc;
      } catch {
        // Not in this folder; try the next.
      }
    }
    throw new Error(`${path}: no indexed document matches "${file}".`);
  };
  return questions.map((q) => ({
    ...q,
    spans: q.expected.map(({ file, quote }) => {
      const doc = documentFor(file);
      const start = doc.text.indexOf(quote);
      if (start === -1) throw new Error(`${path} ${q.id}: the quote "${quote.slice(0, 60)}…" is not in ${doc.file}.`);
      return { documentId: doc.id, start, end: start + quote.length };
    }),
  }));
}
