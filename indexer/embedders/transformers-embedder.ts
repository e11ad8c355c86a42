import { access } from "node:fs/promises";
import { join, resolve } from "node:path";
import { env, pipeline, type FeatureExtractionPipelineType } from "@xenova/transformers";
import { EmbedderError, type Embedder } from "./embedder.js";

export interface TransformersEmbedderOptions {
  /** A Hugging Face model id, e.g. "Xenova/bge-small-en-v1.5". */
  model: string;
  /** Folder holding `<model>/config.json`, tokenizer files and `onnx/model.onnx`. */
  modelsDir: string;
  /** Whether a missing model may be downloaded (into modelsDir) from the Hugging Face hub. */
  allowRemote: boolean;
  /** Texts per forward pass. */
  batchSize?: number;
}

const DEFAULT_BATCH_SIZE = 32;

/** The id an index records for a transformers.js model. */
export const transformersId = (model: string) => `transformers:${model}`;

// transformers.js asks for onnx/model.onnx when `quantized: false` (onnx/model_quantized.onnx otherwise).
const REQUIRED_FILES = ["config.json", "tokenizer.json", "tokenizer_config.json", "onnx/model.onnx"];

const POOLING = { pooling: "mean", normalize: true } as const;

async function hasAllFiles(modelDir: string): Promise<boolean> {
  const present = await Promise.all(
    REQUIRED_FILES.map((file) => access(join(modelDir, file)).then(() => true, () => false)),
  );
  return present.every(Boolean);
}

/**
 * Loads a transformers.js feature-extraction model once and returns an Embedder over it.
 * @example const embedder = await createTransformersEmbedder({ model: "Xenova/bge-small-en-v1.5", modelsDir: "models", allowRemote: false });
 */
export async function createTransformersEmbedder(options: TransformersEmbedderOptions): Promise<Embedder> {
  const { model, allowRemote } = options;
  // `??` rather than a spread over defaults, so an explicit `batchSize: undefined` still gets the default.
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new EmbedderError(`batchSize must be a whole number of at least 1, not ${batchSize}.`);
  }
  const modelsDir = resolve(options.modelsDir);
  const modelDir = join(modelsDir, model);

  // Checked here rather than left to transformers.js so the message is ours and no fetch is ever tried.
  if (!allowRemote && !(await hasAllFiles(modelDir))) {
    throw new EmbedderError(
      `No transformers.js model "${model}" in ${modelsDir}. ` +
        `Put its config.json, tokenizer.json, tokenizer_config.json and onnx/model.onnx in ${modelDir}, ` +
        "or allow downloads with VERBATIM_ALLOW_REMOTE_MODELS=1.",
    );
  }

  // env is global to transformers.js and read while loading: two loads at once from different folders would race.
  env.localModelPath = modelsDir;
  env.allowLocalModels = true;
  env.allowRemoteModels = allowRemote;
  // The file cache keys downloads as <model>/<file>, so caching into modelsDir puts them where the local lookup lands next time.
  env.cacheDir = modelsDir;

  let extractor: FeatureExtractionPipelineType | null = await pipeline("feature-extraction", model, {
    quantized: false,
    cache_dir: modelsDir,
    local_files_only: !allowRemote,
  });

  // The output width is the truth; config.json names it differently across architectures.
  const probe = await extractor("dimensions probe", POOLING);
  const dimensions = probe.dims[1];

  return {
    id: transformersId(model),
    dimensions,
    async embed(texts, onProgress) {
      const current = extractor;
      if (!current) throw new Error(`${transformersId(model)} was closed; create a new embedder.`);
      const vectors: number[][] = [];
      for (let start = 0; start < texts.length; start += batchSize) {
        const output = await current(texts.slice(start, start + batchSize), POOLING);
        vectors.push(...(output.tolist() as number[][]));
        onProgress?.(vectors.length);
      }
      return vectors;
    },
    async close() {
      const closing = extractor;
      extractor = null;
      await closing?.dispose();
    },
  };
}
