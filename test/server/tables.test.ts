import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { temporaryEngine, withTemporaryEngine, type TemporaryEngine } from "../helpers/engine.js";
import { ask, type Engine } from "../../server/answer/ask.js";

// Minutes with an action log whose header row names the owner column, a judgement table with
// no header row, and a glossary of words under words.
const MINUTES =
  "Lanthorne Council\n\nHealth and Wellbeing Board minutes\n\nPublished: 16 November 2023\n\n" +
  "Winter planning\n\nThe Board was told that flu vaccination among care home staff was 58% at the end of October.\n\n" +
  "Actions arising from the meeting\n\n" +
  "Action\tMinute\tOwner\tDue\n" +
  "Circulate the Healthy Weight Declaration to all partners\t35/23\tImogen Battersby\tDecember 2023\n" +
  "Report on flu vaccination uptake among care home staff\t39/23\tAlistair Tremayne\t18 January 2024\n" +
  "Publish the draft pharmaceutical needs assessment\t38/23\tSaoirse Quilty\t4 December 2023\n\n" +
  "Judgements at the last inspection\n\n" +
  "Children who need help and protection\tInadequate\n" +
  "Children in care\tRequires improvement\n" +
  "Leadership and management\tInadequate\n\n" +
  "Glossary\n\n" +
  "ASYE\tAssessed and supported year in employment\n" +
  "WSOA\tWritten statement of action\n" +
  "PNA\tPharmaceutical needs assessment\n";

let corpus: TemporaryEngine;
let engine: Engine;
beforeAll(async () => {
  corpus = await temporaryEngine({ "2023-11-16-lanthorne-board-minutes.txt": MINUTES });
  engine = corpus.engine;
});
afterAll(() => corpus?.close());

const rowOf = (text: string) => engine.index.sentences.find((s) => s.searchText.startsWith(text))!.row;

describe("a table's header row", () => {
  it("is a table's first row of labels over figures or one-word labels, not the first row of the data or a glossary's first term", () => {
    expect(engine.facts.tableHeaders.has(rowOf("Action Minute Owner Due"))).toBe(true);
    expect(engine.facts.tableHeaders.has(rowOf("Children who need help and protection"))).toBe(false);
    expect(engine.facts.tableHeaders.has(rowOf("ASYE"))).toBe(false);
    expect(engine.facts.tableHeaders.size).toBe(1);
  });

  it("is read with every row below it, and a glossary's first term with none", () => {
    const owner = rowOf("Report on flu vaccination");
    expect(["owner", "due", "minut"].map((t) => engine.facts.readTerms[owner].has(t))).toEqual([true, true, true]);
    expect(["asy", "employ"].map((t) => engine.facts.readTerms[rowOf("WSOA")].has(t))).toEqual([false, false]);
  });

  it("is quoted above the row that answers who owns an action, or who is responsible for it, the row leading", async () => {
    const owns = await ask(engine, { question: "Who owns the action on flu vaccination?" });
    expect(owns.citations.slice(0, 2).map((c) => c.quote)).toEqual([
      "Action\tMinute\tOwner\tDue",
      "Report on flu vaccination uptake among care home staff\t39/23\tAlistair Tremayne\t18 January 2024",
    ]);
    // The glossary under another heading is no part of the action log, and no header heads it.
    const responsible = await ask(engine, { question: "Who is responsible for the pharmaceutical needs assessment?" });
    expect(responsible.citations.slice(0, 2).map((c) => c.quote)).toEqual([
      "Action\tMinute\tOwner\tDue",
      "Publish the draft pharmaceutical needs assessment\t38/23\tSaoirse Quilty\t4 December 2023",
    ]);
    expect(responsible.citations.find((c) => c.quote.startsWith("PNA"))?.n).toBe(7);
  });

  it("is never quoted without a row of its table after it", async () => {
    for (const question of ["What actions were agreed and who owns them?", "When is each action due?", "Who is responsible for the pharmaceutical needs assessment?"]) {
      const quotes = (await ask(engine, { question })).citations.map((c) => c.quote);
      const at = quotes.indexOf("Action\tMinute\tOwner\tDue");
      expect(at, question).toBeGreaterThanOrEqual(0);
      expect(quotes[at + 1], question).toMatch(/\t\d+\/23\t/);
    }
  });
});

describe("a table's caption", () => {
  it("is quoted above the header row, which says what each column is of: the units a row's figures are in", async () => {
    await withTemporaryEngine(
      {
        "wexcombe-youth-justice-plan.txt":
          "Wexcombe Youth Justice Partnership\n\nYouth Justice Plan 2024–25\n\nPerformance\n\nFirst-time entrants are children who receive their first youth caution or conviction.\n\n" +
          "Table 2: First-time entrants, rate per 100,000 children aged 10 to 17\n" +
          "Year\t2021\t2022\t2023\nWexcombe\t203\t189\t171\nEngland\t149\t153\t154\n",
      },
      async (engine) => {
        const answer = await ask(engine, { question: "What is the first-time entrant rate in Wexcombe?" });
        expect(answer.citations.slice(0, 3).map((c) => c.quote)).toEqual([
          "Table 2: First-time entrants, rate per 100,000 children aged 10 to 17",
          "Year\t2021\t2022\t2023",
          "Wexcombe\t203\t189\t171",
        ]);
      },
    );
  });
});
