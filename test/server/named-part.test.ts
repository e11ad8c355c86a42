import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { temporaryEngine, withTemporaryEngine, type TemporaryEngine } from "../helpers/engine.js";
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
    // A kind may come with its qualifier, and a document's section is numbered with a point or said to be the document's.
    expect(partsAsked("What do key recommendation 3, matter of concern 2, lesson 5 and mitigation M4 say?").map((p) => p.label)).toEqual([
      "key recommendation 3",
      "matter of concern 2",
      "lesson 5",
      "mitigation m4",
    ]);
    expect(partsAsked("What does section 3.2 say, and section 7 of the section 114 report?").map((p) => p.label)).toEqual(["section 3.2", "section 7"]);
    // An Act's section is not the document's.
    expect(partsAsked("How many section 47 enquiries were there, under section 17 of the Children Act 1989?")).toEqual([]);
  });

  it("is a list's numbered item under a heading of its kind, or a bold Markdown heading, in the document the question names", async () => {
    await withTemporaryEngine({
      "2023-06-20-probation-aldermoss.txt":
        "An inspection of youth justice services in Aldermoss\n\nHM Inspectorate of Probation\n\nRecommendations\n\nThe Youth Justice Service should:\n\n" +
        "1. make sure that all case managers complete training in risk of harm\n2. monitor the disproportionate number of Black children entering the youth justice system\n\n" +
        "Background\n\nThe service supervised 86 children in 2022.\n",
      "2022-09-14-child-r-review.txt":
        "Child Safeguarding Practice Review: Child R\n\nRecommendations\n\nRecommendation 1\n\nThe partnership should audit referrals for children in temporary housing.\n\n" +
        "Recommendation 2\n\nThe council should report to the partnership on housing placements.\n",
      "2023-11-02-peer-challenge.md":
        "# Corporate Peer Challenge: Stowick City Council\n\n## 2. Key recommendations\n\n**2.1 Recommendation 1: Close the budget gap**\n\nAgree a plan to close the budget gap.\n\n" +
        "**2.2 Recommendation 2: Temporary accommodation**\n\nDevelop a temporary accommodation strategy to reduce the use of bed and breakfast.\n",
    }, async (engine) => {
      const quotes = async (question: string) => (await ask(engine, { question })).citations.map((c) => [c.documentTitle, c.quote]);
      expect(await quotes("What was recommendation 2 in the youth justice report?")).toEqual([
        ["An inspection of youth justice services in Aldermoss", "monitor the disproportionate number of Black children entering the youth justice system"],
      ]);
      expect(await quotes("What was recommendation 2 of the peer challenge?")).toEqual([
        ["Corporate Peer Challenge: Stowick City Council", "Develop a temporary accommodation strategy to reduce the use of bed and breakfast."],
      ]);
    });
  });

  it("as a numbered paragraph, is read without the table rows that share its passage", async () => {
    await withTemporaryEngine({
      "2024-02-13-kelby-budget.txt":
        "Kelby District Council\n\nBudget report 2024/25\n\n8. COUNCIL TAX\n\n8.2 The council tax for each band is shown in Table 6, which gives every band's charge for the year.\n\n" +
        "Table 6: Council tax by band\n\nBand\tRatio\t2024/25 £\nD\t9/9\t2,011.36\nE\t11/9\t2,458.33\nF\t13/9\t2,905.30\nG\t15/9\t3,352.27\nH\t18/9\t4,022.72\n\n8.3 Most homes in Kelby are in Bands A and B.\n",
    }, async (engine) => {
      const answer = await ask(engine, { question: "What does paragraph 8.3 say?" });
      expect(answer.citations.map((c) => [c.paragraph, c.quote])).toEqual([["8.3", "Most homes in Kelby are in Bands A and B."]]);
    });
  });

  it("is the row its number opens in a table of its kind, though the table began in a passage before", async () => {
    const rows = Array.from({ length: 14 }, (_, k) => `${Math.floor(k / 4) + 1}.${(k % 4) + 1}\tImprove service ${k + 1} for children and families across the county\tHead of Service ${k + 1}\t31 March 2024\t${k % 3 === 0 ? "Red" : "Amber"}\tWork is under way and progress is reported monthly to the board.`);
    await withTemporaryEngine({
      "2024-02-06-harrowmere-improvement-plan.txt":
        "Harrowmere County Council\n\nImprovement plan progress report\n\nProgress against the plan\n\nTable 1: Improvement plan actions and progress\n\n" +
        `Ref\tAction\tOwner\tDue date\tRAG status\tProgress update\n${rows.join("\n")}\n\nPerformance\n\n2.4 per cent of referrals were repeat referrals.\n`,
    }, async (engine) => {
      const answer = await ask(engine, { question: "What is the RAG status of action 3.2?" });
      expect(answer.citations.slice(0, 2).map((c) => c.quote.split("\t")[0])).toEqual(["Ref", "3.2"]);
      expect(answer.citations[1].quote).toContain("Head of Service 10");
      expect(await ask(engine, { question: "What is the RAG status of action 9.9?" })).toMatchObject({ abstained: true, reason: "No document searched has an action 9.9.", citations: [] });
    });
  });

  it("is a planning condition, an allegation or a call-in's reason, and a table's row numbered with its kind's initial ('R6' for recommendation 6)", async () => {
    await withTemporaryEngine({
      "2023-03-14-planning-mill-lane.txt":
        "Hollowmere District Council\n\nPlanning Committee report: Land North of Mill Lane\n\nCONDITIONS\n\n" +
        "1. The development shall be begun within three years.\n2. No dwelling shall be occupied until the access is built.\n3. The play area shall be completed before the 50th dwelling.\n",
      "2022-03-14-standards-decision.txt":
        "Saltmarsh Borough Council\n\nStandards Sub-Committee decision notice\n\nThe allegations\n\nAllegation 1: That Councillor Pemberton insulted a resident at the meeting.\n\n" +
        "Allegation 2: That Councillor Pemberton failed to declare an interest.\n",
      "2021-06-28-flood-investigation.md":
        "# Flood investigation report: Little Ashby\n\n## Recommendations\n\n| No. | Recommendation | Responsible authority |\n| --- | --- | --- |\n" +
        "| R1 | Inspect the culvert screen monthly. | Highways |\n| R2 | Replace the culvert inlet screen. | Highways |\n| R3 | Clean the gullies twice a year. | Highways |\n",
    }, async (engine) => {
      const lead = async (question: string) => (await ask(engine, { question })).citations.map((c) => c.quote).find((q) => !q.startsWith("| No."));
      expect(await lead("What does condition 2 say?")).toBe("No dwelling shall be occupied until the access is built.");
      // The allegations share a passage, read whole: both come, from the notice alone.
      expect((await ask(engine, { question: "What was allegation 2?" })).citations.map((c) => c.quote)).toEqual([
        "Allegation 1: That Councillor Pemberton insulted a resident at the meeting.",
        "Allegation 2: That Councillor Pemberton failed to declare an interest.",
      ]);
      expect(await lead("What is recommendation 2 of the flood report?")).toBe("| R2 | Replace the culvert inlet screen. | Highways |");
    });
  });
});

describe("a section the question names by its heading's words", () => {
  it("answers from under that heading, though its sentences never repeat the heading, and a section label is no subject", async () => {
    await withTemporaryEngine(fileURLToPath(new URL("../fixtures/regulation-44", import.meta.url)), async (engine) => {
      const under = async (question: string, heading: string) =>
        (await ask(engine, { question })).citations.filter((c) => c.section?.at(-1) === heading).map((c) => c.quote);
      // "Section 7: Recommendations" heads what the visitor recommends, as "Recommendations" would.
      expect(await under("What did the visitor recommend?", "Section 7: Recommendations")).toHaveLength(6);
      expect((await under("What was the registered manager's response?", "Section 8: Registered manager's response")).sort()).toEqual([
        "Child C's risk assessment was updated on 15 March 2024.",
        "I have written to Child C about her complaint and we will hold a house meeting about the phone rule on 28 March 2024.",
        "The garden fence was repaired on 18 March 2024; the extractor fan is awaiting a part.",
        "We have two interviews for residential support workers on 4 April 2024.",
      ]);
    });
  });
});

describe("a labelled part of a kind the question qualifies or numbers as a section", () => {
  const REVIEW =
    "Kestonbury Safer Partnership\n\nPolice inspection report\n\nResponding to the public\n\nMain findings\n\nCause of concern 1\n\n" +
    "The force isn't answering emergency calls quickly enough.\n\nRecommendations\n\nWithin three months, the force should:\n\n• make sure it answers 999 calls within 10 seconds.\n\n" +
    "Protecting vulnerable people\n\nMain findings\n\nCause of concern 2\n\nThe force doesn't respond well enough to missing children.\n\nRecommendations\n\n" +
    "Within six months, the force should make sure that every report of a missing child is risk-assessed by a trained officer.\n\n" +
    "SECTION 5: MITIGATING ACTIONS\n\n| No. | Action | Lead |\n| M3 | Offer the lunch club a free room. | Community Development Manager |\n| M4 | Guarantee every carer an equivalent amount of respite. | Carers Lead |\n\n" +
    "SECTION 6: PUBLIC HEALTH\n\n6.1 Smoking\n\n6.1.1 The stop smoking service supported 1,412 people.\n\n6.1.2 Of these, 54% had quit at four weeks.\n\n6.2 Obesity\n\n6.2.1 One child in five is obese.\n";

  it("runs on into the short heading after it, is found in a table under a heading naming its kind, and as a section is read with its sub-paragraphs", async () => {
    await withTemporaryEngine({ "2022-09-14-kestonbury-review.txt": REVIEW }, async (engine) => {
      const quotes = async (question: string) => (await ask(engine, { question })).citations.map((c) => c.quote);
      expect(await quotes("What does cause of concern 2 recommend?")).toContain("Within six months, the force should make sure that every report of a missing child is risk-assessed by a trained officer.");
      expect(await quotes("What does cause of concern 2 recommend?")).not.toContain("make sure it answers 999 calls within 10 seconds.");
      expect((await quotes("What is mitigation M4?")).slice(0, 2)).toEqual(["| No. | Action | Lead |", "| M4 | Guarantee every carer an equivalent amount of respite. | Carers Lead |"]);
      const section = await quotes("What does section 6.1 say?");
      expect(section.slice(-2)).toEqual(["The stop smoking service supported 1,412 people.", "Of these, 54% had quit at four weeks."]);
      expect(section).not.toContain("One child in five is obese.");
    });
  });
});
