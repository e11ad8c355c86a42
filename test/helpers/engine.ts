import { join } from "node:path";
import { configFromEnv } from "../../indexer/config.js";
import { buildIndex } from "../../indexer/build-index.js";
import { loadEngine } from "../../server/load-engine.js";
import type { Engine } from "../../server/answer/ask.js";

/** The real engine over a folder of documents, indexed with USE-lite into `dataDir`. */
export async function engineOver(seedsDir: string, dataDir: string): Promise<Engine> {
  const config = { seedsDir, dataDir, embedder: { kind: "use-lite" as const }, threads: 1 };
  await buildIndex(config);
  return loadEngine(join(dataDir, "index"), config.embedder);
}

/** The real engine over the real seed index, built first when missing or stale (about 13 s). */
export async function seedEngine(): Promise<Engine> {
  const config = configFromEnv({});
  await buildIndex(config);
  return loadEngine(join(config.dataDir, "index"), config.embedder);
}
