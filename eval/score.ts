import type { ResolvedQuestion } from "./question-set.js";
import { percentile } from "../bench/stats.js";

export interface CitedSpan {
  documentId: string;
  start: number;
  end: number;
}

export interface Outcome {
  question: ResolvedQuestion;
  abstained: boolean;
  cited: CitedSpan[];
  citedChars: number;
  exact: number;
  inexact: number;
  ms: number;
}

export interface Scores {
  questions: number;
  answerable: number;
  recall: number;
  hit: number;
  precision: number;
  exactness: number;
  correctAbstentions: number;
  unanswerable: number;
  falseAbstentions: number;
  citedChars: number;
  p50: number;
  p95: number;
}

/** True when two spans of the same document share a character. */
export const overlaps = (a: CitedSpan, b: CitedSpan) => a.documentId === b.documentId && a.start < b.end && b.start < a.end;

/** Share of a question's expected passages that some citation overlaps. */
export function recallOf(o: Outcome): number {
  const spans = o.question.spans;
  return spans.length === 0 ? 0 : spans.filter((e) => o.cited.some((c) => overlaps(c, e))).length / spans.length;
}

/** The evaluation's figures, defined as in shared/eval/BASELINES.md. */
export function score(outcomes: Outcome[]): Scores {
  const answerable = outcomes.filter((o) => o.question.spans.length > 0);
  const unanswerable = outcomes.filter((o) => o.question.spans.length === 0);
  const answered = answerable.filter((o) => !o.abstained);
  const cited = outcomes.flatMap((o) => o.cited.map((c) => ({ c, o })));
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  return {
    questions: outcomes.length,
    answerable: answerable.length,
    recall: mean(answerable.map(recallOf)),
    hit: mean(answerable.map((o) => (recallOf(o) > 0 ? 1 : 0))),
    precision: cited.length ? cited.filter(({ c, o }) => o.question.spans.some((e) => overlaps(c, e))).length / cited.length : 0,
    exactness: mean(outcomes.flatMap((o) => [...Array(o.exact).fill(1), ...Array(o.inexact).fill(0)])) || (cited.length ? 0 : 1),
    correctAbstentions: unanswerable.filter((o) => o.abstained).length,
    unanswerable: unanswerable.length,
    falseAbstentions: answerable.length - answered.length,
    citedChars: mean(answered.map((o) => o.citedChars)),
    p50: percentile(outcomes.map((o) => o.ms), 50),
    p95: percentile(outcomes.map((o) => o.ms), 95),
  };
}
