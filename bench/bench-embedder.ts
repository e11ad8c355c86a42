import { createUseLite } from "../indexer/embedders/use-lite.js";
import type { Embedder } from "../indexer/embedders/embedder.js";
import { median, msSince, percentile } from "./stats.js";

export interface EmbedderFigures {
  embedder: Embedder;
  loadMs: number;
  samples: number[];
  median: number;
  p95: number;
}

/**
 * Loads USE-lite in this thread, as the server does, warms it up, then embeds each
 * question on its own, as a query would be.
 */
export async function benchEmbedder(questions: string[], warmUp: string[]): Promise<EmbedderFigures> {
  const start = performance.now();
  const embedder = await createUseLite();
  const loadMs = msSince(start);
  for (const q of warmUp) await embedder.embed([q]);
  const samples: number[] = [];
  for (const q of questions) {
    const t = performance.now();
    await embedder.embed([q]);
    samples.push(msSince(t));
  }
  return { embedder, loadMs, samples, median: median(samples), p95: percentile(samples, 95) };
}
