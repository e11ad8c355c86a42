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

/** An error a user can fix: the message says what was wrong and what to do. */
export class EmbedderError extends Error {
  override name = "EmbedderError";
}
