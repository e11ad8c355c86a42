import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const made: string[] = [];

/** A fresh, empty folder under the system temp folder, removed by `removeTempFolders`. */
export async function tempFolder(label: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `verbatim-bench-${label}-`));
  made.push(dir);
  return dir;
}

/** A temp copy of a folder of documents, safe to change. */
export async function copyFolder(from: string, label: string): Promise<string> {
  const dir = await tempFolder(label);
  await cp(from, dir, { recursive: true });
  return dir;
}

/** Removes every folder `tempFolder` made; called on the way out, success or not. */
export async function removeTempFolders(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
