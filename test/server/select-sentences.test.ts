import { describe, expect, it } from "vitest";
import type { ScoredSentence } from "../../server/answer/score-sentences.js";
import { leadOf, selectSentences, withContext } from "../../server/answer/select-sentences.js";

/** A scored sentence with only what selection reads: its id, document, passage, text and score. */
function sentence(id: string, documentId: string, passageId: string, score: number, text = `Sentence ${id}.`): ScoredSentence {
  return {
    sentence: {
      id,
      documentId,
      passageId,
      listItem: false,
      tableRow: false,
      start: 0,
      end: text.length,
      section: [],
      paragraph: null,
      source: { title: documentId, publisher: "Ofsted", place: "Worcestershire", kind: "report", date: null },
      searchText: text,
      duplicateOf: null,
      row: 0,
    },
    coverage: 0,
    context: 0,
    dense: 0,
    passage: 0,
    fact: false,
    whole: false,
    header: false,
    score,
  };
}

const ids = (list: ScoredSentence[]) => list.map((s) => s.sentence.id);

describe("selectSentences", () => {
  const scored = [
    sentence("a1", "A", "a-p1", 1.0),
    sentence("a2", "A", "a-p2", 0.95),
    sentence("a3", "A", "a-p3", 0.9),
    sentence("b1", "B", "b-p1", 0.7),
    sentence("a4", "A", "a-p4", 0.68),
    sentence("b2", "B", "b-p1", 0.62),
    sentence("c1", "C", "c-p1", 0.58),
    sentence("a5", "A", "a-p5", 0.45),
  ];

  it("quotes every qualifying source's best sentence first, then the strongest of the rest wherever they are", () => {
    // C's best is under 0.6 of the best, so C is left out; B's weaker second waits behind A's strong ones.
    expect(ids(selectSentences(scored, { maxCitations: 4 }))).toEqual(["a1", "b1", "a2", "a3"]);
    // Nothing under half the best score is quoted.
    expect(ids(selectSentences(scored, { maxCitations: 10 }))).toEqual(["a1", "b1", "a2", "a3", "a4", "b2"]);
  });

  it("lets a further source join a figure, name or date answer only with a sentence that holds one", () => {
    const withFacts = scored.map((s) => (s.sentence.id === "a1" || s.sentence.id === "b2" ? { ...s, fact: true } : s));
    // B's best holds no fact, so B joins with its second, which does.
    expect(ids(selectSentences(withFacts, { maxCitations: 10, factsOnly: true }))).toEqual(["a1", "b2", "a2", "a3", "a4"]);
    expect(ids(selectSentences(withFacts, { maxCitations: 10, factsOnly: false }))).toEqual(["a1", "b1", "a2", "a3", "a4", "b2"]);
  });

  it("never chooses a table's header row alone, however well it scores", () => {
    const table = [sentence("h", "T", "t-p1", 1.0, "Action | Owner | Due"), sentence("r1", "T", "t-p1", 0.9, "Publish the plan | Dr Quilty | May"), sentence("r2", "T", "t-p1", 0.8)];
    table[0].header = true;
    expect(ids(selectSentences(table, { maxCitations: 10 }))).toEqual(["r1", "r2"]);
  });

  it("takes at most three sentences from one passage", () => {
    const onePassage = ["1", "2", "3", "4"].map((n, i) => sentence(`s${n}`, "A", "p", 1 - i * 0.01));
    expect(ids(selectSentences(onePassage, { maxCitations: 10 }))).toEqual(["s1", "s2", "s3"]);
  });

  it("quotes once what a source says twice in other words, but both of two sentences alike but for one word", () => {
    const report = [
      sentence("summary", "R", "r-p1", 1.0, "Caseloads of social workers, IROs, child protection chairs and personal advisers, although decreasing, remain too large."),
      sentence("body", "R", "r-p2", 0.9, "Social workers’, IROs’, child protection chairs’ and personal advisers’ caseloads, while decreasing, remain too large."),
      sentence("efficient", "R", "r-p3", 0.85, "How efficient is the fire and rescue service at keeping people safe and secure from fire and other risks?"),
      sentence("effective", "R", "r-p4", 0.8, "How effective is the fire and rescue service at keeping people safe and secure from fire and other risks?"),
      // Too short to be taken for a rewording, though every word of the first is the second's.
      sentence("rated", "R", "r-p5", 0.75, "We have also inspected resettlement, which is separately rated."),
      sentence("inadequate", "R", "r-p6", 0.7, "We have also inspected resettlement, which is separately rated as 'Inadequate'."),
    ];
    expect(ids(selectSentences(report, { maxCitations: 10 }))).toEqual(["summary", "efficient", "effective", "rated", "inadequate"]);
    // Another source saying the same is another finding, quoted too.
    const later = sentence("later", "S", "s-p1", 0.9, report[1].sentence.searchText);
    expect(ids(selectSentences([report[0], later], { maxCitations: 10 }))).toEqual(["summary", "later"]);
  });
});

/** The sentences of one passage, ids `${prefix}1`, `${prefix}2`…, and the neighbour lookup `withContext` reads. */
function passageOf(prefix: string, sentences: [text: string, score: number][]) {
  const list = sentences.map(([text, score], i) => sentence(`${prefix}${i + 1}`, prefix, prefix, score, text));
  return { list, neighbour: (s: ScoredSentence, step: -1 | 1) => list[list.indexOf(s) + step] };
}

describe("withContext", () => {
  const { list: passage, neighbour } = passageOf("s", [
    ["Caseloads are too high.", 0.9],
    ["Managers know this.", 0.1],
    ["Recruitment has begun.", 0.8],
    ["However, it is too early to see the effect.", 0.1],
    ["Agency staff cover the rest.", 0.1],
    ["This has cost more than planned.", 0.7],
  ]);
  const at = (...n: number[]) => n.map((i) => passage[i - 1]);

  it("adds the one after a quote that leans back on it, then the sentence between two quotes", () => {
    expect(ids(withContext(at(1, 3), neighbour, 10))).toEqual(["s1", "s3", "s4", "s2"]);
  });

  it("brings the sentence a quote opening 'This…' leans on", () => {
    expect(ids(withContext(at(6), neighbour, 10))).toEqual(["s6", "s5"]);
  });

  it("brings the sentence a count standing for what it named leans on, but does not bring the count after a quote", () => {
    const homes = passageOf("h", [
      ["The local authority operates 10 children's homes.", 0.1],
      ["All were judged to be good or outstanding in their most recent Ofsted inspection.", 0.9],
      ["All children in the homes were seen by inspectors.", 0.8],
      ["Two were rated outstanding.", 0.1],
    ]);
    expect(ids(withContext([homes.list[1]], homes.neighbour, 10))).toEqual(["h2", "h1"]);
    // "All children…" names what it counts; the count after it goes on to other things and is not brought.
    expect(ids(withContext([homes.list[2]], homes.neighbour, 10))).toEqual(["h3"]);
  });

  it("brings the sentence naming whom a quote opening 'He…' or 'She…' speaks of, but not before 'His Majesty's Inspectors…'", () => {
    const { list, neighbour } = passageOf("h", [
      ["Dr Emeka Haverford declared an interest in item 36/17.", 0.4],
      ["He remained in the meeting but did not take part.", 0.9],
      ["His Majesty's Inspectors for this visit were Helen Cardew and Tobias Fenn.", 0.8],
    ]);
    expect(ids(withContext([list[1]], neighbour, 10))).toEqual(["h2", "h1"]);
    expect(ids(withContext([list[2]], neighbour, 10))).toEqual(["h3"]);
  });

  it("brings the sentence that a quote opening 'Six of those…' or 'Of this, …' counts from", () => {
    const { list, neighbour } = passageOf("f", [
      ["The council placed 40 households in bed and breakfast.", 0.3],
      ["Of these, 14 were families.", 0.5],
      ["Six of those families had been there for more than six weeks.", 0.9],
      ["Of the 40 placements, most were in the town.", 0.8],
    ]);
    expect(ids(withContext([list[2]], neighbour, 10))).toEqual(["f3", "f2", "f1"]);
    // "Of the 40 placements" counts from nothing before it.
    expect(ids(withContext([list[3]], neighbour, 10))).toEqual(["f4"]);
  });

  it("quotes a table row under its header row, however many rows down, and the header under the table's caption", () => {
    const { list, neighbour } = passageOf("t", [
      ["Table 1: Households in temporary accommodation", 0.2],
      ["Type | Q1 | Q2", 0.3],
      ["Hostel | 38 | 40", 0.4],
      ["Bed and breakfast | 9 | 17", 0.4],
      ["Total | 83 | 101", 0.9],
    ]);
    for (const row of list.slice(1)) row.sentence.tableRow = true;
    // A table whose first row is data, not a header, has nothing to bring.
    expect(ids(withContext([list[4]], neighbour, 10))).toEqual(["t5"]);
    // Under a header, with the caption above it, which says what the columns are of.
    list[1].header = true;
    expect(ids(withContext([list[4]], neighbour, 10))).toEqual(["t5", "t2", "t1"]);
  });

  it("quotes a question the document asks with its answer, or not at all", () => {
    const { list, neighbour } = passageOf("q", [
      ["Question 3: How many potholes were reported?", 0.9],
      ["Answer: 11,206 potholes were reported in 2022/23.", 0.4],
    ]);
    expect(ids(withContext([list[0]], neighbour, 10))).toEqual(["q1", "q2"]);
    const alone = passageOf("a", [["Does the council have clear strategic direction?", 0.9]]);
    expect(ids(withContext([alone.list[0]], alone.neighbour, 10))).toEqual([]);
  });

  it("leaves out a quote whose context would not fit, and fills gaps only with room to spare", () => {
    // s6 needs s5 and would make five; the gap s2 would make four.
    expect(ids(withContext(at(1, 3, 6), neighbour, 3))).toEqual(["s1", "s3", "s4"]);
    // s3 needs s4 and would make three.
    expect(ids(withContext(at(1, 3), neighbour, 2))).toEqual(["s1"]);
  });

  it("leaves a gap of more than one sentence alone", () => {
    expect(ids(withContext(at(1, 5), neighbour, 10))).toEqual(["s1", "s5", "s6"]);
  });

  it("quotes what a colon introduces with it, and leaves out a colon whose sequel is not there", () => {
    const { list, neighbour } = passageOf("c", [
      ["Inspectors identified the following area for priority action:", 0.9],
      ["This is to improve the quality of plans for children.", 0.1],
      ["The panel is asked to:", 0.8],
    ]);
    expect(ids(withContext([list[0]], neighbour, 10))).toEqual(["c1", "c2"]);
    // c3 ends the passage: alone it says nothing.
    expect(ids(withContext([list[2]], neighbour, 10))).toEqual([]);
    // c2 leans back on c1, which brings c2 in turn; c3 would have to bring a sequel that is not there.
    expect(ids(withContext([list[1], list[2]], neighbour, 10))).toEqual(["c2", "c1"]);
  });

  it("brings a list item's lead-in, however many items back, and nothing for a lower-case line that is no item", () => {
    const { list, neighbour } = passageOf("l", [
      ["The proportion of children entitled to free school meals:", 0.1],
      ["in primary schools is 12.3% (the national average is 15.2%)", 0.1],
      ["in secondary schools is 10.7% (the national average is 13.2%)", 0.9],
      ["Children's homes are good.", 0.1],
      ["ofsted rated them in 2016.", 0.8],
    ]);
    // The item between them fills the gap, as any single-sentence gap does.
    expect(ids(withContext([list[2]], neighbour, 10))).toEqual(["l3", "l1", "l2"]);
    expect(ids(withContext([list[4]], neighbour, 10))).toEqual(["l5"]);
  });

  it("brings, for a question after a fact, the sentence before a quote without one when that sentence holds it", () => {
    const { list, neighbour } = passageOf("f", [
      ["The previous inspection was in October 2010.", 0.1],
      ["The local authority was judged to be inadequate.", 0.9],
    ]);
    list[0].fact = true;
    expect(ids(withContext([list[1]], neighbour, 10, true))).toEqual(["f2", "f1"]);
    // A general question takes the quote alone; so does a fact question when the quote holds the fact itself.
    expect(ids(withContext([list[1]], neighbour, 10))).toEqual(["f2"]);
    list[1].fact = true;
    expect(ids(withContext([list[1]], neighbour, 10, true))).toEqual(["f2"]);

    // A lead-in's matter follows it: it brings its list, not the figure before it.
    const lead = passageOf("g", [
      ["Some 710 children were looked after.", 0.1],
      ["The proportion of children entitled to free school meals:", 0.9],
      ["in primary schools is 12.3%", 0.1],
    ]);
    lead.list[0].fact = true;
    lead.list[2].fact = true;
    expect(ids(withContext([lead.list[1]], lead.neighbour, 10, true))).toEqual(["g2", "g3"]);
  });


  it("brings, for a question after a fact, a cover's run of short labelled facts above a quote, but not a run of long labelled lines", () => {
    const cover = passageOf("c", [
      ["Worcestershire County Council", 0.1],
      ["Inspection date: 24 October 2016 to 17 November 2016", 0.1],
      ["Report published: 24 January 2017", 0.1],
      ["Children's services in Worcestershire are inadequate", 0.9],
    ]);
    for (const s of cover.list) s.fact = /\d{4}/.test(s.sentence.searchText);
    expect(ids(withContext([cover.list[3]], cover.neighbour, 10, true))).toEqual(["c4", "c3", "c2"]);

    // Recommendations are labelled too, but each says something of its own: only the fact just before comes.
    const recommendations = passageOf("r", [
      ["Recommendation 6: Commission an annual inspection of every bed and breakfast establishment used by the Council by 2025.", 0.1],
      ["Recommendation 7: Review the staffing of the Housing Options service, where caseloads averaged 58 households per officer.", 0.1],
      ["Recommendation 8: Work with residents to establish a panel of people with lived experience of homelessness.", 0.9],
    ]);
    recommendations.list[0].fact = true;
    recommendations.list[1].fact = true;
    expect(ids(withContext([recommendations.list[2]], recommendations.neighbour, 10, true))).toEqual(["r3", "r2"]);
  });
  it("quotes once a sentence the document says twice, word for word", () => {
    const { list, neighbour } = passageOf("r", [
      ["Recruitment has begun.", 0.9],
      ["These changes have led to early improvements.", 0.1],
      ["A new manager started in May.", 0.8],
      ["These changes have led to early improvements.", 0.1],
    ]);
    expect(ids(withContext([list[0], list[2]], neighbour, 10))).toEqual(["r1", "r2", "r3"]);
  });

  it("takes a 'However, …' only for the quote itself, not for the sentence after it", () => {
    const { list, neighbour } = passageOf("h", [
      ["Caseloads have fallen.", 0.9],
      ["However, some remain high.", 0.1],
      ["These are in the assessment teams.", 0.1],
    ]);
    expect(ids(withContext([list[0]], neighbour, 10))).toEqual(["h1", "h2"]);
  });
});

describe("leadOf", () => {
  const fact = (s: ScoredSentence, coverage = 0.5) => ({ ...s, fact: true, coverage });
  it("leads with the best-scoring quote that holds the fact, not the first source's", () => {
    // Selection puts each source's best first: A's best holds no figure, B's best does, but A's second scores higher.
    const a1 = sentence("a1", "A", "a-p1", 0.95);
    const b1 = fact(sentence("b1", "B", "b-p1", 0.73));
    const a2 = fact(sentence("a2", "A", "a-p1", 0.94));
    const selected = [a1, b1, a2];
    expect(leadOf(selected, selected)?.sentence.id).toBe("a2");
  });

  it("passes over a fact sharing no word with the question, and one left out of the answer", () => {
    const loose = fact(sentence("a1", "A", "a-p1", 0.9), 0);
    const dropped = fact(sentence("b1", "B", "b-p1", 0.8));
    const kept = fact(sentence("c1", "C", "c-p1", 0.7));
    expect(leadOf([loose, dropped, kept], [loose, kept])?.sentence.id).toBe("c1");
    expect(leadOf([loose], [loose])).toBe(undefined);
    // A name in a passage about the question leads though the sentence shares no word with it.
    const inPassage = { ...loose, context: 0.5 };
    expect(leadOf([inPassage], [inPassage])?.sentence.id).toBe("a1");
  });

  it("prefers a fact holding every subject of the question to a better-scoring one holding part", () => {
    // "How many children are in care?": "63 children live more than 20 miles away" scores higher than "412 children were in care".
    const part = fact(sentence("a1", "A", "a-p1", 0.9));
    const whole = { ...fact(sentence("a2", "A", "a-p2", 0.8)), whole: true };
    const wholeWorse = { ...fact(sentence("b1", "B", "b-p1", 0.7)), whole: true };
    expect(leadOf([part, whole, wholeWorse], [part, whole, wholeWorse])?.sentence.id).toBe("a2");
    expect(leadOf([part, wholeWorse], [part, wholeWorse])?.sentence.id).toBe("b1");
    // A whole sentence without the fact does not lead.
    const noFact = { ...sentence("c1", "C", "c-p1", 0.95), whole: true, coverage: 0.5 };
    expect(leadOf([noFact, part], [noFact, part])?.sentence.id).toBe("a1");
  });
});
