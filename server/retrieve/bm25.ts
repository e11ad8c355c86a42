import type { LoadedIndex } from "../../indexer/contract/load-index.js";
import type { Concept } from "./prepare-query.js";

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

/** BM25 contributions of a set of terms to every passage (by row), all IDFs scaled to add up to `value`. */
function termScores(index: LoadedIndex, terms: string[], value: number): Float64Array {
  const { lengths, averageLength, postings } = index.lexical;
  const scores = new Float64Array(index.passages.length);
  const own = terms.reduce((sum, t) => sum + idf(index, t), 0) || 1;
  for (const term of terms) {
    const list = postings.get(term);
    if (!list) continue;
    const w = (value * idf(index, term)) / own;
    for (let i = 0; i < list.length; i += 2) {
      const row = list[i];
      const tf = list[i + 1];
      scores[row] += (w * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[row]) / averageLength));
    }
  }
  return scores;
}

/** How much a synonym counts against the question's own wording; an acronym counts in full. */
export const SYNONYM_WEIGHT = 0.5;
/** How much a place, publisher, month or year counts against a subject word. */
export const METADATA_WEIGHT = 0.25;

/**
 * What a concept is worth: the IDF of the question's own wording, or, for a word no
 * document uses ("kids"), of its most common alternative ("children"), so that an
 * everyday word never outweighs the documents' own vocabulary. Zero when the documents
 * use none of its wordings.
 */
export function conceptValue(index: LoadedIndex, concept: Concept): number {
  const worth = (alt: string[]) => alt.reduce((sum, t) => sum + idf(index, t), 0);
  const present = (alt: string[]) => alt.every((t) => index.lexical.postings.has(t));
  if (present(concept.alternatives[0])) return worth(concept.alternatives[0]);
  const found = concept.alternatives.filter(present).map(worth);
  return found.length > 0 ? Math.min(...found) : 0;
}

/**
 * BM25 score of every passage (by row) for a question's concepts. Each concept scores by
 * its best wording in the passage, each wording scaled to the concept's worth: "FFD" counts
 * as much as "family front door", and a passage using both is not counted twice.
 */
export function bm25Scores(index: LoadedIndex, concepts: Concept[]): Float64Array {
  const scores = new Float64Array(index.passages.length);
  for (const concept of concepts) {
    const value = conceptValue(index, concept) * (concept.metadata ? METADATA_WEIGHT : 1);
    const best = new Float64Array(index.passages.length);
    concept.alternatives.forEach((alt, k) => {
      const alternative = termScores(index, alt, k === 0 || concept.kind === "acronym" ? value : value * SYNONYM_WEIGHT);
      for (let row = 0; row < best.length; row++) if (alternative[row] > best[row]) best[row] = alternative[row];
    });
    for (let row = 0; row < scores.length; row++) scores[row] += best[row];
  }
  return scores;
}
