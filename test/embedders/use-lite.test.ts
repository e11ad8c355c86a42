import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Embedder } from "../../indexer/embedders/embedder.js";
import { createUseLite, createUseLitePool, USE_LITE_ID } from "../../indexer/embedders/use-lite.js";

const TEXTS = Array.from({ length: 70 }, (_, i) => `Inspectors found that ${i} children waited too long for a decision.`);

let single: Embedder;
beforeAll(async () => {
  single = await createUseLite();
});
afterAll(async () => {
  await single.close();
});

describe("USE-lite", () => {
  it("embeds into 512 unit-length dimensions, the same text always the same way", async () => {
    const [a, b, c] = await single.embed(["missing children", "missing children", "adoption panels"]);
    expect(single.id).toBe(USE_LITE_ID);
    expect(a.length).toBe(512);
    expect(Math.hypot(...a)).toBeCloseTo(1, 5);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it("on two worker threads gives the same vectors in the same order, reporting each batch", async () => {
    const pool = await createUseLitePool(2);
    const progress: number[] = [];
    const [fromPool, inThread] = [await pool.embed(TEXTS, (done) => progress.push(done)), await single.embed(TEXTS)];
    await pool.close();
    expect(fromPool.length).toBe(70);
    fromPool.forEach((v, i) => v.forEach((x, k) => expect(x).toBeCloseTo(inThread[i][k], 5)));
    // Three batches (32, 32, 6) finish in whichever order the two workers finish them.
    expect(progress.length).toBe(3);
    expect(progress[2]).toBe(70);
  });

  it("refuses work once closed, instead of waiting forever", async () => {
    const pool = await createUseLitePool(2);
    await pool.close();
    await pool.close();
    await expect(pool.embed(["too late"])).rejects.toThrow("use-lite-512 was closed; create a new embedder.");
  });
});
