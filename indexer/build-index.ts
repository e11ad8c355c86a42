import { FORMAT_VERSION, type Manifest } from "./contract/schemas.js";
import { readManifest, readSentenceVectors } from "./contract/load-index.js";
import type { IndexerConfig } from "./config.js";
import type { Embedder } from "./embedders/embedder.js";
import { createEmbedder, embedderId } from "./embedders/create-embedder.js";
import { IndexerError, readDocuments, contentHash, type Skipped, type SourceFile } from "./read-documents.js";
import { lockBuilds } from "./store/build-lock.js";
import { buildCorpus } from "./analyse/build-corpus.js";
import { buildLexicalIndex } from "./analyse/build-lexical.js";
import { findAcronyms } from "./analyse/find-acronyms.js";
import { fileSizes, liveIndexDir, removeStaleBuilds, writeIndex } from "./store/write-index.js";
import { encoderText } from "./contract/normalise.js";
import { counted } from "./progress.js";

export interface Progress {
  done: number;
  total: number;
  /** Texts embedded per second so far. */
  rate: number;
  secondsLeft: number;
  documents: number;
  passages: number;
}

export interface BuildOptions {
  /** Rebuild even when nothing changed. */
  force?: boolean;
  onProgress?: (p: Progress) => void;
  /** An already loaded embedder; otherwise one is created from the config when needed. */
  embedder?: Embedder;
}

export interface BuildResult {
  upToDate: boolean;
  documents: number;
  passages: number;
  sentences: number;
  /** Texts sent to the embedder; the rest came from the previous index. */
  embedded: number;
  reused: number;
  skipped: Skipped[];
  /** Files added, removed or renamed since the previous index; empty for a first build. */
  changes: FileChanges;
  seconds: number;
  bytes: number;
}

export interface FileChanges {
  added: string[];
  removed: string[];
  /** The same content under a new name, and so a new document id. */
  renamed: { from: string; to: string }[];
}

const noChanges = (): FileChanges => ({ added: [], removed: [], renamed: [] });

/** What changed between the files an index was built from and the files there now, by name and content. */
export function fileChanges(before: { file: string; hash: string }[], now: { file: string; hash: string }[]): FileChanges {
  const names = (list: { file: string }[]) => new Set(list.map((d) => d.file));
  const [had, has] = [names(before), names(now)];
  const gone = before.filter((d) => !has.has(d.file));
  const fresh = now.filter((d) => !had.has(d.file));
  const renamed = fresh.flatMap((d) => gone.filter((g) => g.hash === d.hash).slice(0, 1).map((g) => ({ from: g.file, to: d.file })));
  const moved = new Set(renamed.flatMap((r) => [r.from, r.to]));
  return { added: fresh.filter((d) => !moved.has(d.file)).map((d) => d.file), removed: gone.filter((d) => !moved.has(d.file)).map((d) => d.file), renamed };
}

/**
 * The most passages one index holds. vectra saves every passage's vector in one JSON string,
 * about 11 KB each, and Node refuses strings over 512 MB: at about 48,000 passages the save fails.
 */
export const MAX_PASSAGES = 45_000;

/** Below this many new sentences, starting worker threads costs more than it saves. */
const THREADS_WORTHWHILE = 200;

/**
 * True when the index on disk was built from exactly these documents, format and embedder,
 * and its files are all there at the sizes written: one cut short is rebuilt, not served.
 */
export async function isCurrent(dir: string, manifest: Manifest | undefined, docs: { id: string; file: string; hash: string }[], embedder: string): Promise<boolean> {
  if (!manifest?.files || manifest.formatVersion !== FORMAT_VERSION || manifest.embedder.id !== embedder) return false;
  // The file name is part of the key: a renamed file must be cited by its new name.
  const key = (d: { id: string; file: string; hash: string }) => `${d.id}:${d.file}:${d.hash}`;
  const built = new Set(manifest.documents.map(key));
  if (built.size !== docs.length || !docs.every((d) => built.has(key(d)))) return false;
  const sizes = await fileSizes(dir).catch(() => ({}) as Record<string, number>);
  return Object.entries(manifest.files).every(([file, size]) => sizes[file] === size);
}

/** The unit-length mean of some unit vectors. */
function meanVector(vectors: Float32Array[]): number[] {
  const sum = new Array<number>(vectors[0].length).fill(0);
  for (const v of vectors) for (let i = 0; i < v.length; i++) sum[i] += v[i];
  const norm = Math.hypot(...sum) || 1;
  return sum.map((x) => x / norm);
}

/** Vectors of the previous index, by the hash of the text they embed, for re-use. */
async function previousVectors(dir: string, embedder: string): Promise<Map<string, Float32Array>> {
  return new Map((await readSentenceVectors(dir, embedder)).map(({ text, vector }) => [contentHash(text), vector]));
}

/**
 * Builds the index for a folder of documents: reads and checks them, cuts passages and
 * sentences, embeds what the previous index does not already hold, and swaps the new
 * index into place atomically. Does nothing when the index is already current.
 */
export async function buildIndex(config: IndexerConfig, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const { documents: files, skipped } = await readDocuments(config.seedsDir);
  if (files.length === 0) {
    // The first few reasons say what is wrong; a folder of a hundred PDFs need not list them all.
    const shown = skipped.slice(0, 3).map((s) => `${s.file}: ${s.reason}.`);
    const passedOver = [...shown, ...(skipped.length > shown.length ? [`And ${counted(skipped.length - shown.length, "more file")} that cannot be indexed.`] : [])].join(" ");
    throw new IndexerError(`There are no documents to index in ${config.seedsDir}.${passedOver ? ` ${passedOver}` : ""} Add .txt or .md files, or set VERBATIM_SEEDS to the folder that holds them.`);
  }
  const release = await lockBuilds(config.dataDir);
  try {
    return await buildHeld(config, options, files, skipped, seconds);
  } finally {
    await release();
  }
}

/** The rest of `buildIndex`, run while it holds the data folder. */
async function buildHeld(config: IndexerConfig, options: BuildOptions, files: SourceFile[], skipped: Skipped[], seconds: () => number): Promise<BuildResult> {
  const id = embedderId(config.embedder);
  const live = liveIndexDir(config.dataDir);
  await removeStaleBuilds(config.dataDir);
  const manifest = await readManifest(live);
  if (!options.force && (await isCurrent(live, manifest, files, id))) {
    return { upToDate: true, documents: files.length, passages: manifest!.counts.passages, sentences: manifest!.counts.sentences, embedded: 0, reused: 0, skipped, changes: noChanges(), seconds: seconds(), bytes: 0 };
  }

  const corpus = buildCorpus(files);
  // Refused before any embedding, rather than failing to save after an hour of it.
  if (corpus.passages.length > MAX_PASSAGES) {
    throw new IndexerError(
      `The documents in ${config.seedsDir} make ${corpus.passages.length.toLocaleString("en-GB")} passages, more than the ${MAX_PASSAGES.toLocaleString("en-GB")} one index can hold (about 16 MB of text). ` +
        "Index fewer or shorter documents at a time: split them (and any very long document) across folders, each indexed and served with its own VERBATIM_SEEDS and VERBATIM_DATA.",
    );
  }
  // Only sentences are embedded; a passage's vector is the mean of its sentences' vectors.
  // That halves the work, and USE-lite represents long passages poorly anyway.
  const texts = corpus.sentences.map((s) => encoderText(s.searchText));
  const keys = texts.map(contentHash);
  const cache = await previousVectors(live, id);
  const missing = [...new Set(keys.filter((k) => !cache.has(k)))];
  const textByKey = new Map(keys.map((k, i) => [k, texts[i]]));

  let embedder = options.embedder;
  const ownsEmbedder = !embedder && missing.length > 0;
  if (ownsEmbedder) embedder = await createEmbedder(config.embedder, missing.length >= THREADS_WORTHWHILE ? config.threads : 1);
  try {
    const embedStart = performance.now();
    const report = (done: number) => {
      const rate = done / ((performance.now() - embedStart) / 1000);
      options.onProgress?.({ done, total: missing.length, rate, secondsLeft: (missing.length - done) / rate, documents: files.length, passages: corpus.passages.length });
    };
    const vectors = missing.length > 0 ? await embedder!.embed(missing.map((k) => textByKey.get(k)!), report) : [];
    missing.forEach((k, j) => cache.set(k, Float32Array.from(vectors[j])));
  } finally {
    if (ownsEmbedder) await embedder!.close();
  }

  const dimensions = embedder?.dimensions ?? cache.values().next().value!.length;
  const sentenceVectors = new Float32Array(corpus.sentences.length * dimensions);
  keys.forEach((k, i) => sentenceVectors.set(cache.get(k)!, i * dimensions));
  const rowOf = new Map(corpus.sentences.map((s) => [s.id, s.row]));
  const passageVectors = corpus.passages.map((p) => meanVector(p.sentenceIds.map((sid) => sentenceVectors.subarray(rowOf.get(sid)! * dimensions, (rowOf.get(sid)! + 1) * dimensions))));
  const bytes = await writeIndex(config.dataDir, {
    manifest: {
      formatVersion: FORMAT_VERSION,
      embedder: { id, dimensions },
      builtAt: new Date().toISOString(),
      documents: files.map(({ id: docId, file, hash }) => ({ id: docId, file, hash })),
      counts: { documents: files.length, passages: corpus.passages.length, sentences: corpus.sentences.length },
    },
    corpus,
    lexical: buildLexicalIndex(corpus.passages.map((p) => p.searchText)),
    acronyms: findAcronyms(files.map((f) => f.text)),
    passageVectors,
    sentenceVectors,
  });
  return {
    upToDate: false,
    documents: files.length,
    passages: corpus.passages.length,
    sentences: corpus.sentences.length,
    embedded: missing.length,
    reused: new Set(keys).size - missing.length,
    skipped,
    changes: manifest ? fileChanges(manifest.documents, files) : noChanges(),
    seconds: seconds(),
    bytes,
  };
}
