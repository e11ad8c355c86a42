import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { temporaryEngine, type TemporaryEngine } from "../helpers/engine.js";
import { ask, retrieve, type Engine } from "../../server/answer/ask.js";

// Invented papers of a two-tier area: a county's needs assessment names its districts, and a
// district publishes a plan of its own, so "Lowmoor" is both a document's place and a county table's row.
const COUNTY =
  "Brackenfield County Council\n\nJoint Strategic Needs Assessment: Adult lifestyles\n\nPublished: 14 June 2021\n\nSmoking\n\n" +
  "Smoking prevalence in Brackenfield is 15.2%. In Lowmoor the smoking rate is 19.6%, the highest of the districts.\n\n" +
  "Alcohol\n\nAlcohol admissions in Brackenfield are below the England average.\n";
const DISTRICT =
  "Lowmoor District Council\n\nLocal Plan: Housing\n\nPublished: 2 March 2020\n\nHomes\n\n" +
  "The plan provides 4,200 homes in Lowmoor by 2036. In 2018, 11.2% of Lowmoor residents had no qualifications.\n";
const SMOKING = "In Lowmoor the smoking rate is 19.6%, the highest of the districts.";

let corpus: TemporaryEngine;
let engine: Engine;
beforeAll(async () => {
  corpus = await temporaryEngine({ "brackenfield-jsna.txt": COUNTY, "lowmoor-local-plan.txt": DISTRICT });
  engine = corpus.engine;
});
afterAll(() => corpus?.close());

describe("a place the question names", () => {
  it("is searched in its own documents and in any other passage that names it", async () => {
    expect(engine.index.documents.map((d) => d.place)).toEqual(["Brackenfield", "Lowmoor"]);
    const answer = await ask(engine, { question: "What is the smoking rate in Lowmoor?" });
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0].quote).toBe(SMOKING);
    // The county's other passages, which do not name Lowmoor, are not searched.
    expect(answer.citations.some((c) => c.quote.includes("Alcohol admissions"))).toBe(false);
  });

  it("is found in a document the filters choose, though that document is another place's", async () => {
    const byDocument = await ask(engine, { question: "What is the smoking rate in Lowmoor?", filters: { documentIds: ["brackenfield-jsna"] } });
    expect(byDocument.citations[0].quote).toBe(SMOKING);
    const byPlace = await ask(engine, { question: "What is the smoking rate in Lowmoor?", filters: { places: ["Brackenfield"] } });
    expect(byPlace.citations[0].quote).toBe(SMOKING);
  });

  it("in a follow-up that only compares ('how does that compare with England?') keeps the earlier subject", async () => {
    const history = [{ role: "user" as const, content: "What is the smoking rate in Brackenfield?" }];
    const answer = await ask(engine, { question: "How does that compare with England?", history });
    expect(answer.interpretedAs).toBe("What is the smoking rate in Brackenfield — How does that compare with England?");
    // "England" is where to look, not what to find: the subject is still smoking.
    const { query } = await retrieve(engine, { question: "How does that compare with England?", history });
    expect(query.concepts.map((c) => [c.alternatives[0].join(" "), c.metadata])).toEqual([
      ["smoke", false],
      ["rate", false],
      ["brackenfield", true],
      ["england", true],
    ]);
    expect(answer.citations.map((c) => c.quote).slice(0, 2)).toEqual(["In Lowmoor the smoking rate is 19.6%, the highest of the districts.", "Smoking prevalence in Brackenfield is 15.2%."]);
  });

  it("is the place when typed in lower case, as the documents never write it", async () => {
    const answer = await ask(engine, { question: "what is the smoking rate in lowmoor?" });
    expect(answer.citations[0].quote).toBe(SMOKING);
    // Only what is Lowmoor's or names it is searched: the county's alcohol passage is not.
    const { hits } = await retrieve(engine, { question: "what is the smoking rate in lowmoor?" });
    expect(hits.map((h) => h.passage.source.place === "Lowmoor" || h.passage.searchText.includes("Lowmoor"))).toEqual(hits.map(() => true));
    expect(hits.length).toBeGreaterThan(0);
  });

  it("says which of the question's words no passage about the place uses, though other documents use them", async () => {
    const alcohol = await ask(engine, { question: "What are alcohol admissions like in Lowmoor?" });
    expect(alcohol).toMatchObject({ abstained: true, reason: "No passage about Lowmoor mentions alcohol or admissions.", citations: [] });
    // So with filters that leave those passages out.
    const homes = await ask(engine, { question: "How many homes will be built?", filters: { documentIds: ["brackenfield-jsna"] } });
    expect(homes).toMatchObject({ abstained: true, reason: "No document searched mentions homes or built.", citations: [] });
    const unfiltered = await ask(engine, { question: "How many homes will be built?" });
    expect(unfiltered.citations[0].quote).toBe("The plan provides 4,200 homes in Lowmoor by 2036.");
  });

  it("looks for what a speaker said in the documents that name it, when those are some of them", async () => {
    // Only the county's assessment speaks of a needs assessment, and its title names one; the district's plan has the homes.
    const homes = await ask(engine, { question: "What did the needs assessment say about homes?" });
    expect(homes).toMatchObject({ abstained: true, reason: 'No passage of "Joint Strategic Needs Assessment: Adult lifestyles" mentions homes.', citations: [] });
    const { query } = await retrieve(engine, { question: "What did the needs assessment say about homes?" });
    expect(query.speaker.map((c) => c.alternatives[0].join(" "))).toEqual(["need", "assess"]);
  });

  it("says so when no document searched is from the place or names it", async () => {
    const answer = await ask(engine, { question: "What is the smoking rate in Brackenfield?", filters: { places: ["Lowmoor"] } });
    expect(answer).toMatchObject({ abstained: true, reason: "The question names Brackenfield, but the filters search only Lowmoor.", citations: [] });
  });
});

// A county's table of its districts, every row read with the same header.
const PROFILES =
  "# Pupils and health\n\nBrackenfield County Council, June 2021\n\n## Life expectancy\n\n" +
  "| District | Male life expectancy | Female life expectancy |\n|---|---|---|\n| Fellside | 81.4 | 84.6 |\n| Hexworth | 80.6 | 84.0 |\n| Lowmoor | 77.6 | 81.9 |\n";

describe("a place that is also a word, and a table that names places", () => {
  let wordCorpus: TemporaryEngine;
  let reading: Engine;
  beforeAll(async () => {
    wordCorpus = await temporaryEngine({
      "reading-schools.txt": "Reading Borough Council\n\nSchools report\n\nPublished: 3 May 2022\n\nAttainment\n\nPupils' reading improved in Reading schools this year.\n",
      "lowmoor-local-plan.txt": DISTRICT,
      "brackenfield-profiles.md": PROFILES,
    });
    reading = wordCorpus.engine;
  });
  afterAll(() => wordCorpus?.close());

  it("is read as the word when typed in lower case, since the documents write the word so too", async () => {
    expect(reading.index.documents.map((d) => d.place)).toEqual(["Brackenfield", "Lowmoor", "Reading"]);
    expect([...reading.facts.properPlaces.values()]).toEqual(["Brackenfield", "Lowmoor"]);
    const { query } = await retrieve(reading, { question: "how did reading improve in lowmoor?" });
    expect(query.names).toEqual(["Lowmoor"]);
  });

  it("ranks the row naming the place asked about above the rows that otherwise score alike", async () => {
    const { scored } = await retrieve(reading, { question: "What is male life expectancy in Lowmoor?" });
    expect(scored.slice(0, 3).map((s) => s.sentence.searchText)).toEqual([
      "| Lowmoor | 77.6 | 81.9 |",
      "| District | Male life expectancy | Female life expectancy |",
      "| Fellside | 81.4 | 84.6 |",
    ]);
    // Read with one header, and as one by the encoder, the rows differ only in the name they hold.
    expect([scored[0].coverage, scored[0].dense]).toEqual([scored[2].coverage, scored[2].dense]);
  });

  it("reads each passage under its document's title, as under a heading above all its sections", async () => {
    // A Markdown title heads none of the sections: "Pupils and health" is in no section path, and
    // "pupils" is elsewhere only in Reading's report.
    const { scored } = await retrieve(reading, { question: "What does the pupils and health paper say about female life expectancy?" });
    expect(scored[0].sentence.section).toEqual(["Life expectancy"]);
    expect(scored[0].context).toBe(1);
  });
});
