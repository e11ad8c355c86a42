import { cpus } from "node:os";
import { resolve } from "node:path";
import { UserError } from "./user-error.js";

/** Which sentence encoder to use; the index records it, and a different one means a rebuild. */
export type EmbedderConfig =
  | { kind: "use-lite" }
  | { kind: "transformers"; model: string; modelsDir: string; allowRemote: boolean };

export interface IndexerConfig {
  /** Folder of .txt and .md documents to index. */
  seedsDir: string;
  /** Folder the index is built in; the live index is `<dataDir>/index`. */
  dataDir: string;
  embedder: EmbedderConfig;
  /** Threads for bulk embedding. */
  threads: number;
}

/** Where the project keeps things, relative to the working folder. */
export const defaults = {
  seedsDir: "seeds",
  dataDir: "data",
  modelsDir: "data/models",
  threads: Math.max(1, Math.min(2, cpus().length)),
};

/**
 * Reads configuration from the environment, over the defaults:
 * VERBATIM_SEEDS, VERBATIM_DATA, VERBATIM_EMBEDDER ("use-lite" or "transformers:<model id>"),
 * VERBATIM_MODELS_DIR and VERBATIM_ALLOW_REMOTE_MODELS=1.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): IndexerConfig {
  const choice = env.VERBATIM_EMBEDDER?.trim() || "use-lite";
  let embedder: EmbedderConfig;
  if (choice === "use-lite") {
    embedder = { kind: "use-lite" };
  } else if (choice.startsWith("transformers:") && choice.length > "transformers:".length) {
    embedder = {
      kind: "transformers",
      model: choice.slice("transformers:".length),
      modelsDir: resolve(env.VERBATIM_MODELS_DIR || defaults.modelsDir),
      allowRemote: env.VERBATIM_ALLOW_REMOTE_MODELS === "1",
    };
  } else {
    throw new UserError(`VERBATIM_EMBEDDER="${choice}" is not an embedder. Use "use-lite" or "transformers:<model id>", e.g. "transformers:Xenova/bge-small-en-v1.5".`);
  }
  return {
    seedsDir: resolve(env.VERBATIM_SEEDS || defaults.seedsDir),
    dataDir: resolve(env.VERBATIM_DATA || defaults.dataDir),
    embedder,
    threads: defaults.threads,
  };
}
