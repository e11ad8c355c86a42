import type { LexicalIndex } from "../contract/schemas.js";
import { terms } from "../contract/normalise.js";

/** Builds the BM25 postings for a list of texts once, so queries never rebuild them. */
export function buildLexicalIndex(texts: string[]): LexicalIndex {
  // A Map, because terms such as "constructor" would collide with an object's own properties.
  const postings = new Map<string, number[]>();
  const lengths = texts.map((text, row) => {
    const counts = new Map<string, number>();
    const t = terms(text);
    for (const term of t) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, tf] of counts) {
      const list = postings.get(term);
      if (list) list.push(row, tf);
      else postings.set(term, [row, tf]);
    }
    return t.length;
  });
  const averageLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
  return { postings: Object.fromEntries(postings), lengths, averageLength };
}
