import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ask, retrieve, type Engine } from "../../server/answer/ask.js";
import type { AskResponse } from "../../server/http/schemas.js";
import { createApp } from "../../server/app.js";
import { loadQuestionSet, QUESTION_SETS, SHARED_SEEDS } from "../../eval/question-set.js";
import { seedEngine } from "../helpers/engine.js";

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});
afterAll(async () => {
  await engine.embedder.close();
});

const REPORT = "2017-01-24-ofsted-worcestershire-inspection-report";
const AGENDA = "2017-10-24-worcestershire-scrutiny-panel-agenda";
const GLOUCESTERSHIRE = "2018-06-08-ofsted-gloucestershire-monitoring-visit-3";

/** Each group of the answer as "documentId#appendix", in the order the answer gives them. */
function groups(answer: AskResponse): string[] {
  const keys = answer.citations.map((c) => `${c.documentId}#${c.within?.label ?? ""}`);
  return keys.filter((k, i) => keys.indexOf(k) === i);
}

describe("the seed documents' own wording", () => {
  it("shortens only the acronyms whose endings the documents keep for them", () => {
    expect(Object.fromEntries(engine.facts.shortForms)).toEqual({
      lscb: "safeguard children board",
      iro: "review offic",
      marac: "agenc risk assess confer",
      plo: "law outlin",
      camhs: "adolesc mental health servic",
      hwb: "wellb board",
      wsab: "safeguard adult board",
      macfa: "agenc case file audit",
      cdop: "death overview panel",
      ffd: "front door",
      // The Children in Care Council (CiCC), an acronym in mixed case.
      cicc: "care council",
    });
    // "Director of Children's Services" (DCS) is not shortened: most "children's services" are not his title.
    expect(engine.index.acronyms.dcs).toBe("director of children services");
  });
});

describe("answers from the seed documents", () => {
  it("cites every document that discusses missing children, grouped by source in date order", async () => {
    const answer = await ask(engine, { question: "What did inspectors say about children who go missing from home or care?" });
    expect(answer.abstained).toBe(false);
    const order = groups(answer);
    expect(order).toEqual(expect.arrayContaining([`${REPORT}#`, `${AGENDA}#Appendix 1`, `${GLOUCESTERSHIRE}#`]));
    // Groups never interleave, and their dates never go backwards.
    const dates = order.map((g) => answer.citations.find((c) => `${c.documentId}#${c.within?.label ?? ""}` === g)!.date!);
    expect(dates).toEqual([...dates].sort());
    const keysInOrder = answer.citations.map((c) => `${c.documentId}#${c.within?.label ?? ""}`);
    expect(keysInOrder).toEqual(order.flatMap((g) => keysInOrder.filter((k) => k === g)));
    expect(answer.answer.split("\n")[0]).toBe(`Found in ${order.length} documents (2017–2018).`);
  });

  it("quotes a sentence opening 'This…' after the one it leans on, though a long paragraph was cut between passages there", async () => {
    const answer = await ask(engine, { question: "What did inspectors say about return home interviews?" });
    const quotes = answer.citations.map((c) => c.quote);
    const leaning = quotes.findIndex((q) => q.startsWith("This is starting to support an increased understanding"));
    const leanedOn = engine.index.sentences.find((s) => s.searchText === "An increased number of children are now provided with an interview.")!;
    const leaningSentence = engine.index.sentences.find((s) => s.searchText.startsWith("This is starting to support an increased understanding"))!;
    // The two sit in different passages of the same numbered paragraph.
    expect([leanedOn.passageId === leaningSentence.passageId, leanedOn.paragraph === leaningSentence.paragraph]).toEqual([false, true]);
    expect(quotes[leaning - 1]).toBe("An increased number of children are now provided with an interview.");
  });

  it("cites a letter inside the agenda pack as that letter, with its own date", async () => {
    const answer = await ask(engine, { question: "What did inspectors say about children who go missing from home or care?" });
    const fromLetter = answer.citations.find((c) => c.within?.label === "Appendix 1")!;
    expect(fromLetter).toMatchObject({
      documentId: AGENDA,
      documentTitle: "Monitoring visit of Worcestershire children's services",
      publisher: "Ofsted",
      date: "2017-10-12",
      within: { documentId: AGENDA, label: "Appendix 1", title: "Children and Families Overview and Scrutiny Panel agenda, 24 October 2017" },
    });
  });

  it("leads a numeric answer with the sentence that holds the figure", async () => {
    const answer = await ask(engine, { question: "What percentage of children received a return home interview in July 2017?" });
    expect(answer.citations[0].quote).toBe(
      "In July 2017, only 61% of children received a return home interview after going missing, and only 24% received their interview within 72 hours of their return.",
    );
    expect(answer.answer).toContain("> In July 2017, only 61% of children received a return home interview");
  });

  it("leads with a figure from a list after the list's lead-in, which a list item cannot go without", async () => {
    const answer = await ask(engine, { question: "How many children in Worcestershire get free school meals?" });
    expect(answer.citations.slice(0, 3).map((c) => c.quote)).toEqual([
      "The proportion of children entitled to free school meals:",
      "in primary schools is 12.3% (the national average is 15.2%)",
      "in secondary schools is 10.7% (the national average is 14.1%).",
    ]);
    // A bulleted item that opens with its figure is an item too, however many items below its lead-in;
    // and "Of this number:" leans on the number, two sentences back. The item that answers comes
    // straight under the lead-in, the list's other items after it.
    const foster = await ask(engine, { question: "How many looked after children in Worcestershire live with foster families?" });
    expect(foster.citations.slice(0, 6).map((c) => c.quote)).toEqual([
      "At 23 October 2016, 710 children were being looked after by the local authority (a rate of 62 per 10,000 children).",
      "This is an increase from 694 (60 per 10,000 children) at 31 March 2016.",
      "Of this number:",
      "512 live with foster families, of whom 81 live out of the authority area",
      "49 live with parents, of whom 10 live out of the authority area",
      "73 live in residential children's homes, of whom 37 live out of the authority area",
    ]);
  });

  it("opens each document's quotes with its best, the rest in the document's order", async () => {
    const answer = await ask(engine, { question: "Are social workers' caseloads too high? What did each inspection find about caseloads?" });
    const firsts = answer.citations.filter((c, i) => i === 0 || answer.citations[i - 1].documentId !== c.documentId).map((c) => c.quote);
    expect(firsts.slice(0, 2)).toEqual([
      "Many social workers carry caseloads that are too high and include too many cases involving high risk and complexity.",
      "A third of social workers in the initial response teams hold caseloads of over 30 children.",
    ]);
    const report = answer.citations.filter((c) => c.documentId === "2017-01-24-ofsted-worcestershire-inspection-report");
    // After the best and the sentence that goes on from it, the rest keep the document's order.
    const rest = report.slice(2).map((c) => c.start);
    expect(rest).toEqual([...rest].sort((a, b) => a - b));
  });

  it("reads a paragraph asked for by number whole, from every document that numbers one so, and says when none does", async () => {
    const answer = await ask(engine, { question: "What do paragraphs 3 and 4 say?", filters: { documentIds: [AGENDA] } });
    expect(answer.citations.map((c) => [c.paragraph, c.quote.slice(0, 40)])).toEqual([
      ["3", "On 24 January 2017, Ofsted published the"],
      ["4", "The overall judgement for Worcestershire"],
      ["4", "This was a very disappointing judgement "],
    ]);
    expect(await ask(engine, { question: "What does paragraph 99.9 say?" })).toMatchObject({ abstained: true, reason: "No document searched has a paragraph numbered 99.9.", citations: [] });
    // Filters that leave nothing to search are the reason, whatever the question names.
    expect((await ask(engine, { question: "What does paragraph 4 say?", filters: { places: ["Herefordshire"] } })).reason).toBe(
      'No document\'s place is "Herefordshire"; the documents\' places are Gloucestershire and Worcestershire.',
    );
  });

  it("leads with the figure asked for, not the bulleted finding above it, which has no lead-in to share", async () => {
    const answer = await ask(engine, { question: "How many Worcestershire children were on child protection plans in autumn 2016, and how had that changed since March 2016?" });
    expect(answer.citations.slice(0, 2).map((c) => c.quote)).toEqual([
      "At 23 October 2016, 354 children and young people were the subject of a child protection plan.",
      "This is a decrease from 473 at 31 March 2016.",
    ]);
  });

  it("quotes a judgement without a date, in a question after a date, with the sentence before that dates it", async () => {
    const answer = await ask(engine, { question: "When was Worcestershire judged inadequate?" });
    const judged = answer.citations.findIndex((c) => c.quote === "The local authority was judged to be inadequate.");
    expect(answer.citations[judged - 1].quote).toBe("The previous inspection of the local authority's services for safeguarding and children looked after was in October 2010.");
    // The report's headline judgement comes with both of its cover's dates, in the cover's order.
    const headline = answer.citations.findIndex((c) => c.quote.startsWith("Children's services in Worcestershire are inadequate"));
    expect(answer.citations.slice(headline - 2, headline).map((c) => c.quote)).toEqual(["Inspection date: 24 October 2016 to 17 November 2016", "Report published: 24 January 2017"]);
  });

  it("answers a question after a name from the sources that name someone, leading with the one asked about", async () => {
    const answer = await ask(engine, { question: "Who carried out Ofsted's July 2018 monitoring visit to Worcestershire?" });
    expect(answer.citations[0].quote).toBe(
      "The visit was carried out by Andrew Waugh and John Roughton, Her Majesty's Inspectors and Lee-Anne Farach, Ofsted Inspector.",
    );
    // Its letter leads; the other letters' statutory preambles ("carried out under section 136…")
    // name nobody and stay out.
    expect(groups(answer)).toEqual(["2018-08-03-ofsted-worcestershire-monitoring-visit-5#", `${AGENDA}#Appendix 1`]);
  });

  it("quotes a presenter's name and role from the title slide", async () => {
    const answer = await ask(engine, { question: "Who is Tina Russell?" });
    expect(answer.citations.map((c) => [c.quote, c.within?.label])).toEqual([["Tina Russell\n\nAssistant Director Safeguarding", "Appendix 2"]]);
    // Cited as the presentation itself: the pack's "Appendix 2: Presentation…" heading is not its section.
    expect(answer.citations[0].section).toEqual(["WORCESTERSHIRE CHILDREN'S SOCIAL CARE"]);
  });

  it("abstains, citing nothing, when a question names a place no document mentions", async () => {
    const answer = await ask(engine, { question: "What did Ofsted find when it inspected Herefordshire's children's services?" });
    expect(answer).toMatchObject({ abstained: true, reason: "No document mentions Herefordshire.", answer: "No document mentions Herefordshire.", citations: [] });
    expect(answer.related).toBeUndefined();
  });

  it("says when a name is written only where nothing is said: a letter's address, a letterhead", async () => {
    // Dr Catherine Driscoll is the addressee of the 2018 letter; Bristol is in Ofsted's 2010 letterhead.
    expect(await ask(engine, { question: "Who is Catherine Driscoll?" })).toMatchObject({
      abstained: true,
      reason: "Catherine Driscoll appears only in a letter's address or a letterhead, header or footer, not in what any document says.",
      citations: [],
    });
    expect((await ask(engine, { question: "What did inspectors find in Bristol and Herefordshire?" })).reason).toBe(
      "No document mentions Herefordshire. Bristol appears only in a letter's address or a letterhead, header or footer, not in what any document says.",
    );
    // Names side by side are one name, in the reason as in the question.
    expect((await ask(engine, { question: "What did Jane Smithers find?" })).reason).toBe("No document mentions Jane Smithers.");
  });

  it("suggests the name an unknown one was probably meant for: a shortening, an abbreviation or a near spelling", async () => {
    const reason = async (question: string) => (await ask(engine, { question })).reason;
    // Gloucester is in the address of Ofsted's letter to Gloucestershire, and nowhere else.
    expect(await reason("What did Ofsted say about Gloucester?")).toBe(
      "Gloucester appears only in a letter's address or a letterhead, header or footer, not in what any document says. Did you mean Gloucestershire?",
    );
    expect(await reason("What about Worcs?")).toBe("No document mentions Worcs. Did you mean Worcestershire?");
    expect(await reason("What did inspectors say about Worcestshire and Wales?")).toBe("No document mentions Worcestshire or Wales. Did you mean Worcestershire?");
    expect(await reason("What does the FDD do?")).toBe("No document mentions FDD. Did you mean FFD?");
  });

  it("abstains when no document uses any of the question's subject words, naming them as typed", async () => {
    expect((await ask(engine, { question: "what did ofsted find in herefordshire?" })).reason).toBe("No document mentions herefordshire.");
    expect((await ask(engine, { question: "missin childen" })).reason).toBe("No document mentions missin or childen.");
    expect(await ask(engine, { question: "What is the recipe for chocolate cake?" })).toMatchObject({ abstained: true, reason: "No document mentions recipe, chocolate or cake.", citations: [] });
    // One subject word the documents use is enough to search: "kit" is not theirs, "social workers" is.
    expect((await ask(engine, { question: "What kit are social workers given?" })).abstained).toBe(false);
    // But not when most of the subject is words no document uses: "points" alone is theirs.
    expect((await ask(engine, { question: "How many electric vehicle charging points does Worcestershire have?" })).reason).toBe("No document mentions electric, vehicle or charging.");
    expect((await ask(engine, { question: "Is Worcestershire leaning too heavily on temp agency social workers?" })).abstained).toBe(false);
  });

  it("abstains on a body the question names that no document does, though each of its words is theirs", async () => {
    expect(await ask(engine, { question: "What did the Care Quality Commission say about Worcestershire?" })).toMatchObject({
      abstained: true,
      reason: "No document mentions Care Quality Commission.",
      citations: [],
    });
    expect((await ask(engine, { question: "What did Worcestershire Health and Care NHS Trust do for care leavers?" })).abstained).toBe(false);
  });

  it("matches an acronym case and all, and a quoted phrase word for word", async () => {
    expect((await ask(engine, { question: "How many SEND tribunal appeals were lodged against Worcestershire County Council?" })).reason).toBe("No document mentions SEND.");
    expect((await ask(engine, { question: "How much is the 'golden hello' payment for social workers?" })).reason).toBe('No document mentions "golden hello".');
    expect((await ask(engine, { question: "What is the 'toxic trio'?" })).abstained).toBe(false);
  });

  it("answers a question typed in capitals as it answers the same question in sentence case", async () => {
    const question = "What has Ofsted said about Worcestershire's FFD?";
    const shouted = await ask(engine, { question: question.toUpperCase() });
    const plain = await ask(engine, { question });
    expect(shouted.abstained).toBe(false);
    expect(groups(shouted)).toEqual(groups(plain));
    // Its place still filters: every source is Worcestershire's.
    expect(new Set(shouted.citations.map((c) => c.documentId)).has(GLOUCESTERSHIRE)).toBe(false);
    expect((await ask(engine, { question: "WHAT DID INSPECTORS SAY ABOUT MISSING CHILDREN?" })).abstained).toBe(false);
    // A follow-up in capitals keeps its place as a filter.
    const followUp = await ask(engine, { question: "AND IN GLOUCESTERSHIRE?", history: [{ role: "user", content: "WHAT DID INSPECTORS SAY ABOUT CHILDREN WHO GO MISSING?" }] });
    expect(followUp.interpretedAs).toBe("what did inspectors say about children who go missing — in Gloucestershire?");
    expect(new Set(followUp.citations.map((c) => c.documentId))).toEqual(new Set([GLOUCESTERSHIRE]));
  });

  it("says a question of question words and punctuation has nothing to search for, offering nothing", async () => {
    for (const question of ["???", "Why?", "what is the and of it"]) {
      const answer = await ask(engine, { question });
      expect(answer).toMatchObject({ abstained: true, reason: 'The question names nothing to search for. Ask a question in words, such as "What do the documents say about staffing?".', citations: [] });
      expect(answer.related).toBeUndefined();
    }
  });

  it("takes thanks or a greeting as a reply: it searches nothing, and the next follow-up still carries on the question", async () => {
    const first = "What did inspectors say about children who go missing?";
    const reply = 'That reads as a reply, not a question, so nothing was searched. Ask a question in words, such as "What do the documents say about staffing?".';
    // The letters do thank their readers ("I would like to thank all of the staff…"), but nobody asked about that.
    expect(await ask(engine, { question: "Thanks!" })).toMatchObject({ abstained: true, reason: reply, citations: [] });
    for (const question of ["ok", "great, thank you very much"]) {
      const answer = await ask(engine, { question, history: [{ role: "user", content: first }] });
      expect(answer).toMatchObject({ abstained: true, reason: reply, citations: [] });
      expect(answer.interpretedAs).toBeUndefined();
    }
    const next = await ask(engine, { question: "and in Gloucestershire?", history: [{ role: "user", content: first }, { role: "user", content: "thanks" }] });
    expect(next.interpretedAs).toBe("What did inspectors say about children who go missing — in Gloucestershire?");
    // Thanking is still a subject when a question asks about it.
    expect((await ask(engine, { question: "Who did the inspectors thank?" })).abstained).toBe(false);
  });

  it("abstains when a question asks about a year no document covers", async () => {
    const answer = await ask(engine, { question: "What rating did Ofsted give Worcestershire children's services at its 2022 inspection?" });
    expect(answer).toMatchObject({ abstained: true, reason: "The documents date from 2010 to 2018; none covers 2022.", citations: [] });
  });

  it("abstains when the best evidence is weak, offering nearby passages apart from any answer", async () => {
    // Worcestershire's figure is in the documents; Gloucestershire's is not.
    const answer = await ask(engine, { question: "What percentage of Gloucestershire's care leavers are not in education, employment or training?" });
    expect(answer.abstained).toBe(true);
    expect(answer.reason).toBe("The documents do not answer this question.");
    expect(answer.citations).toEqual([]);
    expect(answer.related?.length).toBe(3);
  });

  it("abstains on what a meeting decided when every source that names it was written before it", async () => {
    const answer = await ask(engine, { question: "What did the Children and Families Overview and Scrutiny Panel decide at its meeting on 24 October 2017?" });
    expect(answer).toMatchObject({ abstained: true, reason: "The documents do not answer this question.", citations: [] });
  });

  it("understands a follow-up question from the conversation", async () => {
    const first = "What did inspectors say about children who go missing?";
    const answer = await ask(engine, {
      question: "and in Gloucestershire?",
      history: [
        { role: "user", content: first },
        { role: "assistant", content: "Found in 4 documents (2017–2018)." },
      ],
    });
    expect(answer.interpretedAs).toBe("What did inspectors say about children who go missing — in Gloucestershire?");
    expect(answer.abstained).toBe(false);
    expect(new Set(answer.citations.map((c) => c.documentId))).toEqual(new Set([GLOUCESTERSHIRE]));
    expect(answer.citations.some((c) => c.quote.includes("missing children"))).toBe(true);

    // A follow-up with a subject of its own asks about that subject; the earlier one is only the setting.
    const history = [{ role: "user" as const, content: first }];
    const caseloads = await ask(engine, { question: "What about caseloads?", history });
    expect(caseloads.interpretedAs).toBe("What did inspectors say about children who go missing — caseloads?");
    expect(caseloads.citations[0].quote).toMatch(/^Many social workers carry caseloads that are too high/);
    const about = (word: RegExp) => caseloads.citations.filter((c) => word.test(c.quote)).length;
    expect(about(/caseload/i)).toBeGreaterThan(about(/missing/i));
    // One that says something of the earlier subject keeps it the subject: "working" is no new topic.
    const working = await ask(engine, { question: "is it working?", history: [{ role: "user", content: "What is the FFD?" }] });
    expect(working.interpretedAs).toBe("What is the FFD — is it working?");
    expect(working.citations[0].quote).toMatch(/^The implementation of a single point of contact at the 'family front door' in July 2016/);
    expect(new Set(working.citations.map((c) => c.documentId))).toEqual(new Set([REPORT, AGENDA]));
    // A word no document uses is no new subject: "and the percentage?" stays with the earlier one.
    const percentage = await ask(engine, { question: "And the percentage?", history });
    expect(percentage).toMatchObject({ abstained: false, interpretedAs: "What did inspectors say about children who go missing — the percentage?" });
    expect(percentage.citations[0].quote).toBe("In July 2017, only 61% of children received a return home interview after going missing, and only 24% received their interview within 72 hours of their return.");
    // A whole question of its own, however short, is not read into the one before.
    const dragons = await ask(engine, { question: "What did Ofsted say about dragons?", history });
    expect(dragons).toMatchObject({ abstained: true, reason: "No document mentions dragons.", citations: [] });
    expect(dragons.interpretedAs).toBeUndefined();
  });

  it("reads whom a question asks to have spoken as where to look, and a place typed in lower case as the place", async () => {
    const MISSING = "The local authority has in place effective systems for monitoring performance in relation to missing children.";
    for (const question of ["What did inspectors say about missing children in Gloucestershire?", "what did inspectors say about missing children in gloucestershire?"]) {
      const answer = await ask(engine, { question });
      expect(new Set(answer.citations.map((c) => c.documentId))).toEqual(new Set([GLOUCESTERSHIRE]));
      // Not "The inspectors were Nicola Bennett and Kate Malleson…", which says "inspectors" but nothing of missing children.
      expect(answer.citations[0].quote).toBe(MISSING);
    }
    const { query } = await retrieve(engine, { question: "what has the inspector found about caseloads?" });
    expect(query.concepts.map((c) => [c.alternatives[0].join(" "), c.metadata])).toEqual([
      ["caseload", false],
      ["inspector", true],
    ]);
    // "The council" is a publisher's word, though the synonym list gives it other wordings ("local authority"): where to look.
    const council = await retrieve(engine, { question: "How is the council responding to neglect?" });
    expect(council.query.concepts.map((c) => [c.alternatives[0].join(" "), c.metadata])).toEqual([
      ["council", true],
      ["respond", false],
      ["neglect", false],
    ]);
    expect(council.scored[0].sentence.searchText).toBe("However, some children's cases, particularly those that include chronic neglect, come too late to the court.");
    // Asked of the speaker alone, the speaker is the subject.
    const alone = await retrieve(engine, { question: "What did the inspectors say?" });
    expect(alone.query.concepts.map((c) => [c.alternatives[0].join(" "), c.metadata])).toEqual([["inspector", false]]);
    expect(Object.fromEntries(engine.facts.properPlaces)).toEqual({ gloucestershire: "Gloucestershire", worcestershire: "Worcestershire" });
  });

  it("answers who held a role from the document the rest of the question names, though the list naming them shares no other word with it", async () => {
    const answer = await ask(engine, {
      question: "When did the Children and Families Overview and Scrutiny Panel meet to consider the monitoring visit feedback, and who chaired the panel?",
    });
    expect(answer.citations.slice(0, 2).map((c) => c.quote)).toEqual([
      "Mrs F M Oborski (Chairman), Mrs J A Potter (Vice Chairman), Ms P Agar, Mr R W Banks, Ms R L Dent, Ms P A Hill, Mr S M Mackay, Ms T L Onslow and Ms S A Webb",
      "Children and Families Overview and Scrutiny Panel Tuesday, 24 October 2017, 10.00 am, County Hall, Worcester",
    ]);
  });

  it("answers what a publisher said from what it wrote, a letter inside another's pack included, not from papers reporting it", async () => {
    const sources = (answer: AskResponse) => [...new Set(answer.citations.map((c) => `${c.documentId}#${c.within?.label ?? ""} ${c.publisher}`))];
    const ofsted = await ask(engine, { question: "What has Ofsted said about Worcestershire's Family Front Door?" });
    expect(sources(ofsted)).toEqual([`${REPORT}# Ofsted`, `${AGENDA}#Appendix 1 Ofsted`]);
    expect(ofsted.citations.map((c) => c.quote)).toContain("The implementation of a single point of contact at the 'family front door' in July 2016 is starting to demonstrate some very early signs of improvement.");
    const council = await ask(engine, { question: "What did Worcestershire County Council say about the Family Front Door?" });
    expect(sources(council)).toEqual([`${AGENDA}# Worcestershire County Council`, `${AGENDA}#Appendix 2 Worcestershire County Council`]);
  });

  it("answers a question that names only a kind of document and a month from what it names, written from that month on, one about a year from sources dated in or mentioning it, and one about change since a year from sources written since", async () => {
    // Nothing but metadata: "since May 2016" covers the month's name alone, and is no answer.
    const keywords = await ask(engine, { question: "monitoring visit May 2018" });
    expect(keywords.citations.some((c) => c.documentId === REPORT)).toBe(false);
    // What a visit in May 2018 found, only a source written from May 2018 on can say.
    const answer = await ask(engine, { question: "What did the monitoring visit in May 2018 find?" });
    expect(groups(answer)).toEqual([`${GLOUCESTERSHIRE}#`, "2018-08-03-ofsted-worcestershire-monitoring-visit-5#"]);
    expect(answer.citations[0].quote).toBe("This letter summarises the findings of the monitoring visit to Gloucestershire children's services on 15 May 2018.");
    // Nor can a letter of 2010 speak of 2018, which the agenda of 2017 does ("likely to be scheduled … during February 2018").
    const in2018 = await ask(engine, { question: "caseloads in 2018" });
    expect(in2018.citations[0].quote).toMatch(/^The reduction in social workers' average caseloads/);
    expect(in2018.citations.filter((c) => c.date! < "2017")).toEqual([]);
    // What inspectors said in 2018, only a source written from 2018 on can say.
    const said2018 = await ask(engine, { question: "What did inspectors say about caseloads in 2018?" });
    expect(said2018.citations[0].quote).toBe("The majority of social workers now have manageable caseloads.");
    expect(said2018.citations.filter((c) => c.date! < "2018")).toEqual([]);
    const gloucestershire2010 = await ask(engine, { question: "What did inspectors say about missing children in Gloucestershire in 2010?" });
    expect(gloucestershire2010).toMatchObject({ abstained: true, reason: "No document about Gloucestershire is dated in or mentions 2010.", citations: [] });
    // Nor can a letter of 2010 say how things went "since 2016".
    const since = await ask(engine, { question: "Has Worcestershire improved since 2016?" });
    expect(since.abstained).toBe(false);
    expect(since.citations.filter((c) => c.date! < "2016")).toEqual([]);
  });

  it("says which filter leaves nothing to search, beside the values the documents have", async () => {
    const reason = async (request: Parameters<typeof ask>[1]) => {
      const answer = await ask(engine, request);
      expect(answer.citations).toEqual([]);
      return answer.reason;
    };
    const question = "What did inspectors say about missing children?";
    expect(await reason({ question, filters: { places: ["Herefordshire"] } })).toBe('No document\'s place is "Herefordshire"; the documents\' places are Gloucestershire and Worcestershire.');
    expect(await reason({ question, filters: { from: "2011-01-01", to: "2016-12-31" } })).toBe("No document is dated between 1 January 2011 and 31 December 2016; the documents date from 4 August 2010 to 3 August 2018.");
    expect(await reason({ question, filters: { places: ["Gloucestershire"], to: "2017-12-31" } })).toBe("No document matches all the filters at once, though each matches some on its own.");
    // A place the question names is searched within the filters, and said to be outside them when it is.
    const inGloucestershire = "What did inspectors say about missing children in Gloucestershire?";
    expect(await reason({ question: inGloucestershire, filters: { places: ["Worcestershire"] } })).toBe("The question names Gloucestershire, but the filters search only Worcestershire.");
    const allButGloucestershire = engine.index.documents.map((d) => d.id).filter((id) => id !== GLOUCESTERSHIRE);
    expect(await reason({ question: inGloucestershire, filters: { documentIds: allButGloucestershire } })).toBe("None of the documents searched is from or mentions Gloucestershire, which the question names.");
    // A day the question names is a filter too: nothing written before it can say what happened then.
    expect(await reason({ question: "What did the panel decide at its meeting on 1 December 2018?" })).toBe("No document is dated on or after 1 December 2018; the documents date from 4 August 2010 to 3 August 2018.");
    // Within the place it names, when only other places' documents are dated so.
    expect(await reason({ question: "What did Ofsted find in Worcestershire in June 2018?", filters: { to: "2018-06-30" } })).toBe(
      "No document about Worcestershire is dated between 1 June 2018 and 30 June 2018; they date from 4 August 2010 to 3 August 2018.",
    );
  });

  it("applies filters: a date range keeps only sources dated inside it", async () => {
    const answer = await ask(engine, { question: "What did inspectors say about caseloads?", filters: { from: "2018-01-01", to: "2018-12-31" } });
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const c of answer.citations) expect(c.date!.startsWith("2018")).toBe(true);
  });

  it("says only quotes and fixed framing: every line of the answer is a heading, a quote or the framing", async () => {
    const answer = await ask(engine, { question: "Are social workers' caseloads too high?" });
    const quoteLines = answer.answer.split("\n").filter((l) => l.startsWith("> "));
    expect(quoteLines.length).toBe(answer.citations.length);
    answer.citations.forEach((c, i) => {
      const unescaped = quoteLines[i].slice(2).replace(/ \[\d+\]$/, "").replace(/\\(.)/g, "$1");
      expect(unescaped).toBe(c.text);
      // The reading text is the quote's own words, only spacing and interrupting furniture aside.
      expect(c.quote.replace(/\s+/g, " ").includes(c.text) || c.text.split(" ").every((w) => c.quote.includes(w))).toBe(true);
      expect(quoteLines[i].endsWith(` [${c.n}]`)).toBe(true);
    });
    const other = answer.answer.split("\n").filter((l) => l !== "" && l !== ">" && !l.startsWith("> ") && !l.startsWith("### ") && !l.startsWith("Found in "));
    // What remains is one "publisher, date" line per group.
    expect(other.length).toBe(groups(answer).length);
    for (const line of other) expect(line).toMatch(/^(Ofsted|Worcestershire County Council), \d{1,2} [A-Z][a-z]+ \d{4}/);
  });
});

describe("every citation of every evaluation answer verifies", () => {
  for (const { name, path } of QUESTION_SETS) {
    // The sample set lives in the shared folder beside the repository; CI always has it, a lone clone may not.
    it.skipIf(!existsSync(path))(`${name} questions: quote === document text slice, through /api/verify`, async () => {
      const app = createApp(engine);
      const questions = loadQuestionSet(path, engine.index, [SHARED_SEEDS]);
      let checked = 0;
      for (const q of questions) {
        const res = await app.request("/api/ask", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question: q.question }) });
        const answer = (await res.json()) as AskResponse;
        for (const c of answer.citations) {
          expect(c.quote).toBe(engine.index.documentById.get(c.documentId)!.text.slice(c.start, c.end));
          const v = await app.request("/api/verify", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ documentId: c.documentId, start: c.start, end: c.end, quote: c.quote }),
          });
          expect(await v.json()).toEqual({ valid: true, actual: c.quote });
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(questions.length);
    });
  }
});
