import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { temporaryEngine, type TemporaryEngine } from "../helpers/engine.js";
import { ask, type Engine } from "../../server/answer/ask.js";
import { loadEngine, StartupError } from "../../server/load-engine.js";

// Any council's papers: meeting notes carry no date and no letterhead.
const NOTES = "# Panel notes\n\nThe panel discussed caseloads. Social workers carry caseloads of over 30 children.\n\nThe panel asked for a report on adoption.\n";

let corpus: TemporaryEngine;
let engine: Engine;
beforeAll(async () => {
  corpus = await temporaryEngine({ "notes.md": NOTES });
  engine = corpus.engine;
});
afterAll(() => corpus?.close());

describe("documents that give no date", () => {
  it("answer under their own title, marked undated", async () => {
    const answer = await ask(engine, { question: "What did the panel say about caseloads?" });
    expect(answer.answer.split("\n").slice(0, 4)).toEqual(["Found in 1 document.", "", "### Panel notes", "Unknown publisher, undated"]);
  });

  it("say plainly that a year or a date range is not theirs, with no 'null' or 'undated to undated'", async () => {
    expect((await ask(engine, { question: "What happened to caseloads in 2019?" })).reason).toBe("No document mentions 2019.");
    expect((await ask(engine, { question: "caseloads", filters: { from: "2019-01-01" } })).reason).toBe("No document is dated on or after 1 January 2019: none of them gives a date.");
  });
});

describe("a synonym list of one's own (VERBATIM_SYNONYMS)", () => {
  it("that cannot be read stops start-up with a message that says how to fix it", async () => {
    const missing = join(corpus.dir, "my-synonyms.json");
    const error = await loadEngine(join(corpus.dir, "data", "index"), { kind: "use-lite" }, missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toBe(
      `Cannot read the synonym list ${missing}: ENOENT: no such file or directory, open '${missing}'. Correct the file VERBATIM_SYNONYMS names, or unset VERBATIM_SYNONYMS to use the bundled list.`,
    );
  });
});
