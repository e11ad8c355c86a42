import { readFile, rm } from "node:fs/promises";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIndex } from "../indexer/build-index.js";
import { configFromEnv, defaults, type IndexerConfig } from "../indexer/config.js";
import { loadIndex, type LoadResult } from "../indexer/contract/load-index.js";
import { FORMAT_VERSION } from "../indexer/contract/schemas.js";
import { UserError } from "../indexer/user-error.js";
import { LETTERS, writeLetters } from "./fixtures/ofsted-letters.js";
import { TINY_HIDDEN_SIZE, writeTinyModel } from "./fixtures/tiny-transformers-model.js";

const root = mkdtempSync(join(tmpdir(), "verbatim-transformers-index-test-"));
const modelsDir = join(root, "models");
const model = "test/tiny-bert";
const WORCESTERSHIRE = "2018-08-03-worcestershire-monitoring-visit.txt";
const GLOUCESTERSHIRE = "2018-06-08-gloucestershire-monitoring-visit.txt";

const config: IndexerConfig = {
  seedsDir: join(root, "seeds"),
  dataDir: join(root, "data"),
  embedder: { kind: "transformers", model, modelsDir, allowRemote: false },
  threads: 1,
};
const live = join(config.dataDir, "index");

beforeAll(async () => {
  await rm(root, { recursive: true, force: true });
  await writeTinyModel(modelsDir, model);
  await writeLetters(config.seedsDir, { [WORCESTERSHIRE]: LETTERS[WORCESTERSHIRE], [GLOUCESTERSHIRE]: LETTERS[GLOUCESTERSHIRE] });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("an index built with a transformers.js model", () => {
  it("records the model and its width, and only that embedder may load it", async () => {
    const result = await buildIndex(config);

    expect(result).toMatchObject({ upToDate: false, documents: 2, embedded: result.sentences, reused: 0, skipped: [] });
    const manifest = JSON.parse(await readFile(join(live, "manifest.json"), "utf8"));
    expect(manifest.formatVersion).toBe(FORMAT_VERSION);
    expect(manifest.embedder).toEqual({ id: "transformers:test/tiny-bert", dimensions: TINY_HIDDEN_SIZE });

    const loaded = await loadIndex(live, "transformers:test/tiny-bert");
    expect(loaded.ok).toBe(true);
    const index = (loaded as Extract<LoadResult, { ok: true }>).value;
    expect(index.sentences).toHaveLength(result.sentences);
    expect(index.sentenceVectors).toHaveLength(result.sentences * TINY_HIDDEN_SIZE);
    expect(index.passageVectors.map((v) => v.length)).toEqual(Array(result.passages).fill(TINY_HIDDEN_SIZE));
    for (const v of index.passageVectors) expect(Math.hypot(...v)).toBeCloseTo(1, 5);

    expect(await loadIndex(live, "use-lite-512")).toEqual({
      ok: false,
      error: {
        code: "index_embedder",
        message: `The index at ${live} was built with the embedder transformers:test/tiny-bert, but Verbatim is set to use use-lite-512. Run \`npm run index\` to rebuild it.`,
      },
    });
  });

  it("is up to date for the same model, and rebuilt in full for another embedder", async () => {
    const own = { ...config, dataDir: join(root, "switched") };
    const first = await buildIndex(own);
    const same = await buildIndex(own);
    expect(first.upToDate).toBe(false);
    expect(same.upToDate).toBe(true);

    // No vector of another model can be re-used: every sentence is embedded again.
    const switched = await buildIndex({ ...own, embedder: { kind: "use-lite" } });

    expect(switched).toMatchObject({ upToDate: false, documents: 2, embedded: first.sentences, reused: 0 });
    const manifest = JSON.parse(await readFile(join(own.dataDir, "index", "manifest.json"), "utf8"));
    expect(manifest.embedder).toEqual({ id: "use-lite-512", dimensions: 512 });
    expect((await loadIndex(join(own.dataDir, "index"), "use-lite-512")).ok).toBe(true);
  });
});

describe("configFromEnv", () => {
  it("uses USE-lite and the project's folders when nothing is set", () => {
    expect(configFromEnv({})).toEqual({
      seedsDir: resolve("seeds"),
      dataDir: resolve("data"),
      embedder: { kind: "use-lite" },
      threads: defaults.threads,
    });
    expect(configFromEnv({ VERBATIM_EMBEDDER: "  " }).embedder).toEqual({ kind: "use-lite" });
  });

  it("reads a transformers.js model id and where its files are", () => {
    expect(configFromEnv({ VERBATIM_EMBEDDER: "transformers:x/y", VERBATIM_MODELS_DIR: modelsDir })).toEqual({
      seedsDir: resolve("seeds"),
      dataDir: resolve("data"),
      embedder: { kind: "transformers", model: "x/y", modelsDir, allowRemote: false },
      threads: defaults.threads,
    });
  });

  it("resolves relative folders, and allows downloads only for VERBATIM_ALLOW_REMOTE_MODELS=1", () => {
    const config = configFromEnv({
      VERBATIM_EMBEDDER: "transformers:Xenova/bge-small-en-v1.5",
      VERBATIM_SEEDS: "letters",
      VERBATIM_DATA: "out",
      VERBATIM_ALLOW_REMOTE_MODELS: "1",
    });
    expect(config).toEqual({
      seedsDir: resolve("letters"),
      dataDir: resolve("out"),
      embedder: { kind: "transformers", model: "Xenova/bge-small-en-v1.5", modelsDir: resolve("data/models"), allowRemote: true },
      threads: defaults.threads,
    });
    expect(configFromEnv({ VERBATIM_EMBEDDER: "transformers:x/y", VERBATIM_ALLOW_REMOTE_MODELS: "true" }).embedder).toMatchObject({ allowRemote: false });
  });

  it("refuses an embedder it does not know, naming the ones it does", () => {
    expect(() => configFromEnv({ VERBATIM_EMBEDDER: "bogus" })).toThrow(
      new UserError(`VERBATIM_EMBEDDER="bogus" is not an embedder. Use "use-lite" or "transformers:<model id>", e.g. "transformers:Xenova/bge-small-en-v1.5".`),
    );
    expect(() => configFromEnv({ VERBATIM_EMBEDDER: "transformers:" })).toThrow(
      new UserError(`VERBATIM_EMBEDDER="transformers:" is not an embedder. Use "use-lite" or "transformers:<model id>", e.g. "transformers:Xenova/bge-small-en-v1.5".`),
    );
  });
});
