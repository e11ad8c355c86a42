import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
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

/** A real engine built in a fresh temporary folder, and how to close it and remove the folder. */
export interface TemporaryEngine {
  engine: Engine;
  dir: string;
  close: () => Promise<void>;
}

/** The real engine over documents given as texts by file name, or over a fixtures folder, indexed into a fresh temporary folder. */
export async function temporaryEngine(documents: Record<string, string> | string): Promise<TemporaryEngine> {
  const dir = await mkdtemp(join(tmpdir(), "verbatim-test-"));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    const seedsDir = typeof documents === "string" ? documents : join(dir, "seeds");
    if (typeof documents !== "string") {
      await mkdir(seedsDir);
      for (const [name, text] of Object.entries(documents)) await writeFile(join(seedsDir, name), text);
    }
    const engine = await engineOver(seedsDir, join(dir, "data"));
    return {
      engine,
      dir,
      close: async () => {
        await engine.embedder.close();
        await remove();
      },
    };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** Runs a check against a real engine over the documents given, or a fixtures folder, closing it and removing its folder afterwards, pass or fail. */
export async function withTemporaryEngine<T>(documents: Record<string, string> | string, check: (engine: Engine) => Promise<T>): Promise<T> {
  const corpus = await temporaryEngine(documents);
  try {
    return await check(corpus.engine);
  } finally {
    await corpus.close();
  }
}
