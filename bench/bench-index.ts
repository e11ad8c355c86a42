import { appendFile, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { IndexerConfig } from "../indexer/config.js";
import { buildIndex, type BuildResult } from "../indexer/build-index.js";
import { fileSizes } from "../indexer/store/write-index.js";
import type { Embedder } from "../indexer/embedders/embedder.js";
import { median } from "./stats.js";
import { copyFolder, tempFolder } from "./temp-folders.js";

export interface ColdBuild {
  threads: number;
  result: BuildResult;
  /** Sentences per second over the embedding loop alone, as the build reports it. */
  embedRate: number;
  /** CPU seconds used by the whole process, worker threads included: less swayed by other work on the machine than wall time. */
  cpuSeconds: number;
  dataDir: string;
  /** Bytes of each file in the new index, largest first. */
  files: { name: string; bytes: number }[];
}

/** Each file of an index, largest first. */
async function filesBySize(dir: string): Promise<{ name: string; bytes: number }[]> {
  return Object.entries(await fileSizes(dir)).map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** Builds the index from nothing into a fresh temp data folder with the given thread count. */
export async function coldBuild(base: IndexerConfig, threads: number): Promise<ColdBuild> {
  const dataDir = await tempFolder(`data-${threads}t`);
  let embedRate = NaN;
  const cpu = process.cpuUsage();
  const result = await buildIndex({ ...base, dataDir, threads }, { onProgress: (p) => (embedRate = p.rate) });
  const used = process.cpuUsage(cpu);
  return { threads, result, embedRate, cpuSeconds: (used.user + used.system) / 1e6, dataDir, files: await filesBySize(join(dataDir, "index")) };
}

/** Seconds for a re-index that finds nothing changed: the median and every run. */
export async function unchangedReindex(config: IndexerConfig, runs = 5): Promise<{ median: number; runs: number[]; allUpToDate: boolean }> {
  const results: BuildResult[] = [];
  for (let i = 0; i < runs; i++) results.push(await buildIndex(config));
  const seconds = results.map((r) => r.seconds);
  return { median: median(seconds), runs: seconds, allUpToDate: results.every((r) => r.upToDate) };
}

export interface ChangedReindex {
  file: string;
  /** Whether the untouched copy of the seeds counted as already indexed. */
  copyUpToDate: boolean;
  /** Built as `npm run index` does: the build starts its own embedder. */
  cold: BuildResult;
  /** A second small change with an embedder already loaded, to show what start-up costs. */
  warm: BuildResult;
}

/** The smallest document, so the change touches as little as possible. */
async function smallestDocument(dir: string): Promise<string> {
  const names = (await readdir(dir)).filter((n) => /\.(txt|md)$/i.test(n));
  const sizes = await Promise.all(names.map(async (n) => ({ n, size: (await stat(join(dir, n))).size })));
  return sizes.sort((a, b) => a.size - b.size)[0].n;
}

/**
 * Copies the seeds, checks the copy counts as already indexed in `config.dataDir`, then
 * appends one sentence to one document and re-indexes, twice: once cold, once with `embedder`.
 */
export async function changedReindex(config: IndexerConfig, embedder: Embedder): Promise<ChangedReindex> {
  const seedsDir = await copyFolder(config.seedsDir, "seeds");
  const changed = { ...config, seedsDir };
  const copyUpToDate = (await buildIndex(changed)).upToDate;
  const file = await smallestDocument(seedsDir);
  await appendFile(join(seedsDir, file), "\n\nThe benchmark added this sentence to measure a small re-index.\n");
  const cold = await buildIndex(changed);
  await appendFile(join(seedsDir, file), "\n\nA second sentence was added with the embedder already loaded.\n");
  const warm = await buildIndex(changed, { embedder });
  return { file, copyUpToDate, cold, warm };
}
