import type { LoadedIndex } from "../../indexer/contract/load-index.js";
import type { Passage } from "../../indexer/contract/schemas.js";
import type { PreparedQuery } from "./prepare-query.js";
import { bm25Scores } from "./bm25.js";
import { cosineScores } from "./dense.js";
import { passes } from "./filters.js";
import type { Filters } from "../http/schemas.js";

/** How the lexical and dense rankings combine; `npm run eval` compares them. */
export type Fusion = "bm25" | "dense" | "rrf" | "weighted";

export interface SearchOptions {
  filters: Filters;
  /** What the question is about beyond the filters: passages of, or naming, a place it names. */
  about?: (passage: Passage) => boolean;
  limit: number;
  fusion: Fusion;
  /** Share of the dense signal in weighted fusion. */
  denseWeight: number;
}

export const defaultSearchOptions: SearchOptions = { filters: {}, limit: 40, fusion: "weighted", denseWeight: 0.3 };

export interface Hit {
  passage: Passage;
  row: number;
  /** Fused score, 1 for the best passage. */
  score: number;
  lexical: number;
  dense: number;
}

/** Reciprocal rank fusion's damping constant, as in the original paper. */
const RRF_K = 60;

function ranks(scores: Float64Array, rows: number[]): Map<number, number> {
  const sorted = [...rows].sort((a, b) => scores[b] - scores[a]);
  return new Map(sorted.map((row, i) => [row, i + 1]));
}

/** Dense similarity rescaled so the typical passage scores 0 and the best 1. */
function rescale(scores: Float64Array, rows: number[]): (row: number) => number {
  const values = rows.map((r) => scores[r]).sort((a, b) => a - b);
  const median = values[Math.floor(values.length / 2)] ?? 0;
  const max = values[values.length - 1] ?? 1;
  return (row) => Math.max(0, (scores[row] - median) / (max - median || 1));
}

/**
 * Ranks passages for a prepared query by BM25 and dense similarity, fused; drops
 * passages outside the filters and near-duplicates of a passage already ranked.
 */
export function searchPassages(index: LoadedIndex, query: PreparedQuery, queryVector: ArrayLike<number>, options: Partial<SearchOptions> = {}): Hit[] {
  const { filters, about, limit, fusion, denseWeight } = { ...defaultSearchOptions, ...options };
  const rows = index.passages.flatMap((p, row) => (passes(p, filters) && (!about || about(p)) ? [row] : []));
  const lexical = bm25Scores(index, query.concepts);
  const dense = cosineScores(queryVector, index.passageVectors);
  // A loop rather than Math.max(...), which would build an argument list as long as the corpus on every query.
  const maxLexical = rows.reduce((max, r) => Math.max(max, lexical[r]), 1e-9);
  const denseNorm = rescale(dense, rows);
  let fused: (row: number) => number;
  if (fusion === "bm25") fused = (r) => lexical[r] / maxLexical;
  else if (fusion === "dense") fused = denseNorm;
  else if (fusion === "rrf") {
    const lr = ranks(lexical, rows);
    const dr = ranks(dense, rows);
    fused = (r) => (lexical[r] > 0 ? 1 / (RRF_K + lr.get(r)!) : 0) + 1 / (RRF_K + dr.get(r)!);
  } else fused = (r) => (1 - denseWeight) * (lexical[r] / maxLexical) + denseWeight * denseNorm(r);

  const scored = rows.map((row) => ({ row, score: fused(row) })).sort((a, b) => b.score - a.score);
  const top = scored[0]?.score || 1;
  const hits: Hit[] = [];
  const taken = new Set<string>();
  for (const { row, score } of scored) {
    if (hits.length >= limit) break;
    const passage = index.passages[row];
    if (passage.duplicateOf && taken.has(passage.duplicateOf)) continue;
    taken.add(passage.id);
    hits.push({ passage, row, score: score / top, lexical: lexical[row], dense: dense[row] });
  }
  return hits;
}
