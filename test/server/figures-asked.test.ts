import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { temporaryEngine, withTemporaryEngine, type TemporaryEngine } from "../helpers/engine.js";
import { ask, type Engine } from "../../server/answer/ask.js";

// An inspection whose paragraphs hold several counts of children, and a cabinet's minutes that
// give a sum of money beside a count: the figure that answers is not always the best-scoring one.
const INSPECTION =
  "Ofsted\n\nInspection of Calderbrook children's social care services\n\nReport published: 27 March 2019\n\n" +
  "The experiences and progress of children in care and care leavers: good\n\n" +
  "15. At the end of December 2018, 412 children were in the care of the local authority, a rate of 63 per 10,000 children, which is lower than the rate for statistical neighbours (81 per 10,000). Decisions for children to come into care are timely and appropriate.\n\n" +
  "16. Most children in care live in stable placements. However, there are not enough local foster carers, and 63 children live more than 20 miles from Calderbrook. The local authority recruited 28 new fostering households in 2018 against a target of 40.\n\n" +
  "17. Permanence is considered early. In 2017/18, 37 children were adopted, and the average time between a child entering care and moving in with an adoptive family was 412 days.\n\n" +
  "18. In January 2019 the local authority maintained 1,506 education, health and care (EHC) plans.\n";
const MINUTES =
  "Calderbrook Metropolitan Borough Council\n\nMinutes of a meeting of the Cabinet held on 16 November 2021\n\n" +
  "48. Children's services improvement plan\n\n" +
  "The proportion of agency social workers had risen to 22% during the pandemic. " +
  "The social worker recruitment campaign brought in 14 social workers in its first six months. " +
  "Members noted that the campaign had cost £85,000.\n";

let corpus: TemporaryEngine;
let engine: Engine;
beforeAll(async () => {
  corpus = await temporaryEngine({ "calderbrook-inspection.txt": INSPECTION, "calderbrook-cabinet-minutes.txt": MINUTES });
  engine = corpus.engine;
});
afterAll(() => corpus?.close());

describe("a question after a figure", () => {
  it("leads with the figure that holds the whole subject, not a better-scoring one holding part of it", async () => {
    // "63 children live more than 20 miles from Calderbrook" counts children, but not children in care.
    const answer = await ask(engine, { question: "How many children were in care in Calderbrook in 2018?" });
    expect(answer.citations[0].quote).toBe(
      "At the end of December 2018, 412 children were in the care of the local authority, a rate of 63 per 10,000 children, which is lower than the rate for statistical neighbours (81 per 10,000).",
    );
  });

  it("knows an everyday name for what the documents call otherwise: 'EHCPs' for EHC plans", async () => {
    const answer = await ask(engine, { question: "How many EHCPs did Calderbrook maintain in 2019?" });
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0].quote).toBe("In January 2019 the local authority maintained 1,506 education, health and care (EHC) plans.");
  });

  it("after a sum of money ('how much did it cost?'), leads with a sum, not a count", async () => {
    const answer = await ask(engine, { question: "How much did the social worker recruitment campaign cost?" });
    expect(answer.citations[0].quote).toBe("Members noted that the campaign had cost £85,000.");
  });

  it("for a year of account, is quoted from a passage that names it, or said to be missing, never another year's", async () => {
    const adopted = await ask(engine, { question: "How many children were adopted in 2017/18?" });
    expect(adopted.citations[0].quote).toBe("In 2017/18, 37 children were adopted, and the average time between a child entering care and moving in with an adoptive family was 412 days.");
    expect(adopted.citations.every((c) => c.paragraph === "17")).toBe(true);
    expect(await ask(engine, { question: "How many children were adopted in 2019/20?" })).toMatchObject({
      abstained: true,
      reason: "None of the passages closest to the question mentions 2019/20.",
      citations: [],
    });
  });

  it("after a date, leads with the line that labels the date by what the question asks of, not a signature's date", async () => {
    // An invented Regulation 44 visit report, whose signature names the regulation and dates the report.
    await withTemporaryEngine(fileURLToPath(new URL("../fixtures/regulation-44", import.meta.url)), async (engine) => {
      const answer = await ask(engine, { question: "When did the Regulation 44 visit take place?" });
      expect(answer.citations[0].quote).toBe("Date of visit:\t14 March 2024");
    });
  });

  it("after a date, leads with the line whose label names the event by a word that labels documents too: 'Inspection dates:' for 'when was the school inspected?'", async () => {
    const report =
      "Inspection of Marshfield Community School\n\nOfsted\n\nInspection dates: 6 and 7 February 2024\n\nOverall effectiveness: Requires improvement\n\n" +
      "What is it like to attend this school?\n\nPupils at Marshfield Community School are generally happy and most say they feel safe at school. " +
      "The school has high ambitions for pupils, but these are not yet realised in all subjects. Too many pupils are persistently absent from school.\n\n" +
      "What does the school need to do to improve?\n\nThe school should make sure that its curriculum is taught consistently well in every subject.\n\n" +
      "Information about this inspection\n\nThis inspection was carried out under section 5 of the Education Act 2005. Inspectors met the headteacher and visited lessons across the school.\n";
    await withTemporaryEngine({ "2024-02-08-marshfield-school.txt": report }, async (engine) => {
      const answer = await ask(engine, { question: "When was the school inspected?" });
      expect([answer.reason, answer.citations[0]?.quote]).toEqual([undefined, "Inspection dates: 6 and 7 February 2024"]);
    });
  });
});
