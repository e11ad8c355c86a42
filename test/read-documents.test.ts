import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { chmod, mkdir, rm, symlink, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { IndexerError, documentId, readDocuments } from "../indexer/read-documents.js";
import { LETTERS } from "./fixtures/ofsted-letters.js";

const root = mkdtempSync(join(tmpdir(), "verbatim-read-documents-test-"));
const sha256 = (bytes: string | Buffer) => createHash("sha256").update(bytes).digest("hex");

const WORCESTERSHIRE = LETTERS["2018-08-03-worcestershire-monitoring-visit.txt"];
const GLOUCESTERSHIRE = LETTERS["2018-06-08-gloucestershire-monitoring-visit.txt"];

/** A fresh, empty folder under the test root. */
async function folder(name: string): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  return dir;
}

beforeEach(async () => {
  await rm(root, { recursive: true, force: true });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("documentId", () => {
  it("makes a lower-case, hyphenated id from the file name without its extension", () => {
    expect(documentId("2017 Report (final).txt")).toBe("2017-report-final");
    expect(documentId("Ofsted_Letter.MD")).toBe("ofsted-letter");
    expect(documentId("2018-08-03-ofsted-worcestershire-monitoring-visit-5.txt")).toBe("2018-08-03-ofsted-worcestershire-monitoring-visit-5");
    expect(documentId("  --Annex A--  .txt")).toBe("annex-a");
    expect(documentId("minutes.2019.txt")).toBe("minutes-2019");
  });

  it("falls back to 'document' when the name has no letters or digits to keep", () => {
    expect(documentId("---.txt")).toBe("document");
    expect(documentId("報告.txt")).toBe("document");
  });
});

describe("readDocuments", () => {
  it("reads the good files and says why it skipped each of the others", async () => {
    const dir = await folder("mixed");
    await writeFile(join(dir, "2018-08-03-worcestershire.txt"), WORCESTERSHIRE);
    // An upper-case extension still counts, and the id comes from the whole name.
    await writeFile(join(dir, "Gloucestershire Visit (Final).MD"), GLOUCESTERSHIRE);
    await writeFile(join(dir, "worcestershire-again.txt"), WORCESTERSHIRE);
    await writeFile(join(dir, "empty.txt"), "");
    await writeFile(join(dir, "blank.md"), "  \n\t\n\n   ");
    await writeFile(join(dir, "scan.txt"), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0x0a]));
    await writeFile(join(dir, "latin1.txt"), Buffer.from("caf\xe9 au lait", "latin1"));
    // Saved as "Unicode" on Windows: a byte-order mark, then two bytes a character.
    await writeFile(join(dir, "unicode.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Dear Ms Smith", "utf16le")]));
    // Larger than Node will read into one buffer, so readFile fails even as root (where chmod 000 does not);
    // it is sparse, so it takes no disk space.
    await writeFile(join(dir, "huge.txt"), "");
    await truncate(join(dir, "huge.txt"), 3 * 2 ** 30);
    await writeFile(join(dir, "report.pdf"), "%PDF-1.4 not indexed");
    await writeFile(join(dir, "notes"), "A file without an extension is not indexed.");
    await mkdir(join(dir, "folder.txt"));

    const { documents, skipped } = await readDocuments(dir);

    expect(documents).toEqual([
      {
        id: "2018-08-03-worcestershire",
        file: "2018-08-03-worcestershire.txt",
        text: WORCESTERSHIRE,
        hash: sha256(WORCESTERSHIRE),
      },
      {
        id: "gloucestershire-visit-final",
        file: "Gloucestershire Visit (Final).MD",
        text: GLOUCESTERSHIRE,
        hash: sha256(GLOUCESTERSHIRE),
      },
    ]);
    expect(skipped).toEqual([
      { file: "blank.md", reason: "it is empty" },
      { file: "empty.txt", reason: "it is empty" },
      { file: "folder.txt/", reason: "it is a folder; only the files directly in the documents folder are read" },
      { file: "huge.txt", reason: "it is unreadable (ERR_FS_FILE_TOO_LARGE)" },
      { file: "latin1.txt", reason: "it is not UTF-8 text; save it as UTF-8 and index again" },
      { file: "notes", reason: "only .txt and .md files are read; save it as plain text to index it" },
      { file: "report.pdf", reason: "only .txt and .md files are read; save it as plain text to index it" },
      { file: "scan.txt", reason: "it is binary, not text" },
      { file: "unicode.txt", reason: "it is UTF-16 text; save it as UTF-8 and index again" },
      { file: "worcestershire-again.txt", reason: "it has the same content as 2018-08-03-worcestershire.txt" },
    ]);
  });

  it("keeps the text byte for byte, with its line endings, and hashes the bytes", async () => {
    const dir = await folder("bytes");
    const text = "3 August 2018\r\n\r\nDear Ms Smith\r\n\r\nThe visit took place on 11 July 2018.\r\n";
    await writeFile(join(dir, "letter.txt"), text);
    expect(await readDocuments(dir)).toEqual({
      documents: [{ id: "letter", file: "letter.txt", text, hash: sha256(Buffer.from(text, "utf8")) }],
      skipped: [],
    });
  });

  it("gives files whose names make the same id distinct ids, in name order", async () => {
    const dir = await folder("same-id");
    await writeFile(join(dir, "report.md"), "The second report.");
    await writeFile(join(dir, "Report.txt"), "The first report.");
    await writeFile(join(dir, "report!.txt"), "The third report.");
    const { documents } = await readDocuments(dir);
    expect(documents.map(({ id, file }) => ({ id, file }))).toEqual([
      { id: "report", file: "Report.txt" },
      { id: "report-2", file: "report!.txt" },
      { id: "report-3", file: "report.md" },
    ]);
  });

  it("says why it passes over a file of another kind, and says nothing of hidden files", async () => {
    const dir = await folder("no-text");
    await writeFile(join(dir, "report.pdf"), "%PDF-1.4");
    await writeFile(join(dir, ".DS_Store"), "Finder's own");
    expect(await readDocuments(dir)).toEqual({ documents: [], skipped: [{ file: "report.pdf", reason: "only .txt and .md files are read; save it as plain text to index it" }] });
  });

  it.skipIf(process.getuid?.() === 0)("reports a file it has no permission to read", async () => {
    const dir = await folder("no-permission");
    await writeFile(join(dir, "good.txt"), "Dear Ms Smith, this letter can be read.");
    await writeFile(join(dir, "locked.txt"), "Dear Ms Smith, this letter cannot.");
    await chmod(join(dir, "locked.txt"), 0o000);
    const { documents, skipped } = await readDocuments(dir);
    expect(documents.map((d) => d.file)).toEqual(["good.txt"]);
    expect(skipped).toEqual([{ file: "locked.txt", reason: "it is unreadable (EACCES)" }]);
  });

  it("reads documents through symlinks and reports a dangling one as unreadable", async () => {
    const dir = await folder("links");
    const elsewhere = await folder("elsewhere");
    await writeFile(join(elsewhere, "letter.txt"), WORCESTERSHIRE);
    await symlink(join(elsewhere, "letter.txt"), join(dir, "linked.txt"));
    await symlink(join(elsewhere, "missing.txt"), join(dir, "broken.txt"));
    expect(await readDocuments(dir)).toEqual({
      documents: [{ id: "linked", file: "linked.txt", text: WORCESTERSHIRE, hash: sha256(WORCESTERSHIRE) }],
      skipped: [{ file: "broken.txt", reason: "it is unreadable (ENOENT)" }],
    });
  });

  it("throws an IndexerError that says what to do when the folder does not exist", async () => {
    const missing = join(root, "no-such-folder");
    const error = await readDocuments(missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexerError);
    expect((error as IndexerError).name).toBe("IndexerError");
    expect((error as IndexerError).message).toBe(
      `The documents folder ${missing} does not exist. Put .txt or .md files there, or set VERBATIM_SEEDS to the folder that holds them.`,
    );
  });

  it("throws an IndexerError when the path is a file, not a folder", async () => {
    const dir = await folder("file-not-folder");
    const file = join(dir, "seeds.txt");
    await writeFile(file, "Dear Ms Smith");
    await expect(readDocuments(file)).rejects.toThrow(
      new IndexerError(`The documents folder ${file} is not a folder. Put .txt or .md files there, or set VERBATIM_SEEDS to the folder that holds them.`),
    );
  });
});
