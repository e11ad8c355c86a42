import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { UserError } from "./user-error.js";

export interface SourceFile {
  id: string;
  file: string;
  text: string;
  hash: string;
}

export interface Skipped {
  file: string;
  reason: string;
}

/** A problem with the whole folder, which stops the build before anything is written. */
export class IndexerError extends UserError {
  override name = "IndexerError";
}

const EXTENSIONS = new Set([".txt", ".md"]);

/** A document id from its file name: "2017 Report (final).txt" → "2017-report-final". */
export function documentId(file: string): string {
  return (
    file
      .slice(0, file.length - extname(file).length)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "document"
  );
}

/** Content hash of a document's bytes. */
export function contentHash(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Why a file's bytes cannot be indexed, or undefined when they can. */
function problemWith(bytes: Buffer): string | undefined {
  if (bytes.includes(0)) return "it is binary, not text";
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    if (text.trim().length === 0) return "it is empty";
  } catch {
    return "it is not UTF-8 text; save it as UTF-8 and index again";
  }
  return undefined;
}

/**
 * Reads every .txt and .md file in a folder. Files that cannot be indexed are returned
 * as skipped with the reason, so the rest still get indexed.
 */
export async function readDocuments(folder: string): Promise<{ documents: SourceFile[]; skipped: Skipped[] }> {
  let names: string[];
  try {
    // Links count too: readFile follows them, and reports a broken one as unreadable.
    names = (await readdir(folder, { withFileTypes: true })).filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "does not exist" : code === "ENOTDIR" ? "is not a folder" : `cannot be read (${code})`;
    throw new IndexerError(`The documents folder ${folder} ${why}. Put .txt or .md files there, or set VERBATIM_SEEDS to the folder that holds them.`);
  }
  const documents: SourceFile[] = [];
  const skipped: Skipped[] = [];
  const byHash = new Map<string, string>();
  const ids = new Set<string>();
  for (const file of names.sort()) {
    if (!EXTENSIONS.has(extname(file).toLowerCase())) continue;
    let bytes: Buffer;
    try {
      bytes = await readFile(join(folder, file));
    } catch (error) {
      skipped.push({ file, reason: `it is unreadable (${(error as NodeJS.ErrnoException).code ?? "read error"})` });
      continue;
    }
    const problem = problemWith(bytes);
    if (problem) {
      skipped.push({ file, reason: problem });
      continue;
    }
    const hash = contentHash(bytes);
    const twin = byHash.get(hash);
    if (twin) {
      skipped.push({ file, reason: `it has the same content as ${twin}` });
      continue;
    }
    byHash.set(hash, file);
    let id = documentId(file);
    for (let n = 2; ids.has(id); n++) id = `${documentId(file)}-${n}`;
    ids.add(id);
    documents.push({ id, file, text: bytes.toString("utf8"), hash });
  }
  return { documents, skipped };
}
