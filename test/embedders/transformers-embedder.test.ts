import { rm } from "node:fs/promises";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbedderError, type Embedder } from "../../indexer/embedders/embedder.ts";
import { createTransformersEmbedder } from "../../indexer/embedders/transformers-embedder.ts";
import { TINY_VOCAB, tinyEmbeddingMatrix, writeTinyModel } from "../fixtures/tiny-transformers-model.ts";

const root = mkdtempSync(join(tmpdir(), "verbatim-transformers-embedder-test-"));
const modelsDir = join(root, "models");
const model = "test/tiny-bert";

/** What mean pooling then L2 normalisation make of these tokens' embedding rows. */
function expectedVector(tokens: string[]): number[] {
  const matrix = tinyEmbeddingMatrix();
  const rows = tokens.map((token) => matrix[TINY_VOCAB.indexOf(token)]);
  const mean = Array.from(rows[0], (_, k) => rows.reduce((sum, row) => sum + row[k], 0) / rows.length);
  const norm = Math.hypot(...mean);
  return mean.map((x) => x / norm);
}

function maxDifference(a: number[], b: number[]): number {
  return Math.max(...a.map((x, i) => Math.abs(x - b[i])));
}

describe("createTransformersEmbedder", () => {
  let embedder: Embedder;

  beforeAll(async () => {
    await rm(root, { recursive: true, force: true });
    await writeTinyModel(modelsDir, model);
    // A batch size of 2 makes a three-text call span two batches.
    embedder = await createTransformersEmbedder({ model, modelsDir, allowRemote: false, batchSize: 2 });
  });

  afterAll(async () => {
    await embedder?.close();
    await rm(root, { recursive: true, force: true });
  });

  it("names the model and reads the width from its output", () => {
    expect(embedder.id).toBe("transformers:test/tiny-bert");
    expect(embedder.dimensions).toBe(8);
  });

  it("returns one unit-length vector per text, in order", async () => {
    const texts = ["river bridge", "the tax court is on the road", "water"];
    const vectors = await embedder.embed(texts);
    expect(vectors.map((v) => v.length)).toEqual([8, 8, 8]);
    for (const v of vectors) expect(Math.abs(Math.hypot(...v) - 1)).toBeLessThan(1e-5);
    // Padding inside a batch must not change a text's vector.
    const alone = await Promise.all(texts.map((text) => embedder.embed([text])));
    expect(vectors).toEqual(alone.map(([v]) => v));
  });

  it("gives the same text the same vector and different texts different ones", async () => {
    const [first, again, other] = await embedder.embed(["city budget", "city budget", "fire permit"]);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it("mean-pools the embedding rows of [CLS], the words and [SEP]", async () => {
    const [vector] = await embedder.embed(["River river RIVER"]);
    expect(maxDifference(vector, expectedVector(["[CLS]", "river", "river", "river", "[SEP]"]))).toBeLessThan(1e-5);
  });

  it("embeds nothing for no texts", async () => {
    expect(await embedder.embed([])).toEqual([]);
  });

  it("says where to put the files when the model is missing and downloads are off", async () => {
    const error = await createTransformersEmbedder({
      model: "Xenova/bge-small-en-v1.5",
      modelsDir: join(root, "empty"),
      allowRemote: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbedderError);
    expect((error as Error).message).toBe(
      `No transformers.js model "Xenova/bge-small-en-v1.5" in ${root}/empty. ` +
        `Put its config.json, tokenizer.json, tokenizer_config.json and onnx/model.onnx in ${root}/empty/Xenova/bge-small-en-v1.5, ` +
        "or allow downloads with VERBATIM_ALLOW_REMOTE_MODELS=1.",
    );
  });

  it("refuses a batch size that could never finish a batch", async () => {
    await expect(createTransformersEmbedder({ model, modelsDir, allowRemote: false, batchSize: 0 })).rejects.toThrow(
      new EmbedderError("batchSize must be a whole number of at least 1, not 0."),
    );
  });

  it("closes twice without throwing and refuses to embed afterwards", async () => {
    const second = await createTransformersEmbedder({ model, modelsDir, allowRemote: false });
    await second.close();
    await expect(second.close()).resolves.toBeUndefined();
    await expect(second.embed(["river"])).rejects.toThrow(
      new Error("transformers:test/tiny-bert was closed; create a new embedder."),
    );
  });
});
