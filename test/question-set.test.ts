import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadQuestionSet } from "../eval/question-set.js";
import { UserError } from "../indexer/user-error.js";
import type { Engine } from "../server/answer/ask.js";
import { seedEngine } from "./helpers/engine.js";

let engine: Engine;
let dir: string;
beforeAll(async () => {
  engine = await seedEngine();
  dir = await mkdtemp(join(tmpdir(), "verbatim-question-set-"));
});
afterAll(async () => {
  await engine.embedder.close();
  await rm(dir, { recursive: true, force: true });
});

/** Writes a question set and loads it against the seed index. */
async function load(name: string, content: string) {
  const path = join(dir, name);
  await writeFile(path, content);
  return { path, load: () => loadQuestionSet(path, engine.index, []) };
}

const REPORT = "2017-01-24-ofsted-worcestershire-inspection-report.txt";
const question = (file: string, quote: string) => JSON.stringify([{ id: "x1", question: "What about care leavers?", kind: "fact", expected: [{ file, quote }] }]);

describe("a question set", () => {
  it("locates each expected quote in the indexed document it names", async () => {
    const quote = "Services for care leavers are inadequate";
    const { load: read } = await load("good.json", question(REPORT, quote));
    const [q] = read();
    const doc = engine.index.documents.find((d) => d.file === REPORT)!;
    expect(q.spans).toEqual([{ documentId: doc.id, start: doc.text.indexOf(quote), end: doc.text.indexOf(quote) + quote.length }]);
  });

  it("is refused with a message naming the file and the problem, never a stack", async () => {
    const broken = await load("broken.json", "[{ not json");
    expect(broken.load).toThrow(UserError);
    expect(broken.load).toThrow(`Cannot read the question set ${broken.path}: `);
    const unknown = await load("unknown.json", question("no-such-document.txt", "anything"));
    expect(unknown.load).toThrow(new UserError(`${unknown.path}: no indexed document matches "no-such-document.txt".`));
    const misquoted = await load("misquoted.json", question(REPORT, "Care leavers are thriving"));
    expect(misquoted.load).toThrow(new UserError(`${misquoted.path} x1: the quote "Care leavers are thriving…" is not in ${REPORT}.`));
  });
});
