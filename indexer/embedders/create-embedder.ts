import type { EmbedderConfig } from "../config.js";
import type { Embedder } from "./embedder.js";
import { createUseLite, createUseLitePool, USE_LITE_ID } from "./use-lite.js";
import { createTransformersEmbedder, transformersId } from "./transformers-embedder.js";

/** The id an embedder config will produce, known without loading the model. */
export function embedderId(config: EmbedderConfig): string {
  return config.kind === "use-lite" ? USE_LITE_ID : transformersId(config.model);
}

/**
 * Loads the configured embedder once. `threads > 1` spreads bulk work over worker
 * threads where the model benefits (USE-lite); queries use a single in-thread model.
 */
export async function createEmbedder(config: EmbedderConfig, threads = 1): Promise<Embedder> {
  if (config.kind === "transformers") return createTransformersEmbedder(config);
  return threads > 1 ? createUseLitePool(threads) : createUseLite();
}
