import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { temporaryEngine, withTemporaryEngine, type TemporaryEngine } from "../helpers/engine.js";
import { ask, retrieve, type Engine } from "../../server/answer/ask.js";
import { initials, titleInitials } from "../../server/retrieve/corpus-facts.js";

// An assessment by the Care Quality Commission that never writes "CQC", and a council's own
// strategy that speaks of waiting times too: readers still call the regulator the CQC.
const ASSESSMENT =
  "Care Quality Commission\n\nRedmarsh County Council: local authority assessment\n\nDate of publication: 9 August 2024\n\nOverall rating: Requires improvement\n\n" +
  "Waiting times\n\nAt the time of our assessment, 1,246 people were waiting for a Care Act assessment, and the median wait was 84 days.\n\n" +
  "Towns\n\nWaiting times for adaptations varied from 9 weeks in Fenhurst to 31 weeks in Saltmere.\n";
const STRATEGY =
  "Redmarsh County Council\n\nCarers strategy 2022 to 2027\n\nPublished: 14 June 2022\n\nWhat carers told us\n\n" +
  "Carers told us that waiting times for a carer's assessment were too long, and that the wait was worst in Fenhurst.\n\n" +
  "Breaks\n\nCarers value respite care of good quality.\n";

// A district's own paper, which no regulator writes about.
const PARKS = "Kelby District Council\n\nParks strategy\n\nPublished: 2 May 2023\n\nParks\n\nKelby has four parks, and a new play area opened in 2023.\n";

let corpus: TemporaryEngine;
let engine: Engine;
beforeAll(async () => {
  corpus = await temporaryEngine({ "redmarsh-cqc-assessment.txt": ASSESSMENT, "redmarsh-carers-strategy.txt": STRATEGY, "kelby-parks.txt": PARKS });
  engine = corpus.engine;
});
afterAll(() => corpus?.close());

describe("a publisher named by its initials", () => {
  it("takes a body's initials from the words of its name that are not joining words", () => {
    expect(initials("Care Quality Commission")).toBe("CQC");
    expect(initials("Local Government and Social Care Ombudsman")).toBe("LGSCO");
    expect(initials("Ofsted")).toBeUndefined();
    // A word in capitals gives all its letters.
    expect(initials("HM Inspectorate of Constabulary and Fire & Rescue Services")).toBe("HMICFRS");
  });

  it("labels documents by the words of its name that name it, not the everyday ones", () => {
    // "care" is what social care papers are about; "Commission" names a body.
    expect(["care", "qualiti", "commiss", "redmarsh", "counti", "council"].map((t) => engine.facts.metadataTerms.has(t))).toEqual([false, false, true, true, true, true]);
  });

  it("is a name the documents know, though they never write it", async () => {
    expect(engine.index.documents.map((d) => d.publisher)).toEqual(["Kelby District Council", "Redmarsh County Council", "Care Quality Commission"]);
    expect(engine.facts.acronyms.cqc).toBe("care quality commission");
    const answer = await ask(engine, { question: "What did the CQC find in 2024?" });
    expect(answer.abstained).toBe(false);
    expect(new Set(answer.citations.map((c) => c.documentId))).toEqual(new Set(["redmarsh-cqc-assessment"]));
  });

  it("says when the publisher named has no document about the place named, rather than quote another body", async () => {
    const answer = await ask(engine, { question: "What is the CQC rating for Kelby?" });
    expect(answer).toMatchObject({ abstained: true, reason: "No document from the publisher Care Quality Commission is about or mentions Kelby.", citations: [] });
  });

  it("reads each passage under its publisher's name and title, though its text names neither", async () => {
    const towns = engine.index.passages.find((p) => p.searchText.includes("Waiting times for adaptations"))!;
    expect(towns.searchText.includes("Commission")).toBe(false);
    const context = engine.facts.contextTerms.get(towns.id)!;
    expect(["care", "qualiti", "commiss", "local", "author", "assess"].map((t) => context.has(t))).toEqual([true, true, true, true, true, true]);
    // Named in full, the publisher is a name the documents know, though only its letterhead writes it.
    const answer = await ask(engine, { question: "What did the Care Quality Commission say about adaptations?" });
    expect(answer.citations[0]?.quote).toBe("Waiting times for adaptations varied from 9 weeks in Fenhurst to 31 weeks in Saltmere.");
  });

  it("says whose words to quote: the regulator's, not the council's on the same subject", async () => {
    const answer = await ask(engine, { question: "What did the CQC say about waiting times in Fenhurst?" });
    expect(answer.citations[0].quote).toBe("Waiting times for adaptations varied from 9 weeks in Fenhurst to 31 weeks in Saltmere.");
    expect(new Set(answer.citations.map((c) => c.documentId))).toEqual(new Set(["redmarsh-cqc-assessment"]));
  });
});

describe("a town the question names, which no document is about", () => {
  it("is where to look: the passages that name it", async () => {
    const { hits } = await retrieve(engine, { question: "What are waiting times like in Saltmere?" });
    expect(hits.map((h) => h.passage.searchText.includes("Saltmere"))).toEqual(hits.map(() => true));
    const answer = await ask(engine, { question: "What are waiting times like in Saltmere?" });
    expect(answer.citations.map((c) => c.quote)).toEqual(["Waiting times for adaptations varied from 9 weeks in Fenhurst to 31 weeks in Saltmere."]);
  });

  it("in a follow-up, takes the place of the town the earlier question named", async () => {
    const answer = await ask(engine, { question: "what about Saltmere?", history: [{ role: "user", content: "What are waiting times like in Fenhurst?" }] });
    expect(answer.interpretedAs).toBe("What are waiting times like — Saltmere?");
    expect(answer.citations.map((c) => c.quote)).toEqual(["Waiting times for adaptations varied from 9 weeks in Fenhurst to 31 weeks in Saltmere."]);
  });

  it("says so when no passage naming it speaks to the question, though others do", async () => {
    const answer = await ask(engine, { question: "What is the overall rating in Saltmere?" });
    expect(answer).toMatchObject({ abstained: true, reason: "No passage about Saltmere mentions overall or rating.", citations: [] });
    // The missing words as the question wrote them, a hyphenated word whole; and when no document at all uses them, that.
    const flyTipping = await ask(engine, { question: "How many fly-tipping incidents were there in Saltmere?" });
    expect(flyTipping.reason).toBe("No document mentions fly-tipping or incidents.");
  });

  it("takes a title's opening name for initials the documents never write, and quotes no line that only restates a title", async () => {
    expect(titleInitials("Joint targeted area inspection of the multi-agency response to children living with domestic abuse in Thornquay")).toEqual({ short: "JTAI", long: "joint targeted area inspection" });
    expect(titleInitials("Annual Governance Statement 2020/21")).toEqual({ short: "AGS", long: "annual governance statement" });
    expect(titleInitials("Monitoring visit of Sandling children's services")).toBeUndefined();
    await withTemporaryEngine({
      "2019-11-05-jtai-thornquay.txt":
        "Ofsted\n\n5 November 2019\n\nMs J Lane\nDirector of Children's Services\nThornquay Borough Council\n\nDear Ms Lane\n\n" +
        "Joint targeted area inspection of the multi-agency response to children living with domestic abuse in Thornquay\n\n" +
        "Between 16 and 20 September 2019, Ofsted, the Care Quality Commission and HM Inspectorate of Probation inspected the response to domestic abuse in Thornquay.\n\n" +
        "Areas for improvement\n\nPolice officers do not always record the voice of the child at incidents of domestic abuse.\n\nYours sincerely\n\nAnn Hale\nHMI\n",
      "kelby-parks.txt": PARKS,
    }, async (engine) => {
      expect(engine.facts.acronyms.jtai).toBe("joint targeted area inspection");
      const quotes = async (question: string) => (await ask(engine, { question })).citations.map((c) => c.quote);
      expect(await quotes("What did the JTAI find about police officers?")).toEqual(["Police officers do not always record the voice of the child at incidents of domestic abuse."]);
      // The subject line is the letter's title, and "take place" asks when, not about a place.
      expect(await quotes("When did the joint targeted area inspection in Thornquay take place?")).toEqual([
        "Between 16 and 20 September 2019, Ofsted, the Care Quality Commission and HM Inspectorate of Probation inspected the response to domestic abuse in Thornquay.",
      ]);
    });
  });

  it("is named by its kind alone when no other publisher is of that kind: 'the Ombudsman'", async () => {
    await withTemporaryEngine({
      "2023-06-20-lgsco-fallowmere.txt":
        "Local Government and Social Care Ombudsman\n\nInvestigation into a complaint against Fallowmere City Council\n\n20 June 2023\n\n" +
        "Findings\n\nFallowmere City Council took 41 weeks to issue the plan, and this was fault.\n",
      "kelby-parks.txt": PARKS,
    }, async (engine) => {
      expect(engine.facts.publisherWordings.get("Local Government and Social Care Ombudsman")).toEqual(["local government and social care ombudsman", "ombudsman", "lgsco"]);
      expect(await ask(engine, { question: "What did the Ombudsman find about Kelby?" })).toMatchObject({
        abstained: true,
        reason: "No document from the publisher Local Government and Social Care Ombudsman is about or mentions Kelby.",
      });
    });
  });

  it("names every passage of the papers whose title holds all the names a question gives, though few repeat them", async () => {
    await withTemporaryEngine({
      "2017-11-16-lanthorne-hwb-minutes.txt":
        "LANTHORNE COUNCIL\n\nMINUTES of a meeting of the Health and Wellbeing Board held at Lanthorne Town Hall on 16 November 2017\n\n" +
        "31/17 WELCOME\n\nThe Chair welcomed members to the Health and Wellbeing Board.\n\n32/17 BETTER CARE FUND\n\nThe pooled budget was £21.4 million.\n\n" +
        "DATE OF NEXT MEETING\n\nThe next meeting will be held on Thursday 18 January 2018 at 2.00pm.\n",
      "kelby-parks.txt": PARKS,
    }, async (engine) => {
      const answer = await ask(engine, { question: "When is the next meeting of the Health and Wellbeing Board?" });
      expect(answer.citations[0].quote).toBe("The next meeting will be held on Thursday 18 January 2018 at 2.00pm.");
    });
  });

  it("names a whole document when its cover gives it, and is then where to look, not what to find", async () => {
    await withTemporaryEngine(
      {
        "marlstone-reg44-ashgrove.txt":
          "REGULATION 44 INDEPENDENT PERSON'S REPORT\n\nName of home:\tAshgrove House\nDate of visit:\t14 March 2024\n\nSection 1: Summary of the home\n\nThe home cares for up to four children. Three children were living there.\n\n" +
          "Section 3: Staffing\n\nThe rota shows that 31 per cent of shifts were covered by agency staff, up from 18 per cent.\n\nTwo residential support worker posts are vacant.\n",
        "marlstone-sufficiency-strategy.txt":
          "Marlstone County Council\n\nPlacement Sufficiency Strategy\n\nPublished: 20 February 2024\n\nOur homes\n\nThe council runs Ashgrove House and two other children's homes. Agency staff cover many shifts across the service.\n",
      },
      async (engine) => {
        const answer = await ask(engine, { question: "What proportion of shifts at Ashgrove House were covered by agency staff?" });
        expect(answer.citations[0].quote).toBe("The rota shows that 31 per cent of shifts were covered by agency staff, up from 18 per cent.");
        expect(answer.citations.some((c) => c.quote.startsWith("Name of home"))).toBe(false);
      },
    );
  });

  it("knows an inspectorate by its initials where the documents only write its name in full, and the everyday word for a pregnancy", async () => {
    await withTemporaryEngine(
      {
        "2023-11-02-healthwatch-larkhill.txt":
          "Healthwatch Kestonbury\n\nEnter and View report: Larkhill Grange\n\nPublished: 2 November 2023\n\nThe home was rated Requires Improvement overall by the Care Quality Commission following an inspection in August 2022.\n\n" +
          "Smoking in pregnancy is a particular concern: 12.3% of mothers were smokers at the time of delivery.\n",
      },
      async (engine) => {
        const rating = await ask(engine, { question: "What is Larkhill Grange's CQC rating?" });
        expect(rating.abstained).toBe(false);
        expect(rating.citations[0].quote).toBe("The home was rated Requires Improvement overall by the Care Quality Commission following an inspection in August 2022.");
        expect(engine.facts.acronyms.cqc).toBe("care quality commission");
        const pregnant = await ask(engine, { question: "Are pregnant women still smoking?" });
        expect(pregnant.citations[0].quote).toBe("Smoking in pregnancy is a particular concern: 12.3% of mothers were smokers at the time of delivery.");
      },
    );
  });

  it("names a whole document when a labelled line of its cover gives it, however long the line", async () => {
    await withTemporaryEngine(
      {
        "2024-01-29-kestonbury-eia.txt":
          "KESTONBURY BOROUGH COUNCIL\n\nEQUALITY IMPACT ASSESSMENT\n\nProposal: Closure of Brookside Day Centre, Fenside, and re-provision of day opportunities in the community\n\n" +
          "SECTION 1: ABOUT THE PROPOSAL\n\n1.1 Brookside Day Centre offers personal care and meals.\n\n1.2 The proposal would save an estimated £286,000 a year from 2025/26.\n",
        "2023-11-02-kestonbury-budget.txt": "Kestonbury Borough Council\n\nBudget report\n\nThe council must save £4 million in 2024/25 across its day services.\n",
      },
      async (engine) => {
        const answer = await ask(engine, { question: "How much money will closing Brookside Day Centre save?" });
        expect(answer.citations[0].quote).toBe("The proposal would save an estimated £286,000 a year from 2025/26.");
      },
    );
  });

  it("quotes a lead-in that names who spoke with what it introduces, from the paragraph after", async () => {
    const long = "The council has set out a plan of work on SEND for the next two years, with a budget of £4.2 million. ".repeat(8);
    await withTemporaryEngine(
      {
        "2023-03-14-harrowmere-news.txt":
          `Harrowmere County Council\n\nCouncil sets out action after SEND inspection\n\nPublished: 14 March 2023\n\n${long}\n\nNadia Kowalczyk, Chair of the Harrowmere Parent Carer Forum, said:\n\n` +
          `"The report reflects what our members have been telling us. We welcome the council's commitment to work with families."\n\n${long}\n`,
      },
      async (engine) => {
        const answer = await ask(engine, { question: "Who chairs the Harrowmere Parent Carer Forum?" });
        expect(answer.citations.slice(0, 2).map((c) => c.quote)).toEqual(["Nadia Kowalczyk, Chair of the Harrowmere Parent Carer Forum, said:", '"The report reflects what our members have been telling us.']);
      },
    );
  });

  it("knows a government the documents never name, though each of its words is theirs", async () => {
    await withTemporaryEngine(
      { "marlstone-strategy.txt": "Marlstone County Council\n\nPlacement Sufficiency Strategy\n\nPublished: 20 February 2024\n\nOur homes\n\nMarlstone sits on the Welsh border, and many children are placed across it. The government's grant pays for two new homes.\n" },
      async (engine) => {
        expect(await ask(engine, { question: "What did the Welsh Government say about Marlstone?" })).toMatchObject({ abstained: true, reason: "No document mentions Welsh Government.", citations: [] });
      },
    );
  });
});
