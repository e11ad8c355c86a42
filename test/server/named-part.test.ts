import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { temporaryEngine, type TemporaryEngine } from "../helpers/engine.js";
import { ask, type Engine } from "../../server/answer/ask.js";
import { partsAsked } from "../../server/answer/narrow.js";

// Invented long council papers with labelled parts: a local plan's policies, an annual report's priorities.
const FIXTURES = fileURLToPath(new URL("../fixtures/headings", import.meta.url));
const H6 = ["5. Meeting Housing Needs", "Policy H6: Houses in multiple occupation"];

let corpus: TemporaryEngine;
let engine: Engine;
beforeAll(async () => {
  corpus = await temporaryEngine(FIXTURES);
  engine = corpus.engine;
});
afterAll(() => corpus?.close());

describe("a labelled part the question names", () => {
  it("is read from under its own heading, though its sentences never repeat the label", async () => {
    const answer = await ask(engine, { question: "What does Policy H6 say?" });
    expect(answer.abstained).toBe(false);
    expect(answer.citations.map((c) => c.section)).toEqual(answer.citations.map(() => H6));
    expect(answer.citations[0].quote).toMatch(/^Planning permission for the change of use of a home to a house in multiple occupation/);
  });

  it("that no document has is said to be missing, not answered from whatever else shares its words", async () => {
    expect(await ask(engine, { question: "What does Policy Z9 say?" })).toMatchObject({ abstained: true, reason: "No document searched has a Policy Z9.", citations: [] });
  });

  it("is read from the question only with a number, or a capital letter on its own", () => {
    expect(partsAsked("What does Policy H6 say, and Recommendation 3?").map((p) => p.label)).toEqual(["policy h6", "recommendation 3"]);
    expect(partsAsked("What is in Appendix A?").map((p) => p.label)).toEqual(["appendix a"]);
    expect(partsAsked("Is finding a way to house families hard? Which action plan?")).toEqual([]);
  });
});
