import { describe, expect, it } from "vitest";
import { fileChanges } from "../indexer/build-index.js";
import { formatChanges, formatProgress, formatSummary } from "../indexer/progress.js";

describe("what the indexer prints", () => {
  it("counts one of a thing in the singular", () => {
    const result = { upToDate: false, documents: 1, passages: 1, sentences: 3, embedded: 1, reused: 2, skipped: [], changes: { added: [], removed: [], renamed: [] }, seconds: 0.34, bytes: 19_660 };
    expect(formatSummary(result)).toBe("Indexed 1 document: 1 passage, 3 sentences (1 text embedded, 2 reused) in 0.3 s. Index size 19.2 KB.");
    expect(formatSummary({ ...result, documents: 5, passages: 370, sentences: 1149, embedded: 1135, reused: 0, bytes: 8_047_417 })).toBe(
      "Indexed 5 documents: 370 passages, 1149 sentences (1135 texts embedded, 0 reused) in 0.3 s. Index size 7.7 MB.",
    );
    expect(formatProgress({ done: 8, total: 16, rate: 40, secondsLeft: 0.2, documents: 1, passages: 1 })).toBe(
      "[##########..........] 8/16 texts embedded · 1 document, 1 passage · 40/s · 1 s left",
    );
  });

  it("says which files a re-index renamed, removed and added, since their citation links change", () => {
    const before = [
      { file: "letter.txt", hash: "a" },
      { file: "old-name.txt", hash: "b" },
      { file: "withdrawn.txt", hash: "c" },
    ];
    const now = [
      { file: "letter.txt", hash: "a2" },
      { file: "new-name.txt", hash: "b" },
      { file: "minutes.md", hash: "d" },
    ];
    const changes = fileChanges(before, now);
    expect(changes).toEqual({ added: ["minutes.md"], removed: ["withdrawn.txt"], renamed: [{ from: "old-name.txt", to: "new-name.txt" }] });
    expect(formatChanges(changes)).toEqual([
      "Renamed old-name.txt to new-name.txt: its document id changed, so links to its old passages no longer open.",
      "Removed withdrawn.txt: it is no longer in the documents folder, so links to its passages no longer open.",
      "Added minutes.md.",
    ]);
    expect(formatChanges(fileChanges(now, now))).toEqual([]);
  });
});
