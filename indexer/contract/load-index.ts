import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { LocalIndex } from "vectra";
import { z } from "zod/v4";
import {
  AcronymsSchema,
  DocumentSchema,
  ENCODER_TEXT_SINCE,
  FORMAT_VERSION,
  INDEX_FILES,
  LexicalIndexSchema,
  ManifestSchema,
  PassageSchema,
  SentenceSchema,
  type DocumentRecord,
  type Manifest,
  type Passage,
  type Sentence,
} from "./schemas.js";
import { encoderText } from "./normalise.js";

/** An index in memory, ready for retrieval. */
export interface LoadedIndex {
  dir: string;
  manifest: Manifest;
  documents: DocumentRecord[];
  documentById: Map<string, DocumentRecord>;
  passages: Passage[];
  passageById: Map<string, Passage>;
  sentences: Sentence[];
  sentenceById: Map<string, Sentence>;
  lexical: { postings: Map<string, number[]>; lengths: number[]; averageLength: number };
  acronyms: Record<string, string>;
  /** Passage vectors, row for row with `passages`, read from vectra. */
  passageVectors: Float32Array[];
  /** Sentence vectors, one row of `dimensions` floats per sentence. */
  sentenceVectors: Float32Array;
}

export type LoadResult = { ok: true; value: LoadedIndex } | { ok: false; error: { code: IndexErrorCode; message: string } };
export type IndexErrorCode = "index_missing" | "index_format" | "index_embedder" | "index_damaged";

const REBUILD = "Run `npm run index` to rebuild it.";
/** A damaged index may still look current to the indexer, so its rebuild is forced. */
const REBUILD_DAMAGED = "Run `npm run index -- --force` to rebuild it.";

async function readJson<T>(dir: string, file: string, schema: z.ZodType<T>): Promise<T> {
  const raw = JSON.parse(await readFile(join(dir, file), "utf8"));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`${file} does not match the index format (${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message})`);
  return parsed.data;
}

/** Reads just the manifest, or undefined when there is none that parses. */
export async function readManifest(dir: string): Promise<Manifest | undefined> {
  try {
    return await readJson(dir, INDEX_FILES.manifest, ManifestSchema);
  } catch {
    return undefined;
  }
}

/**
 * Each sentence's text, as it was embedded, and vector from an index built by this embedder, in
 * whatever format version: re-indexing after an upgrade re-uses them rather than embedding everything again.
 * Empty when there is no such index or it cannot be read.
 */
export async function readSentenceVectors(dir: string, embedderId: string): Promise<{ text: string; vector: Float32Array }[]> {
  const manifest = await readManifest(dir);
  if (!manifest || manifest.embedder.id !== embedderId) return [];
  try {
    const sentences = await readJson(dir, INDEX_FILES.sentences, z.array(z.object({ searchText: z.string(), row: z.number().int().nonnegative() })));
    const bytes = await readFile(join(dir, INDEX_FILES.sentenceVectors));
    const all = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const dims = manifest.embedder.dimensions;
    if (all.length !== sentences.length * dims || sentences.some((s) => s.row >= sentences.length)) return [];
    // The text as it was embedded, so a line in capitals embedded as written is not taken for its lower case.
    const embedded = (text: string) => (manifest.formatVersion >= ENCODER_TEXT_SINCE ? encoderText(text) : text);
    return sentences.map((s) => ({ text: embedded(s.searchText), vector: all.subarray(s.row * dims, (s.row + 1) * dims) }));
  } catch {
    return [];
  }
}

/**
 * Opens an index, checking its manifest first: an index built by another format version
 * or another embedder is refused with a message that says what to run.
 */
export async function loadIndex(dir: string, expectedEmbedderId: string): Promise<LoadResult> {
  let manifest: Manifest;
  try {
    manifest = await readJson(dir, INDEX_FILES.manifest, ManifestSchema);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    return missing
      ? { ok: false, error: { code: "index_missing", message: `There is no index at ${dir}. Run \`npm run index\` to build it.` } }
      : { ok: false, error: { code: "index_damaged", message: `The index manifest at ${dir} is damaged: ${(error as Error).message}. ${REBUILD_DAMAGED}` } };
  }
  if (manifest.formatVersion !== FORMAT_VERSION) {
    return { ok: false, error: { code: "index_format", message: `The index at ${dir} has format version ${manifest.formatVersion}, but this Verbatim reads version ${FORMAT_VERSION}. ${REBUILD}` } };
  }
  if (manifest.embedder.id !== expectedEmbedderId) {
    return {
      ok: false,
      error: {
        code: "index_embedder",
        message: `The index at ${dir} was built with the embedder ${manifest.embedder.id}, but Verbatim is set to use ${expectedEmbedderId}. ${REBUILD}`,
      },
    };
  }
  try {
    const [documents, passages, sentences, lexical, acronyms, vectorBytes] = await Promise.all([
      readJson(dir, INDEX_FILES.documents, z.array(DocumentSchema)),
      readJson(dir, INDEX_FILES.passages, z.array(PassageSchema)),
      readJson(dir, INDEX_FILES.sentences, z.array(SentenceSchema)),
      readJson(dir, INDEX_FILES.lexical, LexicalIndexSchema),
      readJson(dir, INDEX_FILES.acronyms, AcronymsSchema),
      readFile(join(dir, INDEX_FILES.sentenceVectors)),
    ]);
    const dims = manifest.embedder.dimensions;
    const sentenceVectors = new Float32Array(vectorBytes.buffer.slice(vectorBytes.byteOffset, vectorBytes.byteOffset + vectorBytes.byteLength));
    if (sentenceVectors.length !== sentences.length * dims) throw new Error(`${INDEX_FILES.sentenceVectors} holds ${sentenceVectors.length / dims} vectors for ${sentences.length} sentences`);
    const items = await new LocalIndex(join(dir, INDEX_FILES.vectors)).listItems();
    const vectorById = new Map(items.map((item) => [item.id, Float32Array.from(item.vector)]));
    const passageVectors = passages.map((p) => {
      const v = vectorById.get(p.id);
      if (!v || v.length !== dims) throw new Error(`the vector store has no ${dims}-dimension vector for passage ${p.id}`);
      return v;
    });
    return {
      ok: true,
      value: {
        dir,
        manifest,
        documents,
        documentById: new Map(documents.map((d) => [d.id, d])),
        passages,
        passageById: new Map(passages.map((p) => [p.id, p])),
        sentences,
        sentenceById: new Map(sentences.map((s) => [s.id, s])),
        lexical: { postings: new Map(Object.entries(lexical.postings)), lengths: lexical.lengths, averageLength: lexical.averageLength },
        acronyms,
        passageVectors,
        sentenceVectors,
      },
    };
  } catch (error) {
    return { ok: false, error: { code: "index_damaged", message: `The index at ${dir} is damaged: ${(error as Error).message}. ${REBUILD_DAMAGED}` } };
  }
}
