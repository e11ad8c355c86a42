import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ask, type Engine } from "../server/answer/ask.js";
import { temporaryEngine, type TemporaryEngine } from "./helpers/engine.js";

// Six papers of two invented councils, in the shapes councils publish: a CQC report and letter,
// a cabinet report with a cover sheet and decimal paragraphs, minutes, an ombudsman's letter,
// and Markdown with front matter. Nothing in Verbatim may be tuned to the Ofsted seeds.
const FIXTURES = fileURLToPath(new URL("./fixtures/other-councils", import.meta.url));

let corpus: TemporaryEngine;
let engine: Engine;
beforeAll(async () => {
  corpus = await temporaryEngine(FIXTURES);
  engine = corpus.engine;
});
afterAll(() => corpus?.close());

describe("another council's documents", () => {
  it("are each given the title, publisher, place, kind and date they state", () => {
    const meta = engine.index.documents.map(({ id, title, publisher, place, kind, date }) => ({ id, title, publisher, place, kind, date }));
    expect(meta).toEqual([
      {
        id: "2021-03-12-cqc-northshire-adult-social-care-inspection",
        title: "Adult social care: local authority inspection report",
        publisher: "Care Quality Commission",
        place: "Northshire",
        kind: "inspection report",
        date: "2021-03-12",
      },
      {
        id: "2021-09-14-cqc-letter-northshire-follow-up",
        title: "Follow-up review of adult social care in Northshire: assessment waiting times and safeguarding",
        publisher: "Care Quality Commission",
        place: "Northshire",
        kind: "letter",
        date: "2021-09-14",
      },
      {
        id: "2022-05-04-northshire-cabinet-adult-social-care-outturn",
        title: "Adult Social Care Budget Outturn 2021/22 and Assessment Waiting List Recovery",
        publisher: "Northshire County Council",
        place: "Northshire",
        kind: "report",
        date: "2022-05-04",
      },
      {
        id: "2022-07-12-northshire-scrutiny-committee-minutes",
        title: "MINUTES of a meeting of the Adult Social Care and Health Overview and Scrutiny Committee held at County Hall, Northby on Tuesday 12 July 2022 at 10.00 am",
        publisher: "Northshire County Council",
        place: "Northshire",
        kind: "minutes",
        date: "2022-07-12",
      },
      {
        id: "2022-07-20-ombudsman-eastbridge-annual-review-letter",
        title: "Annual Review letter 2022",
        publisher: "Local Government and Social Care Ombudsman",
        place: "Eastbridge",
        kind: "letter",
        date: "2022-07-20",
      },
      {
        id: "2023-02-20-northshire-asc-improvement-plan-progress",
        title: "Adult Social Care Improvement Plan: Progress Report",
        publisher: "Northshire County Council",
        place: "Northshire",
        kind: "progress report",
        date: "2023-02-20",
      },
    ]);
  });

  it("answer from the right lines, each quote exact, and abstain on a place none mentions", async () => {
    const chair = await ask(engine, { question: "Who chaired the Northshire scrutiny committee?" });
    expect(chair.citations[0]).toMatchObject({ quote: "Cllr A Smith (Chair)", documentId: "2022-07-12-northshire-scrutiny-committee-minutes" });

    const agree = await ask(engine, { question: "What is Cabinet being asked to agree?" });
    expect(agree.citations.slice(0, 2).map((c) => [c.quote, c.paragraph])).toEqual([
      ["Cabinet is asked to:", "5.1"],
      ["(a) note the adult social care outturn overspend of £6.8 million for 2021/22;", "5.1"],
    ]);

    const overspend = await ask(engine, { question: "What was the overspend in 2021/22?" });
    expect(overspend.citations.map((c) => c.quote)).toContain("The adult social care budget overspent by £6.8 million in 2021/22 against a net budget of £212.4 million.");

    for (const answer of [chair, agree, overspend]) {
      for (const c of answer.citations) expect(c.quote).toBe(engine.index.documentById.get(c.documentId)!.text.slice(c.start, c.end));
    }
    expect(await ask(engine, { question: "What did the CQC find in Westshire?" })).toMatchObject({ abstained: true, reason: "No document mentions Westshire.", citations: [] });
  });

  it("know a councillor the minutes write 'Cllr' when the question says 'Councillor'", async () => {
    const asked = await ask(engine, { question: "What did Councillor Okafor ask?" });
    expect(asked.abstained).toBe(false);
    expect(asked.citations[0].quote).toBe("Cllr Okafor asked how many social workers had left the council in the last year.");
  });
});
