import type { ScoredSentence } from "./score-sentences.js";

export interface SelectOptions {
  maxCitations: number;
  /** A document joins the answer when its best sentence scores at least this share of the best. */
  documentShare: number;
  /** Within a document, sentences scoring at least this share of its best are quoted. */
  sentenceShare: number;
  perDocument: number;
}

export const defaultSelectOptions: SelectOptions = { maxCitations: 10, documentShare: 0.6, sentenceShare: 0.7, perDocument: 4 };

/** Groups sentences by the source they cite: a document, or a document inside a pack. */
export const sourceKey = (s: ScoredSentence) => `${s.sentence.documentId}#${s.sentence.source.within?.label ?? ""}`;

/**
 * Picks the sentences to quote: the best of every source that speaks to the question,
 * not five from one report, with repeated sentences quoted once.
 */
export function selectSentences(scored: ScoredSentence[], options: Partial<SelectOptions> = {}): ScoredSentence[] {
  const { maxCitations, documentShare, sentenceShare, perDocument } = { ...defaultSelectOptions, ...options };
  const best = scored[0]?.score ?? 0;
  const bySource = new Map<string, ScoredSentence[]>();
  const seen = new Set<string>();
  for (const s of scored) {
    // A repeat of a sentence already taken (the slides quote the letter) is quoted once.
    if (seen.has(s.sentence.id) || (s.sentence.duplicateOf && seen.has(s.sentence.duplicateOf))) continue;
    const list = bySource.get(sourceKey(s)) ?? [];
    if (list.length === 0 && s.score < documentShare * best) continue;
    if (list.length > 0 && (list.length >= perDocument || s.score < sentenceShare * list[0].score)) continue;
    list.push(s);
    bySource.set(sourceKey(s), list);
    seen.add(s.sentence.id);
    if (s.sentence.duplicateOf) seen.add(s.sentence.duplicateOf);
  }
  // Fill the citation budget source by source, best sources first, so every source gets its best sentence.
  const sources = [...bySource.values()];
  const chosen: ScoredSentence[] = [];
  for (let round = 0; round < perDocument && chosen.length < maxCitations; round++) {
    for (const list of sources) if (list[round] && chosen.length < maxCitations) chosen.push(list[round]);
  }
  return chosen;
}
