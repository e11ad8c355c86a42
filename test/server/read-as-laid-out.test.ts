import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { temporaryEngine, type TemporaryEngine } from "../helpers/engine.js";
import { ask, type Engine } from "../../server/answer/ask.js";
import { parseDocument } from "../../indexer/parse/parse-document.js";

// Invented papers in shapes the seeds do not have; one sets a table out with "|" under a caption.
const FIXTURES = fileURLToPath(new URL("../fixtures/structure", import.meta.url));
const HOUSING = "2024-03-07-ashcombe-housing-committee-temporary-accommodation.txt";

let corpus: TemporaryEngine;
let engine: Engine;
beforeAll(async () => {
  corpus = await temporaryEngine(FIXTURES);
  engine = corpus.engine;
});
afterAll(() => corpus?.close());

describe("a table's rows", () => {
  it("are marked as rows, the header row among them, and the caption above them is not", () => {
    const text = readFileSync(join(FIXTURES, HOUSING), "utf8");
    const table = parseDocument("t", text).passages.find((p) => p.paragraph === "4.2")!;
    expect(table.sentences.map((s) => [text.slice(s.start, s.start + 22), s.tableRow])).toEqual([
      ["The number of househol", false],
      ["Table 1: Households in", false],
      ["Type of accommodation ", true],
      ["Council-owned hostel  ", true],
      ["Private sector leased ", true],
      ["Bed and breakfast     ", true],
      ["Nightly-paid self-cont", true],
      ["Total                 ", true],
    ]);
  });

  it("are read with their caption and header, so a row that names neither still answers, and is quoted under its header row", async () => {
    const answer = await ask(engine, { question: "How many households are in temporary accommodation?" });
    const rows = answer.citations.filter((c) => c.quote.includes("|")).map((c) => c.quote.split("|")[0].trim());
    // The total answers "how many" when the question names no row: it leads, under its header.
    expect(rows).toEqual(["Type of accommodation", "Total", "Council-owned hostel", "Private sector leased homes"]);
  });

  it("are all read, in order, when the question names the table by its number", async () => {
    const answer = await ask(engine, { question: "What does Table 1 show?" });
    expect(answer.citations.map((c) => c.quote.split("|")[0].trim())).toEqual([
      "The number of households in temporary accommodation at the end of each quarter is shown below.",
      "Table 1: Households in temporary accommodation at quarter end",
      "Type of accommodation",
      "Council-owned hostel",
      "Private sector leased homes",
      "Bed and breakfast",
      "Nightly-paid self-contained",
      "Total",
    ]);
  });
});

describe("a table too long for one passage", () => {
  // Eighteen indicators: the table runs on into a second passage, which has no header row of its own.
  const names = ["Businesses supported", "Apprenticeships created", "Shop vacancy rate", "Bins collected on time", "Waste recycled", "Missed collections", "Carbon emissions", "Homes completed", "Affordable homes completed", "Households in temporary accommodation", "Homelessness prevented", "Grants completed", "Calls answered within 60 seconds", "New benefit claims: days to process", "FOI requests answered in time", "Sickness absence days", "Invoices paid in 30 days", "Complaints answered in time"];
  const rows = names.map((name, k) => `| KPI ${String(k + 1).padStart(2, "0")} | ${name} | ${100 + k} | ${110 + k} | ${105 + k} | ${k % 3 === 0 ? "R" : "G"} |`);
  const REPORT = `Kelby Borough Council\n\nAnnual performance report 2022/23\n\nPublished: 3 July 2023\n\nPerformance indicators\n\nTable 5: Key performance indicators\n\n| Ref | Indicator | 2021/22 | 2022/23 | Target | Status |\n${rows.join("\n")}\n`;
  let kelby: TemporaryEngine;
  beforeAll(async () => {
    kelby = await temporaryEngine({ "kelby-performance.txt": REPORT });
  });
  afterAll(() => kelby?.close());

  it("quotes a row under its table's header row, from the passage before, and the row labelled as asked first", async () => {
    const passages = kelby.engine.index.passages.filter((p) => p.searchText.includes("| KPI"));
    expect(passages.length).toBeGreaterThan(1);
    const answer = await ask(kelby.engine, { question: "What was the status of KPI 14?" });
    expect(answer.citations.slice(0, 2).map((c) => c.quote)).toEqual(["| Ref | Indicator | 2021/22 | 2022/23 | Target | Status |", "| KPI 14 | New benefit claims: days to process | 113 | 123 | 118 | G |"]);
  });
});

describe("items under a one-word heading", () => {
  it("are read as what the heading names, though none repeats its word", async () => {
    const answer = await ask(engine, { question: "What were the recommendations in the Estyn report?" });
    const items = answer.citations.filter((c) => c.section[c.section.length - 1] === "Recommendations").map((c) => c.quote.slice(0, 2));
    // One passage gives three quotes at most: the three best of its four items.
    expect(items).toEqual(["R2", "R3", "R4"]);
  });
});
