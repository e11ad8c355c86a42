import { UserError } from "../user-error.js";

/** A sentence encoder: turns texts into unit-length vectors of a fixed size. */
export interface Embedder {
  /** Names the model and its settings; an index built by one id is refused by another. */
  readonly id: string;
  readonly dimensions: number;
  /**
   * Embeds texts in order; each vector is L2-normalised, so a dot product is a cosine.
   * `onProgress` hears how many texts are done after each batch, for progress bars.
   */
  embed(texts: string[], onProgress?: (done: number) => void): Promise<number[][]>;
  /** Frees workers or sessions; safe to call more than once. */
  close(): Promise<void>;
}

/** A model that cannot be loaded or used as configured. */
export class EmbedderError extends UserError {
  override name = "EmbedderError";
}
