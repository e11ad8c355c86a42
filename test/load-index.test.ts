import { cp, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIndex } from "../indexer/build-index.js";
import { loadIndex, type LoadResult } from "../indexer/contract/load-index.js";
import { FORMAT_VERSION } from "../indexer/contract/schemas.js";
import { LETTERS, writeLetters } from "./fixtures/ofsted-letters.js";

const root = mkdtempSync(join(tmpdir(), "verbatim-load-index-test-"));
const built = join(root, "data", "index");
const REBUILD = "Run `npm run index` to rebuild it.";
// A damaged index may look current to the indexer, so the advice forces the rebuild.
const REBUILD_DAMAGED = "Run `npm run index -- --force` to rebuild it.";
const WORCESTERSHIRE = "2018-08-03-worcestershire-monitoring-visit.txt";
const GLOUCESTERSHIRE = "2018-06-08-gloucestershire-monitoring-visit.txt";

let copies = 0;

/** A fresh copy of the index built once for this file, to damage without harming the others. */
async function copyOfIndex(): Promise<string> {
  const dir = join(root, `copy-${++copies}`, "index");
  await cp(built, dir, { recursive: true });
  return dir;
}

async function editJson(file: string, edit: (value: any) => void): Promise<void> {
  const value = JSON.parse(await readFile(file, "utf8"));
  edit(value);
  await writeFile(file, JSON.stringify(value));
}

/** The error of a load that must fail. */
function errorOf(result: LoadResult): { code: string; message: string } {
  expect(result.ok).toBe(false);
  return (result as Extract<LoadResult, { ok: false }>).error;
}

beforeAll(async () => {
  await rm(root, { recursive: true, force: true });
  const seedsDir = join(root, "seeds");
  await writeLetters(seedsDir, { [WORCESTERSHIRE]: LETTERS[WORCESTERSHIRE], [GLOUCESTERSHIRE]: LETTERS[GLOUCESTERSHIRE] });
  await buildIndex({ seedsDir, dataDir: join(root, "data"), embedder: { kind: "use-lite" }, threads: 1 });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("loadIndex", () => {
  it("loads an intact copy, so each failure below comes from its one change", async () => {
    const dir = await copyOfIndex();
    const result = await loadIndex(dir, "use-lite-512");
    expect(result.ok).toBe(true);
    const index = (result as Extract<LoadResult, { ok: true }>).value;
    expect(index.dir).toBe(dir);
    expect(index.manifest.counts).toEqual({ documents: 2, passages: index.passages.length, sentences: index.sentences.length });
    expect(index.sentenceVectors).toHaveLength(index.sentences.length * 512);
    expect(index.passageVectors).toHaveLength(index.passages.length);
  });

  it("refuses an index of another format version and says what to run", async () => {
    const dir = await copyOfIndex();
    await editJson(join(dir, "manifest.json"), (m) => (m.formatVersion = 0));
    expect(await loadIndex(dir, "use-lite-512")).toEqual({
      ok: false,
      error: {
        code: "index_format",
        message: `The index at ${dir} has format version 0, but this Verbatim reads version ${FORMAT_VERSION}. ${REBUILD}`,
      },
    });
  });

  it("refuses an index built by another embedder and says what to run", async () => {
    const dir = await copyOfIndex();
    expect(await loadIndex(dir, "transformers:Xenova/bge-small-en-v1.5")).toEqual({
      ok: false,
      error: {
        code: "index_embedder",
        message: `The index at ${dir} was built with the embedder use-lite-512, but Verbatim is set to use transformers:Xenova/bge-small-en-v1.5. ${REBUILD}`,
      },
    });
  });

  it("checks the format version before the embedder", async () => {
    const dir = await copyOfIndex();
    await editJson(join(dir, "manifest.json"), (m) => (m.formatVersion = FORMAT_VERSION + 1));
    expect(errorOf(await loadIndex(dir, "transformers:Xenova/bge-small-en-v1.5")).code).toBe("index_format");
  });

  it("says there is no index, and how to build one, when the folder is missing", async () => {
    const dir = join(root, "nowhere", "index");
    expect(await loadIndex(dir, "use-lite-512")).toEqual({
      ok: false,
      error: { code: "index_missing", message: `There is no index at ${dir}. Run \`npm run index\` to build it.` },
    });
  });

  it("says there is no index when the folder holds no manifest, as a half-written build would", async () => {
    const dir = await copyOfIndex();
    await rm(join(dir, "manifest.json"));
    expect(errorOf(await loadIndex(dir, "use-lite-512"))).toEqual({
      code: "index_missing",
      message: `There is no index at ${dir}. Run \`npm run index\` to build it.`,
    });
  });

  it("calls a manifest that is not JSON damaged", async () => {
    const dir = await copyOfIndex();
    await writeFile(join(dir, "manifest.json"), "{ not json");
    const { code, message } = errorOf(await loadIndex(dir, "use-lite-512"));
    expect(code).toBe("index_damaged");
    expect(message.startsWith(`The index manifest at ${dir} is damaged: `)).toBe(true);
    expect(message.endsWith(`. ${REBUILD_DAMAGED}`)).toBe(true);
  });

  it("calls a truncated passages.json damaged", async () => {
    const dir = await copyOfIndex();
    const passages = join(dir, "passages.json");
    await truncate(passages, Math.floor((await readFile(passages)).length / 2));
    const { code, message } = errorOf(await loadIndex(dir, "use-lite-512"));
    expect(code).toBe("index_damaged");
    expect(message.startsWith(`The index at ${dir} is damaged: `)).toBe(true);
    expect(message.endsWith(REBUILD_DAMAGED)).toBe(true);
  });

  it("names the file and the field when a file does not match the format", async () => {
    const dir = await copyOfIndex();
    await editJson(join(dir, "sentences.json"), (sentences) => delete sentences[0].row);
    const { code, message } = errorOf(await loadIndex(dir, "use-lite-512"));
    expect(code).toBe("index_damaged");
    // The rest of the sentence is zod's own wording, which changes between zod versions.
    expect(message.startsWith(`The index at ${dir} is damaged: sentences.json does not match the index format (0.row: `)).toBe(true);
    expect(message.endsWith(`). ${REBUILD_DAMAGED}`)).toBe(true);
  });

  it("counts the vectors when sentence-vectors.f32 is short of a row", async () => {
    const dir = await copyOfIndex();
    const vectors = join(dir, "sentence-vectors.f32");
    const { length } = await readFile(vectors);
    const rows = length / (512 * 4);
    await truncate(vectors, length - 512 * 4);
    expect(errorOf(await loadIndex(dir, "use-lite-512"))).toEqual({
      code: "index_damaged",
      message: `The index at ${dir} is damaged: sentence-vectors.f32 holds ${rows - 1} vectors for ${rows} sentences. ${REBUILD_DAMAGED}`,
    });
  });

  it("names the passage whose vector is missing from the vector store", async () => {
    const dir = await copyOfIndex();
    let removed = "";
    await editJson(join(dir, "vectors", "index.json"), (store) => {
      removed = store.items[0].id;
      store.items.shift();
    });
    expect(removed).toBe("2018-06-08-gloucestershire-monitoring-visit:1");
    expect(errorOf(await loadIndex(dir, "use-lite-512"))).toEqual({
      code: "index_damaged",
      message: `The index at ${dir} is damaged: the vector store has no 512-dimension vector for passage ${removed}. ${REBUILD_DAMAGED}`,
    });
  });
});
