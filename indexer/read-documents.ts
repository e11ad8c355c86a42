import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import type { Dirent } from "node:fs";
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
  // Windows' "Unicode" text starts with a byte-order mark, and every other byte of English is 0.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return "it is UTF-16 text; save it as UTF-8 and index again";
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
 * Reads every .txt and .md file in a folder. Everything else in it, and files that cannot
 * be indexed, are returned as skipped with the reason, so nothing is left out unsaid and
 * the rest still get indexed. Hidden files (".DS_Store") are the system's, and pass unmentioned.
 */
export async function readDocuments(folder: string): Promise<{ documents: SourceFile[]; skipped: Skipped[] }> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "does not exist" : code === "ENOTDIR" ? "is not a folder" : `cannot be read (${code})`;
    throw new IndexerError(`The documents folder ${folder} ${why}. Put .txt or .md files there, or set VERBATIM_SEEDS to the folder that holds them.`);
  }
  const documents: SourceFile[] = [];
  const skipped: Skipped[] = [];
  const byHash = new Map<string, string>();
  const ids = new Set<string>();
  for (const entry of entries.filter((e) => !e.name.startsWith(".")).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const file = entry.name;
    if (entry.isDirectory()) {
      skipped.push({ file: `${file}/`, reason: "it is a folder; only the files directly in the documents folder are read" });
      continue;
    }
    // Links count too: readFile follows them, and reports a broken one as unreadable.
    if (!entry.isFile() && !entry.isSymbolicLink()) {
      skipped.push({ file, reason: "it is not a regular file" });
      continue;
    }
    if (!EXTENSIONS.has(extname(file).toLowerCase())) {
      skipped.push({ file, reason: "only .txt and .md files are read; save it as plain text to index it" });
      continue;
    }
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
