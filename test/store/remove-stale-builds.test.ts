import { mkdtemp, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeStaleBuilds } from "../../indexer/store/write-index.js";

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "verbatim-stale-"));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("removeStaleBuilds", () => {
  it("puts back the retired index when a build died between its two renames", async () => {
    await mkdir(join(dataDir, ".index-retired-1-100"));
    await writeFile(join(dataDir, ".index-retired-1-100", "manifest.json"), "{}");
    await mkdir(join(dataDir, ".index-building-1-100"));
    await removeStaleBuilds(dataDir);
    expect(await readdir(dataDir)).toEqual(["index"]);
    expect(await readdir(join(dataDir, "index"))).toEqual(["manifest.json"]);
  });

  it("never replaces a live index, and deletes the leftovers", async () => {
    await mkdir(join(dataDir, "index"));
    await writeFile(join(dataDir, "index", "live.txt"), "live");
    await mkdir(join(dataDir, ".index-retired-1-100"));
    await writeFile(join(dataDir, ".index-retired-1-100", "manifest.json"), "{}");
    await removeStaleBuilds(dataDir);
    expect(await readdir(dataDir)).toEqual(["index"]);
    expect(await readdir(join(dataDir, "index"))).toEqual(["live.txt"]);
  });
});
