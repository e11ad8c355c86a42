import { paragraphsAsked } from "../../server/answer/narrow.js";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { prepareQuery } from "../../server/retrieve/prepare-query.js";
import { loadSynonyms, synonymsIn } from "../../server/retrieve/synonyms.js";
import { isFollowUp, resolveFollowUp } from "../../server/answer/follow-up.js";
import { encoderText, isShouted, stem, terms } from "../../indexer/contract/normalise.js";
import { findAcronyms } from "../../indexer/analyse/find-acronyms.js";
import { findShortForms } from "../../server/retrieve/corpus-facts.js";

const ACRONYMS = { ffd: "family front door", iro: "independent reviewing officers" };
const synonyms = loadSynonyms();

describe("normalising text for search", () => {
  it("folds case, punctuation, possessives and plurals, and stems", () => {
    expect(terms("Inspectors' assessments: the children's PLANNED caseloads, running late!")).toEqual([
      "inspector",
      "assess",
      "children",
      "plan",
      "caseload",
      "run",
      "late",
    ]);
    expect(["expectation", "expected", "policies", "2017", "61%"].map(stem)).toEqual(["expect", "expect", "polici", "2017", "61%"]);
    // An adverb meets its adjective: "previously inspected" finds "previous inspection".
    expect(["previous", "previously", "famous", "famously"].map(stem)).toEqual(["previou", "previou", "famou", "famou"]);
  });

  it("reads 'B&B' as one word, not two letters that every 'Mrs B' and '(b)' would match", () => {
    expect(terms("Mrs B was in a B&B; (b) two B&Bs closed.")).toEqual(["mr", "b", "bandb", "b", "two", "bandb", "close"]);
  });

  it("meets an irregular past form at its verb, as Porter's stemmer alone would not", () => {
    expect(terms("Which councils overspent? The council overspends.")).toEqual(["council", "overspend", "council", "overspend"]);
    expect(["led", "leading", "found", "finds", "written", "writes", "left", "leaving"].map(stem)).toEqual(["lead", "lead", "find", "find", "write", "write", "leav", "leav"]);
  });

  it("meets 'die' at 'died' and 'dies', which Porter's stemmer alone takes apart", () => {
    expect(["die", "died", "dies", "dying", "tie", "tied"].map(stem)).toEqual(["di", "di", "di", "di", "ti", "ti"]);
  });

  it("drops the words that frame a question, a contraction's remains and 'the papers' included", () => {
    const subject = (question: string) => prepareQuery(question, {}, []).concepts.map((c) => c.alternatives[0].join(" "));
    expect(subject("Why didn't Redline win even though it was cheapest?")).toEqual(["redlin", "win", "cheapest"]);
    expect(subject("What do the papers say about internal audit?")).toEqual(["intern", "audit"]);
    expect(prepareQuery("What do the papers say about internal audit?", {}, []).speaker).toEqual([]);
  });

  it("knows a text in capitals, and gives it to the sentence encoder in lower case", () => {
    expect(["UPDATE ON THE IMPROVEMENT PLAN", "WHAT ABOUT THE FFD?", "The FFD and IRO", "FFD", "PLO AND IRO"].map(isShouted)).toEqual([true, true, false, false, true]);
    expect(encoderText("UPDATE ON THE CHILDREN'S SOCIAL CARE SERVICE IMPROVEMENT PLAN")).toBe("update on the children's social care service improvement plan");
    expect(encoderText("The FFD is not fit for purpose.")).toBe("The FFD is not fit for purpose.");
  });

  it("keeps 'May' when it is the month, next to a day or a year, and drops the verb", () => {
    expect(terms("Inspectors visited in May 2017 and on 24 May; the council may act. May it?")).toEqual(["inspector", "visit", "mai", "2017", "24", "mai", "council", "act"]);
  });
});

describe("acronyms the documents define", () => {
  it("are found from the text, hyphenated and plural forms included", () => {
    expect(
      findAcronyms([
        "the Family Front Door (FFD) receives referrals; independent reviewing officers (IROs) chair reviews.",
        "Strong multi-agency risk assessment conferences (MARAC) work. Not in employment, education or training (NEET).",
        "Random words (XYZ) are not a definition.",
        // In mixed case, with the small words spelled too; one capital is a name, not an acronym.
        "A backlog of Deprivation of Liberty Safeguards (DoLS) applications. Each school's Special Educational Needs Co-ordinator (SENCo) reports. Inspected by the regulator (Ofsted).",
      ]),
    ).toEqual({
      ffd: "family front door",
      iro: "independent reviewing officers",
      marac: "multi agency risk assessment conferences",
      neet: "not in employment education or training",
      dols: "deprivation of liberty safeguards",
      senco: "special educational needs co ordinator",
    });
  });
});

describe("an acronym in a question", () => {
  const acronyms = { camhs: "child and adolescent mental health services", dcs: "director of children services" };
  it("is matched as the documents' terms have it, stemmed like any word ending in s", () => {
    // The documents' "CAMHS" is the term "camh"; one concept, not the acronym and a stray word.
    expect(prepareQuery("What did inspectors say about CAMHS?", acronyms, []).concepts.map((c) => c.alternatives)).toEqual([
      [["camh"], ["child", "adolesc", "mental", "health", "servic"]],
      [["inspector"]],
    ]);
  });

  it("written out as well is one thing asked about, and its words asked about elsewhere stay", () => {
    const asked = prepareQuery("How many children did the director of children's services (DCS) see?", acronyms, []).concepts.map((c) => c.alternatives);
    expect(asked).toEqual([[["dc"], ["director", "children", "servic"]], [["children"]]]);
  });
});

describe("shortenings of an acronym's long form", () => {
  const passages = [
    "The Family Front Door (FFD) is busy. Work in the family front door has grown.",
    "Managers at the family front door, and the front door's screening officers.",
    "Children's services are poor. The director of children's services (DCS) left. Children's services staff are new.",
    "Independent reviewing officers (IROs) are stretched.",
  ].map((p) => terms(p));
  const acronyms = { ffd: "family front door", dcs: "director of children services", iro: "independent reviewing officers" };

  it("are the endings the documents use mostly as part of it, never an everyday phrase", () => {
    // "front door": 3 of its 4 uses are "family front door". "children's services": 1 of 3.
    expect(findShortForms(acronyms, passages)).toEqual(new Map([["ffd", "front door"], ["iro", "review offic"]]));
  });

  it("stand for the acronym in a question, with its long form as another wording", () => {
    const q = prepareQuery("Is the front door team coping?", ACRONYMS, [], new Set(), findShortForms(acronyms, passages));
    expect(q.concepts).toEqual([
      { alternatives: [["front", "door"], ["ffd"], ["famili", "front", "door"]], kind: "acronym", metadata: false },
      { alternatives: [["team"]], kind: "word", metadata: false },
      { alternatives: [["cope"]], kind: "word", metadata: false },
    ]);
    const plain = prepareQuery("Are children's services improving?", { dcs: acronyms.dcs }, [], new Set(), findShortForms(acronyms, passages));
    expect(plain.concepts.map((c) => c.kind)).toEqual(["word", "word", "word"]);
  });
});

describe("preparing a question", () => {
  it("expands an acronym to its long form, as an alternative wording of one concept", () => {
    const q = prepareQuery("What is wrong at the FFD?", ACRONYMS, []);
    expect(q.concepts).toEqual([
      { alternatives: [["ffd"], ["famili", "front", "door"]], kind: "acronym", metadata: false },
      { alternatives: [["wrong"]], kind: "word", metadata: false },
    ]);
    expect(q.embedText).toBe("What is wrong at the FFD? (family front door)");
  });

  it("maps everyday words to the documents' words through the synonym list", () => {
    const q = prepareQuery("Do kids run away from B&Bs?", {}, synonyms);
    const kids = q.concepts.find((c) => c.alternatives[0].includes("kid"))!;
    expect(kids.alternatives).toContainEqual(["children"]);
    const runAway = q.concepts.find((c) => c.alternatives[0].join(" ") === "run awai")!;
    expect(runAway.alternatives).toContainEqual(["miss"]);
    expect(q.concepts.find((c) => c.alternatives[0].join(" ") === "bandb")!.alternatives).toEqual([["bandb"], ["bed", "breakfast"]]);
    expect(synonymsIn("put up in a B&B", synonyms)).toEqual([{ used: ["bandb"], others: ["bed and breakfast", "bandbs"] }]);
    // A council paper counts "posts" and its "workforce" where a reader asks about jobs.
    expect(synonymsIn("How many jobs will be cut?", synonyms)).toEqual([{ used: ["jobs"], others: ["posts", "job losses", "job cuts", "workforce"] }]);
    // Staff "overloaded with cases" have too high a caseload.
    expect(synonymsIn("Are they overloaded with cases?", synonyms).flatMap((g) => g.others)).toContain("caseload");
    // A council "going bust" issues a section 114 notice; a lowest price is the cheapest.
    expect(synonymsIn("Is the council going bust?", synonyms).flatMap((g) => g.others)).toContain("section 114");
    // Papers say "the pandemic" where a reader says Covid, and count "responses" where a reader asks who responded.
    expect(synonymsIn("Have passenger numbers recovered since Covid?", synonyms)).toEqual([{ used: ["covid"], others: ["covid 19", "coronavirus", "pandemic"] }]);
    expect(synonymsIn("How many parents responded?", synonyms)).toEqual([{ used: ["responded"], others: ["respond", "response", "responses"] }]);
    expect(synonymsIn("Was it the cheapest?", synonyms)).toEqual([{ used: ["cheapest"], others: ["cheaper", "lowest price", "lowest priced", "lowest cost", "lowest bid", "lowest tender"] }]);
    // Minutes record what a meeting decided as "RESOLVED that…"; "decision-making" is no decision.
    const decide = prepareQuery("What did the cabinet decide?", {}, synonyms).concepts.find((c) => c.alternatives[0].join(" ") === "decid")!;
    expect(decide.alternatives).toEqual([["decid"], ["resolv"], ["resolut"], ["agre"]]);
  });

  it("searches a wider word's narrower ones, but not the other way round", () => {
    const groups = [{ phrases: ["judgement", "rated"], narrower: ["inadequate", "requires improvement", "outstanding"] }];
    expect(synonymsIn("What judgement was given?", groups)).toEqual([{ used: ["judgement"], others: ["rated", "inadequate", "requires improvement", "outstanding"] }]);
    expect(synonymsIn("Which services were inadequate?", groups)).toEqual([]);
    const shipped = prepareQuery("Which services were judged inadequate?", {}, synonyms).concepts.map((c) => c.alternatives.map((a) => a.join(" ")));
    expect(shipped).toEqual([["judg", "rate", "judgement", "grade", "judgment", "inadequ", "requir improv", "outstand"], ["servic"], ["inadequ"]]);
  });

  it("weighs places, publishers and dates as labels, not subjects", () => {
    const q = prepareQuery("What did Ofsted say about Worcestershire's caseloads in 2017?", {}, [], new Set(["ofst", "worcestershir", "2017"]));
    expect(q.concepts).toEqual([
      { alternatives: [["ofst"]], kind: "word", metadata: true },
      { alternatives: [["worcestershir"]], kind: "word", metadata: true },
      { alternatives: [["caseload"]], kind: "word", metadata: false },
      { alternatives: [["2017"]], kind: "word", metadata: true },
    ]);
  });

  it("weighs the kind of council after a known place as a label, and the same word elsewhere as a subject", () => {
    const labels = (question: string) => prepareQuery(question, {}, [], new Set(["pellingham"])).concepts.map((c) => [c.alternatives[0].join(" "), c.metadata]);
    expect(labels("How much did Pellingham County Council contribute?")).toEqual([["pellingham", true], ["counti", true], ["council", true], ["contribut", false]]);
    expect(labels("What about county lines in Pellingham?")).toEqual([["counti", false], ["line", false], ["pellingham", true]]);
  });

  it("drops the words that frame a question: comparisons, quantifiers and hedges", () => {
    const subjects = (question: string) => prepareQuery(question, {}, []).concepts.map((c) => c.alternatives[0].join(" "));
    expect(subjects("Are caseloads too high? What did each inspection find about caseloads?")).toEqual(["caseload", "too", "high", "inspect"]);
    expect(subjects("How did adoption compare between the two councils, and were both really different?")).toEqual(["adopt", "between", "two", "council"]);
    expect(subjects("Are youngsters being groomed properly protected?")).toEqual(["youngster", "groom", "protect"]);
  });

  it("reads a question typed in capitals in ordinary case, keeping the documents' acronyms and labels", () => {
    const labels = new Set(["ofst", "worcestershir", "mai", "2017"]);
    const shouted = prepareQuery("WHAT DID OFSTED SAY ABOUT WORCESTERSHIRE'S FFD IN MAY 2017?", ACRONYMS, [], labels);
    expect(shouted.question).toBe("what did Ofsted say about Worcestershire's FFD in May 2017?");
    expect(shouted.names).toEqual(["Ofsted", "Worcestershire", "FFD", "May"]);
    expect(shouted.concepts).toEqual(prepareQuery("What did Ofsted say about Worcestershire's FFD in May 2017?", ACRONYMS, [], labels).concepts);
    // Not an acronym any document uses: in capitals it is a word like the others, not a name.
    expect(prepareQuery("WHAT DID INSPECTORS SAY ABOUT SEND?", ACRONYMS, []).names).toEqual([]);
    // In a question in ordinary case, capitals still mark an acronym.
    expect(prepareQuery("What did inspectors say about SEND?", ACRONYMS, []).names).toEqual(["SEND"]);
  });

  it("recognises what a question asks for, and the names and years it uses", () => {
    expect(prepareQuery("What percentage of children were seen?", {}, []).intent).toBe("figure");
    expect(prepareQuery("Who led the inspection?", {}, []).intent).toBe("person");
    expect(prepareQuery("Who wrote the outturn report?", {}, []).intent).toBe("person");
    // A verb in the present asks after a person too, in a clause of its own.
    expect(prepareQuery("What actions were agreed and who owns them?", {}, []).intent).toBe("person");
    expect(prepareQuery("Who chairs the Improvement Board?", {}, []).intent).toBe("person");
    expect(prepareQuery("Which councillors voted against the motion?", {}, []).intent).toBe("person");
    // The role a question after a person asks who held, as the verb after "who".
    expect(prepareQuery("When did the panel meet, and who chaired it?", {}, []).role?.alternatives[0]).toEqual(["chair"]);
    expect(prepareQuery("Who is the chair of the panel?", {}, []).role).toBeUndefined();
    expect(prepareQuery("When was Worcestershire judged inadequate?", {}, []).intent).toBe("date");
    expect(prepareQuery("How long ago was the inspection?", {}, []).intent).toBe("date");
    // "How long…" asks for a length of time, and "long" is no subject: "long-service awards" would match it.
    const howLong = prepareQuery("How long does he have to do the long-term training?", {}, []);
    expect([howLong.intent, howLong.concepts.map((c) => c.alternatives[0].join(" "))]).toEqual(["duration", ["long", "term", "train"]]);
    expect(prepareQuery("What did inspectors say about children who go missing?", {}, []).intent).toBe("general");
    expect(prepareQuery("When children who are in care run off, does anyone notice?", {}, []).intent).toBe("general");
    // A follow-up, joined to the question before it, asks what it asks.
    expect(prepareQuery("What did inspectors say about missing children — who led it?", {}, []).intent).toBe("person");
    expect(prepareQuery("What did inspectors say about missing children — how many were there?", {}, []).intent).toBe("count");
    // The follow-up's own ask wins over the earlier question's; with none of its own, the earlier one's stands.
    expect(prepareQuery("How many households were in temporary accommodation — and how much did it cost?", {}, []).intent).toBe("sum");
    expect(prepareQuery("How many households were in temporary accommodation — in Thornbury?", {}, []).intent).toBe("count");
    // "How much" after money asks for a sum; after anything else, for a figure. "By how much" asks as "how much" does.
    expect(prepareQuery("How much did the council overspend?", {}, []).intent).toBe("sum");
    expect(prepareQuery("By how much did the children's services budget overspend?", {}, []).intent).toBe("sum");
    expect(prepareQuery("What is the budget for school meals?", {}, []).intent).toBe("sum");
    expect(prepareQuery("How much have caseloads fallen?", {}, []).intent).toBe("figure");
    expect(prepareQuery("In how many cases was a strategy discussion held?", {}, []).intent).toBe("count");
    // The figure's word may come a few words after "what is the".
    expect(prepareQuery("What is the smoking rate in Lowmoor?", {}, []).intent).toBe("figure");
    expect(prepareQuery("What was the number of children looked after?", {}, []).intent).toBe("count");
    expect(prepareQuery("What is the purpose of the report?", {}, []).intent).toBe("general");
    // Words typed as a search, with no question word, ask for a figure when they name one.
    expect(prepareQuery("attendance rate in Carreg secondary schools", {}, []).intent).toBe("figure");
    expect(prepareQuery("number of children looked after", {}, []).intent).toBe("count");
    expect(prepareQuery("What did inspectors say about the rate of re-referrals?", {}, []).intent).toBe("general");
    expect(prepareQuery("missing children", {}, []).intent).toBe("general");
    const q = prepareQuery("Did Herefordshire or the SEND team do OK in 2022?", {}, []);
    expect(q.names).toEqual(["Herefordshire", "SEND"]);
    expect(q.years).toEqual([2022]);
  });
});

describe("follow-up questions", () => {
  const places = new Map([
    ["worcestershire", "Worcestershire"],
    ["gloucestershire", "Gloucestershire"],
  ]);
  it("are recognised by their opening, a pronoun, naming only a place or year, or being a fragment", () => {
    const followUps = ["and in Gloucestershire?", "What about 2018?", "Gloucestershire?", "and what did they say about it?", "Is that still the case?", "How many in Gloucestershire?", "the percentage?", "why?", "by when?"];
    expect(followUps.filter((q) => !isFollowUp(q, places))).toEqual([]);
  });

  it("are not whole questions with a subject of their own, nor questions of no words", () => {
    const whole = ["What did inspectors say about return home interviews?", "How many social workers are there?", "What did Ofsted say about dragons?", "Are there enough foster carers?", "???"];
    expect(whole.filter((q) => isFollowUp(q, places))).toEqual([]);
  });

  it("carry the earlier topic, replacing the place the earlier question named", () => {
    const history = [{ role: "user" as const, content: "What did inspectors say about missing children in Worcestershire?" }];
    expect(resolveFollowUp("and in Gloucestershire?", history, places)).toEqual({
      question: "What did inspectors say about missing children — in Gloucestershire?",
      followUp: true,
      own: "in Gloucestershire?",
    });
    expect(resolveFollowUp("What about caseloads?", [], places)).toEqual({ question: "What about caseloads?", followUp: false });
    // The council named after the place goes with it.
    const care = [{ role: "user" as const, content: "How many children were in the care of Worcestershire County Council?" }];
    expect(resolveFollowUp("and in Gloucestershire?", care, places).question).toBe("How many children were in the care of — in Gloucestershire?");
    // A year named in the follow-up replaces the years named before, as a place does.
    const rate = [{ role: "user" as const, content: "What was the vacancy rate for social workers in 2021/22?" }];
    expect(resolveFollowUp("and in 2023?", rate, places).question).toBe("What was the vacancy rate for social workers — in 2023?");
    // So does another name of the kind: a ward for a ward.
    const wards = (word: string) => ["Castlegate", "Northgate"].includes(word);
    const castlegate = [{ role: "user" as const, content: "How many fly-tipping incidents were there in Castlegate?" }];
    expect(resolveFollowUp("what about Northgate?", castlegate, places, wards).question).toBe("How many fly-tipping incidents were there — Northgate?");
    expect(resolveFollowUp("what about Northgate?", castlegate, places).question).toBe("How many fly-tipping incidents were there in Castlegate — Northgate?");
    // Turns that say nothing are passed over, not read as the earlier question.
    const blank = ["   ", "???", "thanks"].map((content) => ({ role: "user" as const, content }));
    expect(resolveFollowUp("and caseloads?", blank, places)).toEqual({ question: "and caseloads?", followUp: false });
    expect(resolveFollowUp("and caseloads?", [...history, ...blank], places).question).toBe("What did inspectors say about missing children in Worcestershire — caseloads?");
  });
});

describe("the synonym list", () => {
  it("is refused with a message naming the file and the problem when malformed or missing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "verbatim-synonyms-"));
    try {
      const bad = join(dir, "bad.json");
      await writeFile(bad, '{ "groups": [["a", "b"], ["only one"]] }');
      expect(() => loadSynonyms(bad)).toThrow(
        `The synonym list ${bad} has a malformed group 2: write two or more phrases, ["phrase", "other phrase"], or { "phrases": ["phrase"], "narrower": ["narrower phrase"] }.`,
      );
      await writeFile(bad, '{ "groups": [{ "phrases": ["judgement"] }] }');
      expect(() => loadSynonyms(bad)).toThrow(`The synonym list ${bad} has a malformed group 1`);
      await writeFile(bad, '{ "group": [] }');
      expect(() => loadSynonyms(bad)).toThrow(`The synonym list ${bad} must be { "groups": [["phrase", "other phrase"], …] }: Invalid input: expected array, received undefined`);
      const missing = join(dir, "missing.json");
      expect(() => loadSynonyms(missing)).toThrow(`Cannot read the synonym list ${missing}: ENOENT: no such file or directory, open '${missing}'`);
      const good = join(dir, "good.json");
      await writeFile(good, '{ "groups": [["Looked-after", "in care"], { "phrases": ["Judgement"], "narrower": ["Inadequate"] }] }');
      expect(loadSynonyms(good)).toEqual([
        { phrases: ["looked after", "in care"], narrower: [] },
        { phrases: ["judgement"], narrower: ["inadequate"] },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("paragraphs asked for by number", () => {
  it("are read from 'paragraph 5.12', 'para 4', 'paragraphs 12 and 13', and not from other numbers", () => {
    expect(paragraphsAsked("What does paragraph 5.12 say?")).toEqual(["5.12"]);
    expect(paragraphsAsked("Quote para 4 and para. 7")).toEqual(["4", "7"]);
    expect(paragraphsAsked("What do paragraphs 12 and 13 of the report say?")).toEqual(["12", "13"]);
    expect(paragraphsAsked("How many children were in care in 2016?")).toEqual([]);
  });

  it("are read from a minute's numbered paragraph, 'minute 68.2', but not from a meeting's minutes", () => {
    expect(paragraphsAsked("What does minute 68.2 say?")).toEqual(["68.2"]);
    expect(paragraphsAsked("Were the minutes 2023 approved?")).toEqual([]);
    expect(paragraphsAsked("What does minute 47 say?")).toEqual([]);
  });
});
