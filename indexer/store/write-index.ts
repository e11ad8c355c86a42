import { mkdir, rename, rm, writeFile, stat, readdir } from "node:fs/promises";
import { join } from "node:path";
import { LocalIndex } from "vectra";
import { INDEX_FILES, type LexicalIndex, type Manifest } from "../contract/schemas.js";
import type { Corpus } from "../analyse/build-corpus.js";

export interface IndexContents {
  /** The manifest, less the file sizes, which are measured as written. */
  manifest: Omit<Manifest, "files">;
  corpus: Corpus;
  lexical: LexicalIndex;
  acronyms: Record<string, string>;
  passageVectors: number[][];
  sentenceVectors: Float32Array;
}

/** The live index folder inside a data folder. */
export const liveIndexDir = (dataDir: string) => join(dataDir, "index");

/**
 * Clears folders left by a build that was killed mid-write. A build killed between its two
 * renames leaves no live index but a complete retired one: that is put back first.
 */
export async function removeStaleBuilds(dataDir: string): Promise<void> {
  const names = (await readdir(dataDir).catch(() => [] as string[])).filter((n) => n.startsWith(".index-"));
  const live = liveIndexDir(dataDir);
  if (!(await exists(live))) {
    const retired = names.filter((n) => n.startsWith(".index-retired-")).sort().reverse();
    for (const name of retired) {
      if (await exists(join(dataDir, name, INDEX_FILES.manifest))) {
        await rename(join(dataDir, name), live);
        break;
      }
    }
  }
  await Promise.all(names.map((n) => rm(join(dataDir, n), { recursive: true, force: true })));
}

const exists = (path: string) => stat(path).then(() => true, () => false);

async function writeVectors(dir: string, contents: IndexContents): Promise<void> {
  const index = new LocalIndex(dir);
  await index.createIndex({ version: 1, metadata_config: { indexed: [] } });
  // One batched update: vectra rewrites its whole file on every unbatched insert.
  await index.beginUpdate();
  contents.corpus.passages.forEach((p, i) =>
    index.insertItem({
      id: p.id,
      vector: contents.passageVectors[i],
      metadata: { documentId: p.documentId, publisher: p.source.publisher, kind: p.source.kind, date: p.source.date ?? "" },
    }),
  );
  await index.endUpdate();
}

/**
 * Writes a complete index into a temporary folder, then renames it into place, so a crash
 * or Ctrl-C leaves either the old index or the new one, never half of either.
 * Returns the new index's size in bytes.
 */
export async function writeIndex(dataDir: string, contents: IndexContents): Promise<number> {
  await mkdir(dataDir, { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  const building = join(dataDir, `.index-building-${stamp}`);
  const retired = join(dataDir, `.index-retired-${stamp}`);
  const live = liveIndexDir(dataDir);
  let bytes = 0;
  try {
    await mkdir(building);
    const { corpus } = contents;
    await writeFile(join(building, INDEX_FILES.documents), JSON.stringify(corpus.documents));
    await writeFile(join(building, INDEX_FILES.passages), JSON.stringify(corpus.passages));
    await writeFile(join(building, INDEX_FILES.sentences), JSON.stringify(corpus.sentences));
    await writeFile(join(building, INDEX_FILES.lexical), JSON.stringify(contents.lexical));
    await writeFile(join(building, INDEX_FILES.acronyms), JSON.stringify(contents.acronyms));
    const v = contents.sentenceVectors;
    await writeFile(join(building, INDEX_FILES.sentenceVectors), new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
    await writeVectors(join(building, INDEX_FILES.vectors), contents);
    // The manifest goes last: a folder without one is never taken for an index.
    const files = await fileSizes(building);
    const manifest: Manifest = { ...contents.manifest, files };
    const manifestJson = JSON.stringify(manifest, null, 2);
    await writeFile(join(building, INDEX_FILES.manifest), manifestJson);
    // The index's size is what the manifest records, and the manifest itself.
    bytes = Object.values(files).reduce((sum, size) => sum + size, Buffer.byteLength(manifestJson));
    if (await exists(live)) await rename(live, retired);
    await rename(building, live);
    await rm(retired, { recursive: true, force: true });
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    throw error;
  }
  return bytes;
}

/** Bytes of each file in a folder tree, by its path inside the folder ("vectors/index.json"). */
export async function fileSizes(dir: string, prefix = ""): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(sizes, await fileSizes(path, `${prefix}${entry.name}/`));
    else sizes[`${prefix}${entry.name}`] = (await stat(path)).size;
  }
  return sizes;
}

