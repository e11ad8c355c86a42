import type { LoadedIndex } from "../../indexer/contract/load-index.js";

/** BM25's usual constants: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;

/** Inverse document frequency of a term over the passages. */
export function idf(index: LoadedIndex, term: string): number {
  const postings = index.lexical.postings.get(term);
  const n = index.passages.length;
  const df = postings ? postings.length / 2 : 0;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** BM25 score of every passage (by row) for weighted query terms; zero where none match. */
export function bm25Scores(index: LoadedIndex, terms: Map<string, number>): Float64Array {
  const { lengths, averageLength, postings } = index.lexical;
  const scores = new Float64Array(index.passages.length);
  for (const [term, weight] of terms) {
    const list = postings.get(term);
    if (!list) continue;
    const w = weight * idf(index, term);
    for (let i = 0; i < list.length; i += 2) {
      const row = list[i];
      const tf = list[i + 1];
      scores[row] += (w * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[row]) / averageLength));
    }
  }
  return scores;
}
