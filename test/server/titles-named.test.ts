import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { temporaryEngine, type TemporaryEngine } from "../helpers/engine.js";
import { ask, type Engine } from "../../server/answer/ask.js";
import { titlesNamed } from "../../server/answer/narrow.js";

// A regulator's assessment and a council's strategy, both about carers and waiting: a reader
// who names one of them by its title asks what that one says.
const ASSESSMENT =
  "Care Quality Commission\n\nRedmarsh County Council: local authority assessment\n\nDate of publication: 9 August 2024\n\n" +
  "This Local Authority Assessment (LAA) looks at how the council meets its duties to carers.\n\n" +
  "Waiting times\n\nAt the time of our assessment, 1,246 people were waiting for a Care Act assessment, and the median wait was 84 days. " +
  "Waiting times for home adaptations were too long. Carers told us that respite breaks were hard to find.\n";
const STRATEGY =
  "Redmarsh County Council\n\nCarers strategy 2022 to 2027\n\nPublished: 14 June 2022\n\nWhat carers told us\n\n" +
  "Carers told us that waiting for a carer's assessment was the hardest part, and that breaks from caring were too few.\n\n" +
  "Breaks\n\nWe will double the number of respite breaks for carers by 2025.\n";

// An inspection whose title says nothing of inspecting: its kind does.
const INSPECTION =
  "Ofsted\n\nRedmarsh children's services\n\nInspection date: 3 May 2023\n\nReport published: 1 June 2023\n\n" +
  "Short breaks\n\nShort breaks for disabled children are well used, and carers value them.\n";

let corpus: TemporaryEngine;
let engine: Engine;
beforeAll(async () => {
  corpus = await temporaryEngine({ "redmarsh-cqc-assessment.txt": ASSESSMENT, "redmarsh-carers-strategy.txt": STRATEGY, "redmarsh-ofsted-inspection.txt": INSPECTION });
  engine = corpus.engine;
});
afterAll(() => corpus?.close());

const documentsCited = async (question: string) => [...new Set((await ask(engine, { question })).citations.map((c) => c.documentId))];

describe("a document named by its title", () => {
  it("is found by two or more of the title's words, in its order, ending in a word for a document, or by one and the word its kind ends in", () => {
    expect(titlesNamed("What does the carers strategy say about breaks?", engine.facts)).toEqual({ titles: new Set(["Carers strategy 2022 to 2027"]), words: ["carer", "strategi"] });
    // Asked about, a document is the subject, and every document that speaks of it is searched.
    expect(titlesNamed("What did the board decide about the carers strategy?", engine.facts)).toBeUndefined();
    // Nor is "the assessment of adoption" the local authority assessment, which says nothing of adoption in its title.
    expect(titlesNamed("When is the local authority assessment of adoption due?", engine.facts)).toBeUndefined();
    expect(titlesNamed("According to the local authority assessment, how long do people wait?", engine.facts)?.titles).toEqual(
      new Set(["Redmarsh County Council: local authority assessment"]),
    );
    // So does its kind, and words that label it may follow: "published in 2023".
    expect(engine.index.documents.map((d) => [d.title, d.kind])).toContainEqual(["Redmarsh children's services", "inspection report"]);
    expect(titlesNamed("What did the inspection report published in 2023 say about breaks?", engine.facts)?.titles).toEqual(new Set(["Redmarsh children's services"]));
    // So does an acronym the documents define for them.
    expect(titlesNamed("What did the LAA say about breaks?", engine.facts)?.titles).toEqual(new Set(["Redmarsh County Council: local authority assessment"]));
    // One word of a title names it with the word its kind ends in: "the carers report" for a report titled "Carers strategy…".
    expect(engine.index.documents.find((d) => d.id === "redmarsh-carers-strategy")?.kind).toBe("report");
    expect(titlesNamed("What does the carers report say about breaks?", engine.facts)?.titles).toEqual(new Set(["Carers strategy 2022 to 2027"]));
    // One word of a title alone names no document; nor does a phrase the question goes on with ("the carers strategy consultation").
    expect(titlesNamed("What does the strategy say about breaks?", engine.facts)).toBeUndefined();
    expect(titlesNamed("What did the carers strategy consultation find?", engine.facts)).toBeUndefined();
    expect(titlesNamed("How long do carers wait for an assessment?", engine.facts)).toBeUndefined();
  });

  it("is the only document searched", async () => {
    expect(await documentsCited("What does the carers strategy say about breaks?")).toEqual(["redmarsh-carers-strategy"]);
    expect(await documentsCited("What did the local authority assessment say about breaks?")).toEqual(["redmarsh-cqc-assessment"]);
    // Named by no title, the question is asked of both.
    expect(await documentsCited("What did the inspection report say about short breaks?")).toEqual(["redmarsh-ofsted-inspection"]);
    expect((await documentsCited("What has been said about respite breaks for carers?")).sort()).toEqual(["redmarsh-carers-strategy", "redmarsh-cqc-assessment"]);
  });

  it("says so when it never mentions what is asked, rather than quote another document", async () => {
    const answer = await ask(engine, { question: "What does the carers strategy say about home adaptations?" });
    expect(answer).toMatchObject({ abstained: true, reason: 'No passage of "Carers strategy 2022 to 2027" mentions home or adaptations.', citations: [] });
  });
});
