import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildIndex, MAX_PASSAGES, type Progress } from "../indexer/build-index.js";
import type { IndexerConfig } from "../indexer/config.js";
import { loadIndex, type LoadedIndex } from "../indexer/contract/load-index.js";
import { ENCODER_TEXT_SINCE, FORMAT_VERSION } from "../indexer/contract/schemas.js";
import type { Embedder } from "../indexer/embedders/embedder.js";
import { createUseLite } from "../indexer/embedders/use-lite.js";
import { parseDocument } from "../indexer/parse/parse-document.js";
import { IndexerError, documentId } from "../indexer/read-documents.js";
import { LETTERS, longLetter, writeLetters } from "./fixtures/ofsted-letters.js";

const root = mkdtempSync(join(tmpdir(), "verbatim-build-index-test-"));
const DIMS = 512;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

const WORCESTERSHIRE = "2018-08-03-worcestershire-monitoring-visit.txt";
const GLOUCESTERSHIRE = "2018-06-08-gloucestershire-monitoring-visit.txt";
const HEREFORDSHIRE = "2019-02-14-herefordshire-focused-visit.md";
const TWO_LETTERS = { [WORCESTERSHIRE]: LETTERS[WORCESTERSHIRE], [GLOUCESTERSHIRE]: LETTERS[GLOUCESTERSHIRE] };

/** Seeds and data folders of one test, empty. */
function setup(name: string, threads = 1): IndexerConfig {
  const dir = join(root, name);
  return { seedsDir: join(dir, "seeds"), dataDir: join(dir, "data"), embedder: { kind: "use-lite" }, threads };
}

/** Passage and sentence counts as the parser cuts these texts, independently of the build. */
function parsedCounts(letters: Record<string, string>): { passages: number; sentences: number } {
  const passages = Object.entries(letters).flatMap(([file, text]) => parseDocument(documentId(file), text).passages);
  return { passages: passages.length, sentences: passages.reduce((n, p) => n + p.sentences.length, 0) };
}

/** Every file under a folder, by relative path, with its bytes. */
async function snapshot(dir: string, prefix = ""): Promise<Record<string, Buffer>> {
  const files: Record<string, Buffer> = {};
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(files, await snapshot(path, `${prefix}${entry.name}/`));
    else files[`${prefix}${entry.name}`] = await readFile(path);
  }
  return files;
}

/** Total bytes of the files under a folder. */
async function sizeOf(dir: string): Promise<number> {
  return Object.values(await snapshot(dir)).reduce((n, b) => n + b.length, 0);
}

async function load(config: IndexerConfig): Promise<LoadedIndex> {
  const result = await loadIndex(join(config.dataDir, "index"), "use-lite-512");
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** A sentence's vector, copied out of the index's sentence-vector block. */
function vectorOf(index: LoadedIndex, row: number): Buffer {
  const v = index.sentenceVectors;
  return Buffer.from(v.buffer.slice(v.byteOffset + row * DIMS * 4, v.byteOffset + (row + 1) * DIMS * 4));
}

/** An embedder that records every text it is asked to embed, then lets USE-lite embed it. */
function recording(inner: Embedder): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    id: inner.id,
    dimensions: inner.dimensions,
    calls,
    async embed(texts) {
      calls.push([...texts]);
      return inner.embed(texts);
    },
    async close() {},
  };
}

let useLite: Embedder;

beforeAll(async () => {
  await rm(root, { recursive: true, force: true });
  useLite = await createUseLite();
});

afterAll(async () => {
  await useLite?.close();
  await rm(root, { recursive: true, force: true });
});

describe("buildIndex", () => {
  let embedder: ReturnType<typeof recording>;

  beforeEach(() => {
    embedder = recording(useLite);
  });

  it("builds an index from scratch that loads, with every vector in line with its passage or sentence", async () => {
    // Two threads and no embedder passed in: the build loads its own pool of USE-lite workers.
    const config = setup("cold", 2);
    await writeLetters(config.seedsDir);
    const expected = parsedCounts(LETTERS);
    // Pinned as well as derived, so a change in how the parser cuts these letters is noticed here.
    expect(expected).toEqual({ passages: 11, sentences: 19 });
    const before = Date.now();

    const result = await buildIndex(config);

    const live = join(config.dataDir, "index");
    expect(result).toEqual({
      upToDate: false,
      documents: 3,
      passages: expected.passages,
      sentences: expected.sentences,
      // Every sentence of these letters is different, so each is embedded once.
      embedded: expected.sentences,
      reused: 0,
      skipped: [],
      // A first build has nothing to compare with.
      changes: { added: [], removed: [], renamed: [] },
      seconds: expect.any(Number),
      bytes: await sizeOf(live),
    });
    expect(await readdir(config.dataDir)).toEqual(["index"]);
    expect((await readdir(live)).sort()).toEqual([
      "acronyms.json",
      "documents.json",
      "lexical.json",
      "manifest.json",
      "passages.json",
      "sentence-vectors.f32",
      "sentences.json",
      "vectors",
    ]);

    const manifest = JSON.parse(await readFile(join(live, "manifest.json"), "utf8"));
    expect(manifest).toEqual({
      formatVersion: FORMAT_VERSION,
      embedder: { id: "use-lite-512", dimensions: 512 },
      builtAt: expect.any(String),
      documents: [
        { id: "2018-06-08-gloucestershire-monitoring-visit", file: GLOUCESTERSHIRE, hash: sha256(LETTERS[GLOUCESTERSHIRE]) },
        { id: "2018-08-03-worcestershire-monitoring-visit", file: WORCESTERSHIRE, hash: sha256(LETTERS[WORCESTERSHIRE]) },
        { id: "2019-02-14-herefordshire-focused-visit", file: HEREFORDSHIRE, hash: sha256(LETTERS[HEREFORDSHIRE]) },
      ],
      counts: { documents: 3, passages: 11, sentences: 19 },
      files: expect.any(Object),
    });
    // Every other file, at the size it has on disk.
    expect(manifest.files["sentence-vectors.f32"]).toBe((await stat(join(live, "sentence-vectors.f32"))).size);
    expect(manifest.files["sentence-vectors.f32"]).toBe(19 * DIMS * 4);
    expect(Date.parse(manifest.builtAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(manifest.builtAt)).toBeLessThanOrEqual(Date.now());

    const index = await load(config);
    expect(index.documents.map((d) => [d.file, d.text])).toEqual(manifest.documents.map((d: { file: string }) => [d.file, LETTERS[d.file as keyof typeof LETTERS]]));
    expect(index.passages).toHaveLength(11);
    expect(index.sentences).toHaveLength(19);
    expect(index.sentences.map((s) => s.row)).toEqual(Array.from({ length: 19 }, (_, i) => i));
    expect(index.sentenceVectors).toHaveLength(19 * DIMS);
    expect(index.passageVectors.map((v) => v.length)).toEqual(Array(11).fill(DIMS));
    // Each sentence's text is exactly what was sent to be embedded, so rows and texts line up.
    const sentenceNorms = index.sentences.map((s) => Math.hypot(...index.sentenceVectors.subarray(s.row * DIMS, (s.row + 1) * DIMS)));
    for (const norm of sentenceNorms) expect(norm).toBeCloseTo(1, 5);
    for (const v of index.passageVectors) expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    // A passage's vector is the normalised mean of its sentences' vectors.
    index.passages.forEach((p, i) => {
      expect(p.sentenceIds.length).toBeGreaterThan(0);
      const mean = new Array<number>(DIMS).fill(0);
      for (const id of p.sentenceIds) {
        const s = index.sentenceById.get(id)!;
        expect(s.passageId).toBe(p.id);
        index.sentenceVectors.subarray(s.row * DIMS, (s.row + 1) * DIMS).forEach((x, k) => (mean[k] += x));
      }
      const norm = Math.hypot(...mean);
      const difference = Math.max(...mean.map((x, k) => Math.abs(x / norm - index.passageVectors[i][k])));
      expect(difference).toBeLessThan(1e-6);
    });
  });

  it("does nothing when nothing has changed, leaving the manifest as it was", async () => {
    const config = setup("unchanged");
    await writeLetters(config.seedsDir, TWO_LETTERS);
    const first = await buildIndex(config, { embedder });
    const built = await snapshot(join(config.dataDir, "index"));
    embedder.calls.length = 0;

    const again = await buildIndex(config, { embedder });

    expect(first).toMatchObject({ upToDate: false, documents: 2, passages: 8, sentences: 14, embedded: 14 });
    expect(again).toEqual({ upToDate: true, documents: 2, passages: 8, sentences: 14, embedded: 0, reused: 0, skipped: [], changes: { added: [], removed: [], renamed: [] }, seconds: expect.any(Number), bytes: 0 });
    expect(embedder.calls).toEqual([]);
    expect(await snapshot(join(config.dataDir, "index"))).toEqual(built);
  });

  it("rebuilds an index whose files were cut short or lost, rather than calling it up to date", async () => {
    const config = setup("cut-short");
    await writeLetters(config.seedsDir, TWO_LETTERS);
    await buildIndex(config, { embedder });
    const index = join(config.dataDir, "index");
    const manifest = JSON.parse(await readFile(join(index, "manifest.json"), "utf8"));
    expect(Object.keys(manifest.files).sort()).toEqual(["acronyms.json", "documents.json", "lexical.json", "passages.json", "sentence-vectors.f32", "sentences.json", "vectors/index.json"]);

    const sentences = await readFile(join(index, "sentences.json"), "utf8");
    await writeFile(join(index, "sentences.json"), sentences.slice(0, 100));
    expect(await buildIndex(config, { embedder })).toMatchObject({ upToDate: false, sentences: 14 });
    expect((await load(config)).sentences).toHaveLength(14);

    await rm(join(index, "vectors"), { recursive: true });
    expect(await buildIndex(config, { embedder })).toMatchObject({ upToDate: false, sentences: 14, embedded: 0, reused: 14 });
    expect((await load(config)).passageVectors).toHaveLength(8);
  });

  it("rebuilds when forced, re-using every vector and embedding nothing", async () => {
    const config = setup("forced");
    await writeLetters(config.seedsDir, TWO_LETTERS);
    await buildIndex(config, { embedder });
    const before = await load(config);

    // No embedder passed in and nothing to embed: the width comes from the re-used vectors.
    const result = await buildIndex(config, { force: true });

    expect(result).toMatchObject({ upToDate: false, documents: 2, passages: 8, sentences: 14, embedded: 0, reused: 14 });
    const after = await load(config);
    expect(after.manifest.builtAt).not.toBe(before.manifest.builtAt);
    expect(after.manifest.embedder).toEqual({ id: "use-lite-512", dimensions: 512 });
    expect(Buffer.from(after.sentenceVectors.buffer)).toEqual(Buffer.from(before.sentenceVectors.buffer));
  });

  it("re-uses the vectors of an index in an older format, embedding nothing again", async () => {
    const config = setup("older-format");
    await writeLetters(config.seedsDir, TWO_LETTERS);
    await buildIndex(config, { embedder });
    const before = await load(config);
    const manifestFile = join(config.dataDir, "index", "manifest.json");
    const manifest = JSON.parse(await readFile(manifestFile, "utf8"));
    await writeFile(manifestFile, JSON.stringify({ ...manifest, formatVersion: FORMAT_VERSION - 1 }));
    embedder.calls.length = 0;

    const result = await buildIndex(config, { embedder });

    expect(result).toMatchObject({ upToDate: false, embedded: 0, reused: 14 });
    expect(embedder.calls).toEqual([]);
    const after = await load(config);
    expect(after.manifest.formatVersion).toBe(FORMAT_VERSION);
    expect(Buffer.from(after.sentenceVectors.buffer)).toEqual(Buffer.from(before.sentenceVectors.buffer));
  });

  it("embeds a sentence written in capitals in lower case, and embeds it again after an older format embedded it as written", async () => {
    const config = setup("capitals");
    const shouting = "LEADERS MUST NOW ACT ON THESE FINDINGS WITHOUT DELAY.";
    await writeLetters(config.seedsDir, { ...TWO_LETTERS, [WORCESTERSHIRE]: LETTERS[WORCESTERSHIRE].replace("\nYours sincerely", `\n${shouting}\n\nYours sincerely`) });
    await buildIndex(config, { embedder });
    const built = await load(config);
    const sentence = built.sentences.find((s) => s.searchText === shouting)!;
    expect(embedder.calls).toEqual([built.sentences.map((s) => (s === sentence ? shouting.toLowerCase() : s.searchText))]);
    // Embedded alone rather than in the build's batch, the same text differs only in the last float digits.
    const [lower] = await useLite.embed([shouting.toLowerCase()]);
    const stored = built.sentenceVectors.subarray(sentence.row * DIMS, (sentence.row + 1) * DIMS);
    expect(stored.reduce((sum, x, i) => sum + x * lower[i], 0)).toBeCloseTo(1, 5);

    const manifestFile = join(config.dataDir, "index", "manifest.json");
    const manifest = JSON.parse(await readFile(manifestFile, "utf8"));
    await writeFile(manifestFile, JSON.stringify({ ...manifest, formatVersion: ENCODER_TEXT_SINCE - 1 }));
    embedder.calls.length = 0;
    const result = await buildIndex(config, { embedder });
    expect(embedder.calls).toEqual([[shouting.toLowerCase()]]);
    expect(result).toMatchObject({ embedded: 1, reused: built.sentences.length - 1 });
  });

  it("embeds only the sentences that are new, and keeps the other vectors byte for byte", async () => {
    const config = setup("incremental");
    await writeLetters(config.seedsDir, TWO_LETTERS);
    await buildIndex(config, { embedder });
    const before = await load(config);
    expect(embedder.calls).toEqual([before.sentences.map((s) => s.searchText)]);
    embedder.calls.length = 0;

    const added =
      "Leaders have commissioned an independent review of supervision. " +
      "Its findings will be reported to the improvement board in October 2018.";
    const changed = LETTERS[WORCESTERSHIRE].replace("\nYours sincerely", `\n${added}\n\nYours sincerely`);
    expect(changed).not.toBe(LETTERS[WORCESTERSHIRE]);
    await writeFile(join(config.seedsDir, WORCESTERSHIRE), changed);

    const result = await buildIndex(config, { embedder });

    expect(embedder.calls).toEqual([
      [
        "Leaders have commissioned an independent review of supervision.",
        "Its findings will be reported to the improvement board in October 2018.",
      ],
    ]);
    const expected = parsedCounts({ ...TWO_LETTERS, [WORCESTERSHIRE]: changed });
    expect(expected).toEqual({ passages: 9, sentences: 16 });
    expect(result).toMatchObject({ upToDate: false, documents: 2, ...expected, embedded: 2, reused: expected.sentences - 2 });

    const after = await load(config);
    expect(after.manifest.documents.find((d) => d.file === WORCESTERSHIRE)!.hash).toBe(sha256(changed));
    const unchanged = (index: LoadedIndex) => index.sentences.filter((s) => s.documentId === "2018-06-08-gloucestershire-monitoring-visit");
    expect(unchanged(after).map((s) => s.id)).toEqual(unchanged(before).map((s) => s.id));
    for (const s of unchanged(after)) expect(vectorOf(after, s.row)).toEqual(vectorOf(before, before.sentenceById.get(s.id)!.row));
    // The changed letter's old sentences are re-used by their words, wherever they now sit.
    const oldRowOf = new Map(before.sentences.map((s) => [s.searchText, s.row]));
    const kept = after.sentences.filter((s) => oldRowOf.has(s.searchText));
    expect(kept).toHaveLength(14);
    for (const s of kept) expect(vectorOf(after, s.row)).toEqual(vectorOf(before, oldRowOf.get(s.searchText)!));
    // The new sentences' rows hold their own vectors.
    const fresh = await useLite.embed(embedder.calls[0]);
    const freshRows = embedder.calls[0].map((text) => after.sentences.find((s) => s.searchText === text)!.row);
    freshRows.forEach((row, i) => expect(vectorOf(after, row)).toEqual(Buffer.from(Float32Array.from(fresh[i]).buffer)));
  });

  it("indexes the good documents and lists the files it skipped, with the reasons", async () => {
    const config = setup("bad-input");
    await writeLetters(config.seedsDir, TWO_LETTERS);
    await writeFile(join(config.seedsDir, "empty.txt"), "");
    await writeFile(join(config.seedsDir, "scan.txt"), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x00]));

    const result = await buildIndex(config, { embedder });

    expect(result).toMatchObject({
      upToDate: false,
      documents: 2,
      passages: 8,
      sentences: 14,
      skipped: [
        { file: "empty.txt", reason: "it is empty" },
        { file: "scan.txt", reason: "it is binary, not text" },
      ],
    });
    expect((await load(config)).manifest.documents.map((d) => d.file)).toEqual([GLOUCESTERSHIRE, WORCESTERSHIRE]);
  });

  it("refuses a folder with nothing to index and leaves the existing index untouched", async () => {
    const config = setup("nothing-to-index");
    await writeLetters(config.seedsDir, TWO_LETTERS);
    await buildIndex(config, { embedder });
    const built = await snapshot(config.dataDir);
    await rm(config.seedsDir, { recursive: true });
    await mkdir(config.seedsDir);
    await writeFile(join(config.seedsDir, "empty.txt"), "");
    await writeFile(join(config.seedsDir, "report.pdf"), "%PDF-1.4");

    const error = await buildIndex(config, { embedder }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(IndexerError);
    expect((error as Error).message).toBe(
      `There are no documents to index in ${config.seedsDir}. empty.txt: it is empty. report.pdf: only .txt and .md files are read; save it as plain text to index it. ` +
        "Add .txt or .md files, or set VERBATIM_SEEDS to the folder that holds them.",
    );
    expect(await snapshot(config.dataDir)).toEqual(built);

    // A folder of many such files names the first three and counts the rest.
    for (const name of ["scan-1.pdf", "scan-2.pdf", "scan-3.pdf"]) await writeFile(join(config.seedsDir, name), "%PDF-1.4");
    expect(((await buildIndex(config, { embedder }).catch((e: unknown) => e)) as Error).message).toMatch(/ scan-1\.pdf: only \.txt and \.md files are read; save it as plain text to index it\. And 2 more files that cannot be indexed\. Add /);
  });

  it("refuses documents too many for one index before embedding any, and leaves the existing index untouched", { timeout: 120_000 }, async () => {
    const config = setup("too-many-passages");
    await writeLetters(config.seedsDir, TWO_LETTERS);
    await buildIndex(config, { embedder });
    const built = await snapshot(config.dataDir);
    embedder.calls.length = 0;
    // Paragraphs alike but for their figures, as templated papers are: one passage each, beside the letters' 8.
    const paragraph = (i: number) => `Placement ${i} was reviewed by the panel, which found that the child had been visited within ${i % 20} working days.`;
    await writeFile(join(config.seedsDir, "register.txt"), Array.from({ length: MAX_PASSAGES + 1 }, (_, i) => paragraph(i)).join("\n\n"));

    const error = await buildIndex(config, { embedder }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(IndexerError);
    expect((error as Error).message).toBe(
      `The documents in ${config.seedsDir} make 45,009 passages, more than the 45,000 one index can hold (about 16 MB of text). ` +
        "Index fewer or shorter documents at a time: split them (and any very long document) across folders, each indexed and served with its own VERBATIM_SEEDS and VERBATIM_DATA.",
    );
    expect(embedder.calls).toEqual([]);
    expect(await snapshot(config.dataDir)).toEqual(built);
  });

  it("passes on an embedder's failure and leaves the old index exactly as it was", async () => {
    const config = setup("embedder-fails");
    await writeLetters(config.seedsDir, TWO_LETTERS);
    await buildIndex(config, { embedder });
    const live = join(config.dataDir, "index");
    const manifest = await readFile(join(live, "manifest.json"));
    const passages = await readFile(join(live, "passages.json"));
    const built = await snapshot(live);
    // 151 paragraphs of three sentences: many batches of 32 texts to embed.
    await writeFile(join(config.seedsDir, "long-letter.txt"), longLetter(150));
    let calls = 0;
    const failing: Embedder = {
      id: "use-lite-512",
      dimensions: DIMS,
      async embed(_texts, onProgress) {
        calls++;
        // The first batch succeeds, then the model fails: nothing of this build may reach the disk.
        onProgress?.(32);
        throw new Error("USE-lite failed to embed a batch: out of memory");
      },
      async close() {},
    };
    const progress: Progress[] = [];

    const error = await buildIndex(config, { embedder: failing, onProgress: (p) => progress.push(p) }).catch((e: unknown) => e);

    expect(error).toEqual(new Error("USE-lite failed to embed a batch: out of memory"));
    expect(calls).toBe(1);
    expect(progress.map(({ done, total }) => ({ done, total }))).toEqual([{ done: 32, total: 450 }]);
    expect(await readFile(join(live, "manifest.json"))).toEqual(manifest);
    expect(await readFile(join(live, "passages.json"))).toEqual(passages);
    expect(await snapshot(live)).toEqual(built);
    expect(await readdir(config.dataDir)).toEqual(["index"]);
  });

  it("builds one index at a time in a data folder: a second build is refused while the first runs, and a dead build's lock is taken over", async () => {
    const config = setup("one-at-a-time");
    await writeLetters(config.seedsDir, TWO_LETTERS);
    let finish!: () => void;
    const held = new Promise<void>((resolve) => (finish = resolve));
    const slow: Embedder = { ...embedder, embed: async (texts, onProgress) => (await held, embedder.embed(texts, onProgress)) };
    const first = buildIndex(config, { embedder: slow });
    await expect.poll(() => readdir(config.dataDir).catch(() => [])).toContain(".build.lock");

    const second = await buildIndex(config, { embedder }).catch((e: unknown) => e);

    expect(second).toBeInstanceOf(IndexerError);
    expect((second as Error).message).toBe(`Another build of the index in ${config.dataDir} is running (process ${process.pid}). Wait for it to finish, then try again.`);
    finish();
    expect(await first).toMatchObject({ upToDate: false, documents: 2 });
    expect(await readdir(config.dataDir)).toEqual(["index"]);

    // A lock whose process has gone (it was killed mid-build) does not block the next build.
    const gone = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => gone.on("exit", resolve));
    await writeFile(join(config.dataDir, ".build.lock"), String(gone.pid));
    expect(await buildIndex(config, { embedder, force: true })).toMatchObject({ upToDate: false, documents: 2 });
    expect(await readdir(config.dataDir)).toEqual(["index"]);

    // An empty lock is one being made this moment, unless it has stood empty for a while.
    const lock = join(config.dataDir, ".build.lock");
    await writeFile(lock, "");
    expect(((await buildIndex(config, { embedder }).catch((e: unknown) => e)) as Error).message).toBe(
      `Another build of the index in ${config.dataDir} is running. Wait for it to finish, then try again.`,
    );
    const aMinuteAgo = new Date(Date.now() - 60_000);
    await utimes(lock, aMinuteAgo, aMinuteAgo);
    expect(await buildIndex(config, { embedder })).toMatchObject({ upToDate: true });
    expect(await readdir(config.dataDir)).toEqual(["index"]);
  });

  it("says so when the data folder is a file, before reading or embedding anything", async () => {
    const config = setup("data-is-a-file");
    await writeLetters(config.seedsDir, TWO_LETTERS);
    await writeFile(config.dataDir, "not a folder");
    embedder.calls.length = 0;

    const error = await buildIndex(config, { embedder }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(IndexerError);
    expect((error as Error).message).toBe(`The data folder ${config.dataDir} is a file, or lies inside one. Set VERBATIM_DATA to a folder.`);
    expect(embedder.calls).toEqual([]);
    const inside = { ...config, dataDir: join(config.dataDir, "sub") };
    expect(((await buildIndex(inside, { embedder }).catch((e: unknown) => e)) as Error).message).toBe(`The data folder ${inside.dataDir} is a file, or lies inside one. Set VERBATIM_DATA to a folder.`);
  });

  it("reports a renamed file as renamed, re-using its vectors, since its document id and links change", async () => {
    const config = setup("renamed");
    await writeLetters(config.seedsDir, TWO_LETTERS);
    await buildIndex(config, { embedder });
    await rename(join(config.seedsDir, GLOUCESTERSHIRE), join(config.seedsDir, "gloucestershire-final.txt"));

    const result = await buildIndex(config, { embedder });

    expect(result).toMatchObject({ upToDate: false, embedded: 0, changes: { added: [], removed: [], renamed: [{ from: GLOUCESTERSHIRE, to: "gloucestershire-final.txt" }] } });
  });

  it("removes the folders a crashed build left behind", async () => {
    const config = setup("stale");
    await writeLetters(config.seedsDir, TWO_LETTERS);
    await buildIndex(config, { embedder });
    const built = await snapshot(join(config.dataDir, "index"));
    await mkdir(join(config.dataDir, ".index-building-123"));
    await writeFile(join(config.dataDir, ".index-building-123", "passages.json"), "[{");
    await mkdir(join(config.dataDir, ".index-retired-456-789"));
    await writeFile(join(config.dataDir, ".index-retired-456-789", "manifest.json"), "{}");
    // Not the indexer's: left alone.
    await writeFile(join(config.dataDir, "notes.txt"), "kept");

    const result = await buildIndex(config, { embedder });

    expect(result.upToDate).toBe(true);
    expect((await readdir(config.dataDir)).sort()).toEqual(["index", "notes.txt"]);
    expect(await snapshot(join(config.dataDir, "index"))).toEqual(built);
  });
});

describe("npm run index, stopped with Ctrl-C", () => {
  it("exits with code 130, says so, and leaves the previous index unchanged", async () => {
    const config = setup("ctrl-c");
    await writeLetters(config.seedsDir, TWO_LETTERS);
    await buildIndex(config, { embedder: useLite });
    const built = await snapshot(config.dataDir);
    expect(Object.keys(built)).toContain("index/manifest.json");
    await rm(config.seedsDir, { recursive: true });
    // About 450 new sentences: several seconds of embedding, with a progress line after the first batch of 32.
    await writeLetters(config.seedsDir, { "long-letter.txt": longLetter(150) });

    const child = spawn(process.execPath, ["--import", "tsx", "indexer/cli.ts"], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      env: { ...process.env, VERBATIM_SEEDS: config.seedsDir, VERBATIM_DATA: config.dataDir, VERBATIM_EMBEDDER: "use-lite" },
    });
    let stdout = "";
    let stderr = "";
    let interruptedAt: string | undefined;
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
      const progress = /(\d+)\/(\d+) texts embedded/.exec(stderr);
      if (!interruptedAt && progress && Number(progress[1]) < Number(progress[2])) {
        interruptedAt = progress[0];
        child.kill("SIGINT");
      }
    });
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on("close", (c, s) => resolve([c, s])));

    expect({ code, signal, interruptedAt }).toEqual({ code: 130, signal: null, interruptedAt: "32/450 texts embedded" });
    expect(stdout).toBe(`Indexing ${config.seedsDir} into ${config.dataDir}/index\n`);
    expect(stderr.endsWith("\nStopped. The previous index, if any, is unchanged.\n")).toBe(true);
    expect(await snapshot(config.dataDir)).toEqual(built);
    expect(await readdir(config.dataDir)).toEqual(["index"]);
    expect((await stat(join(config.dataDir, "index", "manifest.json"))).isFile()).toBe(true);
  });
});
