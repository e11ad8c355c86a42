import { loadIndex } from "../indexer/contract/load-index.js";
import { createEmbedder, embedderId } from "../indexer/embedders/create-embedder.js";
import type { EmbedderConfig } from "../indexer/config.js";
import type { Engine } from "./answer/ask.js";
import { corpusFacts } from "./retrieve/corpus-facts.js";
import { loadSynonyms } from "./retrieve/synonyms.js";
import { UserError } from "../indexer/user-error.js";

/** A failure to start that the user can fix; its message says how. */
export class StartupError extends UserError {
  override name = "StartupError";
}

/**
 * Opens the index and loads the embedder it was built with: the heavy, once-only work of
 * starting. `synonymsFile` replaces the bundled synonym list (VERBATIM_SYNONYMS).
 */
export async function loadEngine(indexDir: string, embedder: EmbedderConfig, synonymsFile = process.env.VERBATIM_SYNONYMS): Promise<Engine> {
  const loaded = await loadIndex(indexDir, embedderId(embedder));
  if (!loaded.ok) throw new StartupError(loaded.error.message);
  let synonyms;
  try {
    synonyms = loadSynonyms(synonymsFile || undefined);
  } catch (error) {
    const message = (error as Error).message.replace(/([^.!?])$/, "$1.");
    const fix = synonymsFile ? " Correct the file VERBATIM_SYNONYMS names, or unset VERBATIM_SYNONYMS to use the bundled list." : "";
    throw new StartupError(`${message}${fix}`);
  }
  return { index: loaded.value, facts: corpusFacts(loaded.value), embedder: await createEmbedder(embedder), synonyms };
}
