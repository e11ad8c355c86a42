import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod/v4";
import type { LoadedIndex } from "../indexer/contract/load-index.js";
import { contentHash } from "../indexer/read-documents.js";
import { UserError } from "../indexer/user-error.js";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The evaluation's question sets: the shared sample, and the project's own. */
export const QUESTION_SETS = [
  { name: "sample", path: here("../../shared/eval/sample-questions.json") },
  { name: "own", path: here("../test/eval/questions.json") },
];

/**
 * The question sets whose files are there, and a line for each that is not: the sample
 * lives in the shared folder beside the repository, which a clone on its own lacks.
 */
export function presentSets(): { sets: typeof QUESTION_SETS; skipped: string[] } {
  const sets = QUESTION_SETS.filter((s) => existsSync(s.path));
  const skipped = QUESTION_SETS.filter((s) => !sets.includes(s)).map((s) => `${s.name.padEnd(7)} skipped: ${s.path} is not there; it comes with the shared folder beside this repository.`);
  return { sets, skipped };
}

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
  let questions: Question[];
  try {
    questions = z.array(QuestionSchema).parse(JSON.parse(readFileSync(path, "utf8")));
  } catch (error) {
    throw new UserError(`Cannot read the question set ${path}: ${(error as Error).message}`);
  }
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
    throw new UserError(`${path}: no indexed document matches "${file}".`);
  };
  return questions.map((q) => ({
    ...q,
    spans: q.expected.map(({ file, quote }) => {
      const doc = documentFor(file);
      const start = doc.text.indexOf(quote);
      if (start === -1) throw new UserError(`${path} ${q.id}: the quote "${quote.slice(0, 60)}…" is not in ${doc.file}.`);
      return { documentId: doc.id, start, end: start + quote.length };
    }),
  }));
}
