import { describe, expect, it } from "vitest";
import { parseDocument, type ParsedDocument } from "../../indexer/parse/parse-document.js";
import { documentId } from "../../indexer/read-documents.js";
import { buildCorpus } from "../../indexer/analyse/build-corpus.js";
import { findNearDuplicates } from "../../indexer/analyse/mark-duplicates.js";
import { readSeeds } from "../helpers/seeds.js";
import { AGENDA_PARTS, SEED_DOCUMENTS } from "../helpers/seed-metadata.js";

const seeds = readSeeds();
const parsed = new Map<string, { text: string; doc: ParsedDocument }>(
  [...seeds].map(([file, text]) => [file, { text, doc: parseDocument(documentId(file), text) }]),
);
const AGENDA = "2017-10-24-worcestershire-scrutiny-panel-agenda.txt";
const REPORT = "2017-01-24-ofsted-worcestershire-inspection-report.txt";

/** The passage whose text contains a phrase, and that phrase's sentence. */
function find(file: string, phrase: string) {
  const { text, doc } = parsed.get(file)!;
  const at = text.indexOf(phrase);
  expect(at).toBeGreaterThanOrEqual(0);
  const passage = doc.passages.find((p) => p.start <= at && at < p.end)!;
  const sentence = passage.sentences.find((s) => s.start <= at && at < s.end)!;
  return { passage, sentence, quote: text.slice(sentence.start, sentence.end) };
}

describe("metadata derived from each seed's own text", () => {
  it("gives title, publisher, place, kind and date for every seed", () => {
    expect([...parsed].map(([file, { doc }]) => ({ file, ...doc.meta }))).toEqual(SEED_DOCUMENTS.map(({ id: _id, ...meta }) => meta));
  });

  it("finds the two documents inside the agenda pack, each with its own author and date", () => {
    const parts = parsed.get(AGENDA)!.doc.parts.map(({ start: _s, end: _e, ...p }) => p);
    expect(parts).toEqual(AGENDA_PARTS);
  });
});

describe("passages of the agenda pack", () => {
  it("cites a passage of Appendix 1 as the Ofsted letter, inside the pack", () => {
    const { passage } = find(AGENDA, "In July 2017, only 61% of children received a return home interview");
    const { label: _label, ...letter } = AGENDA_PARTS[0];
    expect(passage.source).toEqual({
      ...letter,
      within: {
        documentId: "2017-10-24-worcestershire-scrutiny-panel-agenda",
        title: "Children and Families Overview and Scrutiny Panel agenda, 24 October 2017",
        label: "Appendix 1",
      },
    });
    expect(passage.section).toEqual(["Appendix 1: Monitoring visit of Worcestershire children's services", "Findings and evaluation of progress"]);
  });

  it("cites a slide of Appendix 2 as the council's presentation", () => {
    const { passage } = find(AGENDA, "Absent and late welfare return interviews a cause for concern.");
    expect(passage.source.within?.label).toBe("Appendix 2");
    expect(passage.source.publisher).toBe("Worcestershire County Council");
    expect(passage.source.date).toBe("2017-10-24");
    expect(passage.section).toEqual([
      "Appendix 2: Presentation to be delivered to Children and Families Overview and Scrutiny Panel by Assistant Director: Safeguarding Services",
      "WORCESTERSHIRE CHILDREN'S SOCIAL CARE",
      "Significant Weaknesses Remain",
    ]);
  });

  it("keeps the presenter's name and role on the title slide as a sentence that can be quoted", () => {
    const { passage, quote } = find(AGENDA, "Tina Russell\n");
    expect(quote).toBe("Tina Russell\n\nAssistant Director Safeguarding");
    expect(passage.source.kind).toBe("presentation");
    expect(passage.section.at(-1)).toBe("WORCESTERSHIRE CHILDREN'S SOCIAL CARE");
  });

  it("reads a name over a job title as a byline, and a name over anything else as a heading", () => {
    const text = "Budget update\n\nJane Smith\n\nChief Executive\n\nSpending Pressures\n\nCosts rose by 4%.\n";
    const doc = parseDocument("t", text);
    expect(doc.passages.flatMap((p) => p.sentences.map((x) => [p.section, text.slice(x.start, x.end)]))).toEqual([
      [["Budget update"], "Jane Smith\n\nChief Executive"],
      [["Spending Pressures"], "Costs rose by 4%."],
    ]);
    // A letter's addressee is not a byline.
    const letter = "8 June 2018\n\nMr Peter Jones\n\nDirector of Children's Services\n\nShire Hall\n\nDear Mr Jones\n\nThe visit went well.\n";
    const parsedLetter = parseDocument("l", letter);
    expect(parsedLetter.passages.flatMap((p) => p.sentences.map((x) => letter.slice(x.start, x.end)))).toEqual(["The visit went well."]);
  });

  it("keeps the council's own report as the pack itself, with its paragraph numbers", () => {
    const { passage, quote } = find(AGENDA, "The next phase of the plan will cover the period");
    expect(passage.paragraph).toBe("15");
    expect(passage.source.within).toBeUndefined();
    expect(passage.source.title).toBe("Children and Families Overview and Scrutiny Panel agenda, 24 October 2017");
    expect(quote).toBe("The next phase of the plan will cover the period October 2017 to March 2018.");
  });

  it("keeps a numbered paragraph's bullet list with its lead-in", () => {
    const { text } = parsed.get(AGENDA)!;
    const { passage } = find(AGENDA, "In response to this feedback, Children, Families and Communities agreed");
    expect(passage.paragraph).toBe("8");
    expect(text.slice(passage.start, passage.end)).toMatch(/already included:\n[\s\S]*Quality Assurance Understand What 'Good' Looks Like$/);
    expect(passage.sentences.map((s) => text.slice(s.start, s.end)).slice(-4)).toEqual([
      "Family Front Door Management of Contacts, Referrals and Assessments",
      "Remodel the Early Help Offer",
      "Culture Create a Child-focused and Accountable Culture",
      "Quality Assurance Understand What 'Good' Looks Like",
    ]);
  });
});

describe("passages of the inspection report", () => {
  it("reads a title set over three lines as one title, heading the title page's passages", () => {
    const { passage, quote } = find(REPORT, "Children's services in Worcestershire are inadequate");
    expect(passage.section).toEqual([
      "Inspection of services for children in need of help and protection, children looked after and care leavers and Review of the effectiveness of the Local Safeguarding Children Board",
    ]);
    expect(quote).toBe("Children's services in Worcestershire are inadequate");
    expect(find(REPORT, "There are widespread and serious failures").passage.section).toEqual(["Executive summary"]);
    // The title is the document's name, not one of its sentences.
    const title = parsed.get(REPORT)!.text.indexOf("Inspection of services for children");
    expect(parsed.get(REPORT)!.doc.passages.some((p) => p.start <= title && title < p.end)).toBe(false);
  });

  it("joins title lines only across a line that holds nothing but 'and'", () => {
    const text = "Annual report of the council\n\nand\n\nStatement of accounts\n\nThe council met its targets.\n\nRevenue and\n\nCapital\n\nSpending rose by 4%.\n";
    const doc = parseDocument("t", text);
    expect(doc.meta.title).toBe("Annual report of the council and Statement of accounts");
    expect(doc.passages.map((p) => [p.section, text.slice(p.start, p.end)])).toEqual([
      [["Annual report of the council and Statement of accounts"], "The council met its targets."],
      [["Revenue and", "Capital"], "Spending rose by 4%."],
    ]);
  });

  it("quotes each item of a nested list on its own, a figure opening an item included, and marks where items open", () => {
    const text = "# Children looked after\n\n- At 23 October 2016, 710 children were looked after. Of this number:\n - 142 live outside the area\n - 512 live with foster families\n- 14. A numbered paragraph written as an item.\n";
    const doc = buildCorpus([{ id: "t", file: "t.md", hash: "h", text }]);
    expect(doc.sentences.map((s) => [text.slice(s.start, s.end), s.listItem])).toEqual([
      ["At 23 October 2016, 710 children were looked after.", true],
      ["Of this number:", false],
      ["142 live outside the area", true],
      ["512 live with foster families", true],
      ["A numbered paragraph written as an item.", false],
    ]);
  });

  it("quotes each lettered recommendation on its own, its letter kept, as an item of the list it is in", () => {
    const text = "# Recommendations\n\nCabinet is asked to:\n\n(a) note the overspend of £6.8 million;\n(b) approve the recovery plan; and\n(iv) delegate authority to the Director.\n";
    const doc = buildCorpus([{ id: "t", file: "t.md", hash: "h", text }]);
    expect(doc.sentences.map((s) => [text.slice(s.start, s.end), s.listItem])).toEqual([
      ["Cabinet is asked to:", false],
      ["(a) note the overspend of £6.8 million;", true],
      ["(b) approve the recovery plan; and", true],
      ["(iv) delegate authority to the Director.", true],
    ]);
  });

  it("quotes each item labelled 'b.' or 'ii.', as a PDF's orders list them, on its own, though the items are wrapped and indented", () => {
    const text =
      "Orders\n\n21. Within 4 weeks, the landlord is ordered to:\n  a. Provide a written apology to the resident for the\n     failures identified in this report.\n" +
      "  b. Pay the resident compensation of £2,750, made up of:\n  i. £1,600 for the distress caused by its handling of the\n     damp and mould;\n  ii. £400 for its handling of the request to move.\n";
    const doc = buildCorpus([{ id: "t", file: "t.txt", hash: "h", text }]);
    expect(doc.sentences.map((s) => [text.slice(s.start, s.end).replace(/\s+/g, " "), s.listItem])).toEqual([
      ["Within 4 weeks, the landlord is ordered to:", false],
      ["a. Provide a written apology to the resident for the failures identified in this report.", true],
      ["b. Pay the resident compensation of £2,750, made up of:", true],
      ["i. £1,600 for the distress caused by its handling of the damp and mould;", true],
      ["ii. £400 for its handling of the request to move.", true],
    ]);
  });

  it("quotes a list item numbered '1)' without its number, as it quotes a '-' item without its dash", () => {
    const text = "# Panel notes\n\nThe panel asked for:\n\n1) a report on caseloads\n2) a plan for adoption\n- a visit to the front door\n";
    const doc = parseDocument("t", text);
    expect(doc.passages.flatMap((p) => p.sentences.map((s) => text.slice(s.start, s.end)))).toEqual([
      "The panel asked for:",
      "a report on caseloads",
      "a plan for adoption",
      "a visit to the front door",
    ]);
  });

  it("reads the citation fields of YAML front matter, and quotes none of it", () => {
    const text = '---\ntitle: "Budget report: children\'s services"\npublisher: Anyshire County Council\ndate: 2019-05-01\ntags:\n  - budget\n---\n\n# Budget report 2019\n\nThe council set a budget of £12 million.\n';
    const doc = parseDocument("t", text);
    expect(doc.meta).toEqual({ title: "Budget report: children's services", publisher: "Anyshire County Council", place: "Unknown place", kind: "report", date: "2019-05-01" });
    expect(doc.passages.flatMap((p) => p.sentences.map((s) => text.slice(s.start, s.end)))).toEqual(["The council set a budget of £12 million."]);
  });

  it("takes a document's own front matter only when it is front matter: a rule over prose is not, nor is an impossible date", () => {
    const rule = "---\nThe council met.\n---\n\nThe panel discussed caseloads at length.\n";
    expect(parseDocument("t", rule).passages.flatMap((p) => p.sentences.map((s) => rule.slice(s.start, s.end)))).toEqual(["The council met.", "The panel discussed caseloads at length."]);
    const badDate = "---\ndate: 2019-02-30\n---\n\n# Notes\n\nReport published: 3 March 2019\n\nThe panel met.\n";
    expect(parseDocument("t", badDate).meta.date).toBe("2019-03-03");
  });

  it("does not take a month for a place, nor a document written on one line for its title", () => {
    const budget = "# Budget\n\nThe council set the budget for children's services in May 2019.\n";
    expect(parseDocument("t", budget).meta.place).toBe("Unknown place");
    const oneLine = "The council reviewed foster care placements in the borough. ".repeat(20).trim();
    expect(parseDocument("t", oneLine).meta.title).toBe("Untitled document");
  });

  it("reads another council's cover sheet: a council in capitals, a labelled title, decimal paragraphs, a running footer", () => {
    const text =
      "NORTHSHIRE COUNTY COUNCIL\n\nCABINET\n\nDate: 4 May 2022\n\nReport title: Adult Social Care Budget Outturn 2021/22\n\n" +
      "1.1 This report sets out the outturn.\n\n1.2 The budget overspent by £6.8 million. 1.2 million people live here.\n\n" +
      "Northshire County Council – Cabinet – 4 May 2022   Page 1 of 3\n";
    const doc = parseDocument("t", text);
    expect(doc.meta).toEqual({ title: "Adult Social Care Budget Outturn 2021/22", publisher: "Northshire County Council", place: "Northshire", kind: "report", date: "2022-05-04" });
    const sentences = doc.passages.flatMap((p) => p.sentences.map((s) => [p.paragraph, text.slice(s.start, s.end)]));
    expect(sentences.filter(([paragraph]) => paragraph === "1.2")).toEqual([
      ["1.2", "The budget overspent by £6.8 million."],
      ["1.2", "1.2 million people live here."],
    ]);
    expect(sentences.some(([, quote]) => quote!.includes("Page 1 of 3") || quote!.startsWith("Report title"))).toBe(false);
  });

  it("drops a running header or footer of several parts that stands alone three times, page number apart, and keeps recurring labels and values", () => {
    const page = (n: number) =>
      `Kestlebury Borough Council - Council - 25 January 2024\n\nWhat we did\n\nScore: 2 - Evidence shows some shortfalls\n\nThe council met ${n} times.\n\nFinal report\t${n}\n\n`;
    const text = `Minutes of the Council\n\n${page(1)}${page(2)}${page(3)}`;
    const doc = parseDocument("t", text);
    const quoted = doc.passages.flatMap((p) => p.sentences.map((s) => text.slice(s.start, s.end)));
    expect(quoted).toEqual([1, 2, 3].flatMap((n) => ["Score: 2 - Evidence shows some shortfalls", `The council met ${n} times.`]));
    expect(doc.passages.map((p) => p.section.at(-1))).toEqual(["What we did", "What we did", "What we did"]);
    // Twice is no running line: it may be said twice.
    const twiceText = `Minutes of the Council\n\n${page(1)}${page(2)}`;
    const twice = parseDocument("t", twiceText).passages.flatMap((p) => p.sentences.map((s) => twiceText.slice(s.start, s.end)));
    expect(twice.filter((q) => q.startsWith("Final report"))).toEqual(["Final report\t1", "Final report\t2"]);
  });

  it("keeps prose and a cover sheet that give contact details, and drops a letterhead's address block", () => {
    const text =
      "Ofsted\nPiccadilly Gate\nManchester M1 2WD\nT 0300 123 1231\n\nMINUTES OF A MEETING OF THE COUNCIL\n\n" +
      "held on Thursday 25 January 2024 at 7.00 pm in the Council Chamber, Civic Centre, Kestlebury, KB1 4TR\n\n" +
      "Report to: Cabinet\nKey decision: Yes\nContact officer: Delphine Okonjo-Marsh, Head of Libraries, 01723 555 418\n\n" +
      "5.4 Ellen Marsh is the main contact between the council and the LGA: ellen.marsh@local.gov.uk\n\nEmail: psab@pellingham.gov.uk\n\n" +
      "If you would like a copy of this document in a different format, please telephone 0300 123 1231, or email enquiries@ofsted.gov.uk.\n";
    const doc = parseDocument("t", text);
    expect(doc.passages.flatMap((p) => p.sentences.map((s) => text.slice(s.start, s.end)))).toEqual([
      "held on Thursday 25 January 2024 at 7.00 pm in the Council Chamber, Civic Centre, Kestlebury, KB1 4TR",
      "Report to: Cabinet",
      "Key decision: Yes",
      "Contact officer: Delphine Okonjo-Marsh, Head of Libraries, 01723 555 418",
      "Ellen Marsh is the main contact between the council and the LGA: ellen.marsh@local.gov.uk",
    ]);
  });

  it("takes a numbered line in capitals for a section whatever follows it, not for a paragraph of the section before", () => {
    const text =
      "Internal Audit Report: Direct Payments\n\n2. SCOPE AND APPROACH\n\n2.1 The audit covered April 2022 to August 2023.\n\n" +
      "3. DETAILED FINDINGS AND MANAGEMENT RESPONSES\n\nFinding 1 – Financial reviews (Priority: High)\n\nReviews were overdue for 18 of the 40 accounts sampled.\n";
    const doc = parseDocument("t", text);
    expect(doc.passages.slice(1).map((p) => [p.section, p.paragraph])).toEqual([
      [["2. SCOPE AND APPROACH"], "2.1"],
      [["3. DETAILED FINDINGS AND MANAGEMENT RESPONSES", "Finding 1 – Financial reviews (Priority: High)"], null],
    ]);
  });

  it("takes '7.5 Disproportionality' over '7.5.1 …' for a sub-section of its numbered section, not a paragraph", () => {
    const text =
      "Youth Justice Plan 2024–25\n\n7. Performance\n\n7.1 First-time entrants\n\n7.1.1 There were 98 first-time entrants in 2023.\n\n" +
      "7.5 Disproportionality\n\n7.5.1 Black children make up 15% of the caseload.\n\n8. Priorities\n\n8.1 The Board has agreed three priorities.\n\n8.2 Each has a measure.\n";
    expect(parseDocument("t", text).passages.map((p) => [p.section, p.paragraph])).toEqual([
      [["7. Performance", "7.1 First-time entrants"], "7.1.1"],
      [["7. Performance", "7.5 Disproportionality"], "7.5.1"],
      [["8. Priorities"], "8.1"],
      [["8. Priorities"], "8.2"],
    ]);
  });

  it("takes a division's label in capitals for a heading: 'SECTION 2: EVIDENCE AND DATA', not a labelled fact", () => {
    const text =
      "EQUALITY IMPACT ASSESSMENT\n\nProposal: Closure of Brookside Day Centre\n\nSECTION 1: ABOUT THE PROPOSAL\n\n1.1 The council proposes to close the centre.\n\n" +
      "SECTION 2: EVIDENCE AND DATA\n\n2.1 Sixty-eight people attend the centre.\n";
    expect(parseDocument("t", text).passages.slice(-2).map((p) => [p.section, p.paragraph])).toEqual([
      [["SECTION 1: ABOUT THE PROPOSAL"], "1.1"],
      [["SECTION 2: EVIDENCE AND DATA"], "2.1"],
    ]);
  });

  it("reads a family of labelled headings inside a numbered section without numbered paragraphs, a closing aside not counted in their length", () => {
    const text =
      "Internal Audit Report: Direct Payments\n\n2. SCOPE AND APPROACH\n\n2.1 The audit covered April 2022 to August 2023.\n\n" +
      "3. DETAILED FINDINGS AND MANAGEMENT RESPONSES\n\nFinding 1 – Financial reviews (Priority: High)\n\nReviews were overdue for 18 of the 40 accounts sampled.\n\n" +
      "Finding 2 – Suspension of payments following death or admission to hospital (Priority: Medium)\n\nPayments continued after 11 deaths.\n\n" +
      "4. FOLLOW-UP\n\nInternal Audit will follow up in April 2024.\n";
    const doc = parseDocument("t", text);
    expect(doc.passages.slice(1).map((p) => p.section)).toEqual([
      ["2. SCOPE AND APPROACH"],
      ["3. DETAILED FINDINGS AND MANAGEMENT RESPONSES", "Finding 1 – Financial reviews (Priority: High)"],
      ["3. DETAILED FINDINGS AND MANAGEMENT RESPONSES", "Finding 2 – Suspension of payments following death or admission to hospital (Priority: Medium)"],
      ["4. FOLLOW-UP"],
    ]);
  });

  it("takes each numbered minute for the next item, not one inside the item before, though neither numbers its paragraphs", () => {
    const text = "MINUTES of a meeting of the Cabinet held on 16 November 2021\n\n46. DECLARATIONS OF INTEREST\n\nNone were declared.\n\n47. MINUTES\n\nRESOLVED that the minutes be approved.\n";
    expect(parseDocument("t", text).passages.map((p) => p.section)).toEqual([["46. DECLARATIONS OF INTEREST"], ["47. MINUTES"]]);
  });

  it("keeps a table's rows, 'E' and 'F' among them, out of the numbered paragraph that shares their passage", () => {
    const text =
      "Budget report\n\n8. COUNCIL TAX\n\n8.2 The council tax for each band is shown in Table 6, which gives every band's charge for the year.\n\nTable 6: Council tax by band\n\n" +
      "Band\tRatio\t2024/25 £\nD\t9/9\t2,011.36\nE\t11/9\t2,458.33\nF\t13/9\t2,905.30\n\n8.3 Most homes are in Bands A and B.\n";
    const sentences = parseDocument("t", text).passages.flatMap((p) => p.sentences.map((s) => [s.paragraph, text.slice(s.start, s.end)]));
    expect(sentences).toEqual([
      ["8.2", "The council tax for each band is shown in Table 6, which gives every band's charge for the year."],
      [null, "Table 6: Council tax by band"],
      [null, "Band\tRatio\t2024/25 £"],
      [null, "D\t9/9\t2,011.36"],
      [null, "E\t11/9\t2,458.33"],
      [null, "F\t13/9\t2,905.30"],
      ["8.3", "Most homes are in Bands A and B."],
    ]);
  });

  it("numbers paragraphs of three levels, '5.1.3 Families…', as it does two", () => {
    const text = "# Task group report\n\n## 5.1 The scale of the problem\n\n5.1.1 There were 214 households in temporary accommodation.\n\n5.1.3 Families stayed in bed and breakfast for 11 weeks.\n";
    const doc = parseDocument("t", text);
    expect(doc.passages.flatMap((p) => p.sentences.map((s) => [p.paragraph, text.slice(s.start, s.end)]))).toEqual([
      ["5.1.1", "There were 214 households in temporary accommodation."],
      ["5.1.3", "Families stayed in bed and breakfast for 11 weeks."],
    ]);
  });

  it("takes a numbered line over its first sub-paragraph for a numbered section, and keeps a cover sheet out of paragraph 1.1", () => {
    const text =
      "NORTHSHIRE COUNTY COUNCIL\n\nCABINET\n\nDate: 4 May 2022\n\nReport of: Cabinet Member for Adult Social Care\n\n1. Executive summary\n\n" +
      "1.1 This report sets out the outturn.\n\n2. Budget outturn 2021/22\n\n2.1 The table below shows the outturn.\n\n3. The council agreed the plan.\n";
    const doc = parseDocument("t", text);
    expect(doc.passages.flatMap((p) => p.sentences.map((s) => [p.section.at(-1), p.paragraph, text.slice(s.start, s.end)]))).toEqual([
      ["CABINET", null, "Date: 4 May 2022"],
      ["CABINET", null, "Report of: Cabinet Member for Adult Social Care"],
      ["1. Executive summary", "1.1", "This report sets out the outturn."],
      ["2. Budget outturn 2021/22", "2.1", "The table below shows the outturn."],
      ["2. Budget outturn 2021/22", "3", "The council agreed the plan."],
    ]);
  });

  it("quotes each member under 'Present:' on their own though a blank line parts them from it, and starts 'Apologies:' afresh", () => {
    const text =
      "MINUTES of a meeting of the Health and Wellbeing Board held on 16 November 2017\n\nPresent:\n\nCouncillor Rosalind Finch (Chair) – Cabinet Member for Adult Social Care\n" +
      "Dr Saoirse Quilty – Director of Public Health\nApologies:\n\nCouncillor Stuart Fairweather\n";
    const doc = parseDocument("t", text);
    expect(doc.passages.flatMap((p) => p.sentences.map((s) => text.slice(s.start, s.end))).slice(1)).toEqual([
      "Present:",
      "Councillor Rosalind Finch (Chair) – Cabinet Member for Adult Social Care",
      "Dr Saoirse Quilty – Director of Public Health",
      "Apologies:",
      "Councillor Stuart Fairweather",
    ]);
  });

  it("quotes each member under 'Present:' on their own, though the list has no bullets, and leaves wrapped prose whole", () => {
    const text =
      "MINUTES of a meeting of the Scrutiny Committee held on 12 July 2022\n\nPresent:\nCllr A Smith (Chair)\nCllr R Okafor (Vice-Chair)\n\n" +
      "The committee considered the report of the Director, which set out the\nposition at the end of the year.\n";
    const doc = parseDocument("t", text);
    expect(doc.passages.flatMap((p) => p.sentences.map((s) => text.slice(s.start, s.end)))).toEqual([
      "Present:",
      "Cllr A Smith (Chair)",
      "Cllr R Okafor (Vice-Chair)",
      "The committee considered the report of the Director, which set out the\nposition at the end of the year.",
    ]);
  });

  it("quotes each officer under 'Officers:' on their own though a name and role run long, and each line of a cover sheet", () => {
    const text =
      "MINUTES of a meeting of the Cabinet held on 18 July 2023\n\nOfficers:\nSarah Linden - Chief Executive\nGraham Tolley - Section 151 Officer\n" +
      "Chief Fire Officer Andrea Quayle - Ravensmoor Fire and Rescue Service\nNadia Hussain - Democratic Services Officer\n\nThe Cabinet noted the report.\n";
    expect(parseDocument("t", text).passages.flatMap((p) => p.sentences.map((s) => text.slice(s.start, s.end)))).toEqual([
      "Officers:",
      "Sarah Linden - Chief Executive",
      "Graham Tolley - Section 151 Officer",
      "Chief Fire Officer Andrea Quayle - Ravensmoor Fire and Rescue Service",
      "Nadia Hussain - Democratic Services Officer",
      "The Cabinet noted the report.",
    ]);
    const cover =
      "SALLOWBY DISTRICT COUNCIL\n\nCABINET\n\n25 June 2024\n\nReport title: Outturn 2023/24\nReport of: Fiona Marchetti, Director of Finance and Resources (Section 151 Officer)\n" +
      "Portfolio holder: Cllr Daniel Ashworth, Portfolio Holder for Finance\nStatus: Open\n\n1. Summary\n\n1.1 The Council underspent by £412,000.\n";
    const quotes = parseDocument("t", cover).passages.flatMap((p) => p.sentences.map((s) => cover.slice(s.start, s.end)));
    expect(quotes.slice(0, 3)).toEqual(["Report of: Fiona Marchetti, Director of Finance and Resources (Section 151 Officer)", "Portfolio holder: Cllr Daniel Ashworth, Portfolio Holder for Finance", "Status: Open"]);
  });

  it("titles minutes by their opening line, date and all, and an inspectorate's report by its title, not its name", () => {
    const minutes = "NORTHSHIRE COUNTY COUNCIL\n\nMINUTES of a meeting of the Scrutiny Committee held on Tuesday 12 July 2022\n\nPresent:\nCllr A Smith (Chair)\n\nThe committee noted the report.\n";
    expect(parseDocument("t", minutes).meta).toMatchObject({ title: "MINUTES of a meeting of the Scrutiny Committee held on Tuesday 12 July 2022", kind: "minutes", publisher: "Northshire County Council" });
    const report = "Care Quality Commission\n\nNorthshire County Council\n\nAdult social care: local authority inspection report\n\nReport published: 12 March 2021\n\nPeople wait too long for assessments.\n";
    expect(parseDocument("t", report).meta).toEqual({
      title: "Adult social care: local authority inspection report",
      publisher: "Care Quality Commission",
      place: "Northshire",
      kind: "inspection report",
      date: "2021-03-12",
    });
  });

  it("credits an ombudsman's letter to the ombudsman, not to the council it writes to, and quotes none of its addressee", () => {
    const letter =
      "Local Government & Social Care Ombudsman\nPO Box 4771\nCoventry\nCV4 0EH\n\n20 July 2022\n\nBy email\n\nMs Catherine Doyle\nChief Executive\nEastbridge City Council\n\n" +
      "Dear Ms Doyle\n\nAnnual Review letter 2022\n\nWe upheld 72% of complaints about Eastbridge City Council this year.\n\nYours sincerely,\n\nPaul Najsarek\nInterim Local Government and Social Care Ombudsman\n";
    const doc = parseDocument("t", letter);
    expect(doc.meta).toEqual({ title: "Annual Review letter 2022", publisher: "Local Government and Social Care Ombudsman", place: "Eastbridge", kind: "letter", date: "2022-07-20" });
    expect(doc.passages.flatMap((p) => p.sentences.map((s) => letter.slice(s.start, s.end)))).toEqual([
      "We upheld 72% of complaints about Eastbridge City Council this year.",
      "Paul Najsarek\nInterim Local Government and Social Care Ombudsman",
    ]);
  });

  it("takes a Markdown title as the title, however short", () => {
    const text = "# Panel notes\n\nThe panel discussed caseloads. Social workers carry caseloads of over 30 children.\n";
    expect(parseDocument("n", text).meta.title).toBe("Panel notes");
  });

  it("numbers paragraphs as the report does", () => {
    expect(find(REPORT, "A third of social workers in the initial response teams").passage.paragraph).toBe("20");
    expect(find(REPORT, "Poor practice through the PLO, with slow progress of actions").passage.section).toEqual([
      "The experiences and progress of children looked after and achieving permanence",
      "Inspection findings",
    ]);
  });

  it("joins a sentence broken across a page and keeps it in its numbered paragraph", () => {
    const { passage, quote } = find(REPORT, "up with an offer of a return home interview");
    expect(passage.paragraph).toBe("45");
    expect(quote).toBe(
      "Not all 'missing' episodes are followed\n\nup with an offer of a return home interview and, when one is offered, it is often not undertaken within 72 hours. (Recommendation)",
    );
  });

  it("splits a long paragraph between sentences, keeping its number on every piece", () => {
    const pieces = parsed.get(REPORT)!.doc.passages.filter((p) => p.paragraph === "20");
    expect(pieces.length).toBeGreaterThan(1);
    const { text } = parsed.get(REPORT)!;
    for (const p of pieces) expect(text.slice(p.start, p.end)).toMatch(/[.)]$/);
  });
});

describe("offsets and boundaries of every passage and sentence of every seed", () => {
  for (const [file, { text, doc }] of parsed) {
    it(`${file}: spans are exact, ordered, trimmed and whole sentences`, () => {
      let previousEnd = 0;
      for (const p of doc.passages) {
        const slice = text.slice(p.start, p.end);
        expect(slice.trim()).toBe(slice);
        expect(p.start).toBeGreaterThanOrEqual(previousEnd);
        previousEnd = p.end;
        expect(p.sentences[0].start).toBe(p.start);
        expect(p.sentences[p.sentences.length - 1].end).toBe(p.end);
        let sentenceEnd = p.start;
        for (const s of p.sentences) {
          const quote = text.slice(s.start, s.end);
          expect(quote.trim()).toBe(quote);
          expect(s.start).toBeGreaterThanOrEqual(sentenceEnd);
          sentenceEnd = s.end;
          // Never cut inside a word: a sentence starts and ends at a word boundary.
          expect(text[s.start - 1] ?? " ").toMatch(/[\s\-•]/);
          expect(text[s.end] ?? " ").toMatch(/[\s\t]/);
        }
      }
    });

    it(`${file}: no passage is furniture, letterhead or contact details`, () => {
      for (const p of doc.passages) {
        const slice = text.slice(p.start, p.end);
        expect(slice).not.toMatch(/^Page \d+$|intentionally left blank$|^© Crown copyright|@ofsted\.gov\.uk|^Dear |^Yours sincerely/m);
      }
    });
  }
});

describe("near-duplicates across the corpus", () => {
  it("marks the slides' repeat of the Ofsted letter as a duplicate of the letter's own sentence", () => {
    const corpus = buildCorpus([...seeds].map(([file, text]) => ({ id: documentId(file), file, text, hash: file })));
    const text = seeds.get(AGENDA)!;
    const at = (phrase: string, from = 0) => corpus.sentences.find((s) => s.documentId === documentId(AGENDA) && s.start <= text.indexOf(phrase, from) && text.indexOf(phrase, from) < s.end)!;
    const phrase = "A new template for recording home visits to children is supporting social workers";
    const letter = at(phrase);
    const slide = at(phrase, letter.end);
    expect(letter.source.within?.label).toBe("Appendix 1");
    expect(slide.source.within?.label).toBe("Appendix 2");
    expect(letter.duplicateOf).toBeNull();
    expect(slide.duplicateOf).toBe(letter.id);
  });

  it("keeps page furniture that interrupts a sentence out of its reading text, not out of its offsets", () => {
    const corpus = buildCorpus([...seeds].map(([file, text]) => ({ id: documentId(file), file, text, hash: file })));
    const text = seeds.get(AGENDA)!;
    const at = text.indexOf("some are too new to have yet had a significant impact on");
    const sentence = corpus.sentences.find((s) => s.documentId === documentId(AGENDA) && s.start <= at && at < s.end)!;
    expect(text.slice(sentence.start, sentence.end)).toContain("impact on\n\nOfsted is proud to use recycled paper\n\n\n\nimproving services.");
    expect(sentence.searchText).toBe(
      "Many of the actions taken by the local authority are quite recent, and some are too new to have yet had a significant impact on improving services.",
    );
  });

  it("never takes a changed word for a repeat", () => {
    expect(
      findNearDuplicates([
        "The local authority was judged to be adequate.",
        "The local authority was judged to be inadequate.",
        "Inspectors saw some examples of assessments that are very child-focused.",
        "Inspectors saw some examples of assessments that are very child focused",
        "Pathways to early help services are unclear, and the local authority does not understand them.",
        "Pathways to early help services are unclear.",
      ]),
    ).toEqual([null, null, null, 2, null, 4]);
  });

  it("takes a text that quotes another's words for the quoter, not the original", () => {
    expect(
      findNearDuplicates([
        "Ofsted's headline statement is that 'the local authority has taken steps to tackle the serious weaknesses'.",
        "The local authority has taken steps to tackle the serious weaknesses.",
        // Apostrophes are not quotation marks: this one repeats the text before it.
        "Inspectors found that children's plans were weak and the local authority's oversight was poor.",
        "children's plans were weak and the local authority's oversight was poor",
      ]),
    ).toEqual([null, null, null, 2]);
  });
});
