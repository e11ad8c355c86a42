import { describe, expect, it } from "vitest";
import { parseDocument } from "../../indexer/parse/parse-document.js";
import { dateSpan, parseMonthLine, parseMonthYear, parsePublishedLine } from "../../indexer/contract/dates.js";
import { passes } from "../../server/retrieve/filters.js";
import { displayDate } from "../../server/answer/compose-answer.js";
import type { Passage } from "../../indexer/contract/schemas.js";

// Invented papers in the shapes Welsh, Scottish and London bodies use; none of it is in the seeds.
const CIW =
  "Care Inspectorate Wales\n\nPerformance Evaluation Inspection of Carreg County Borough Council Children's Services\n\nMarch 2023\n\n" +
  "Introduction\n\nCare Inspectorate Wales carried out an inspection of Carreg County Borough Council on 9 January 2023. Inspectors met 40 families.\n";
const ESTYN =
  "Estyn\n\nA report on\n\nLocal Government Education Services\n\nCarreg County Borough Council\n\nDate of inspection: May 2019\n\n" +
  "Summary\n\nCarreg County Borough Council supports its schools well. Attendance in secondary schools is below the average for Wales.\n";
const LONDON = "London Borough of Fenwick\n\nHousing Committee\n\nDate: 3 June 2021\n\nReport title: Temporary accommodation\n\nThe London Borough of Fenwick placed 40 families in temporary accommodation.\n";
/** A document's citation metadata, as parsed from its text. */
const meta = (text: string) => parseDocument("t", text).meta;

const HMI_LETTER = (body: string) =>
  "12 March 2020\n\nMs A Jones\nDirector of Education\nCarreg County Borough Council\n\nDear Ms Jones\n\nFocused visit to Carreg County Borough Council\n\n" +
  `${body}\n\nYours sincerely\n\nJohn Smith HMI\n`;

describe("metadata of bodies beyond England's councils and Ofsted", () => {
  it("reads a Welsh county borough's place and an inspectorate's month-dated cover", () => {
    expect(parseDocument("ciw", CIW).meta).toEqual({
      title: "Performance Evaluation Inspection of Carreg County Borough Council Children's Services",
      publisher: "Care Inspectorate Wales",
      place: "Carreg",
      kind: "inspection report",
      date: "2023-03",
    });
  });

  it("takes an inspectorate's report that speaks of its inspection for an inspection report, dated by the month it names", () => {
    expect(parseDocument("estyn", ESTYN).meta).toEqual({
      title: "Local Government Education Services",
      publisher: "Estyn",
      place: "Carreg",
      kind: "inspection report",
      date: "2019-05",
    });
  });

  it("reads a fire service inspection's place from the service it names, under a letterhead spelling out 'His Majesty's'", () => {
    const text =
      "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services\n\nEffectiveness, efficiency and people 2021/22\n\nAn inspection of Ravensmoor Fire and Rescue Service\n\n" +
      "Report published: 9 November 2022\n\nOverview\n\nRavensmoor Fire and Rescue Service operates from 27 fire stations. The service covers a rural county.\n";
    expect(parseDocument("fire", text).meta).toEqual({
      title: "Effectiveness, efficiency and people 2021/22",
      publisher: "HM Inspectorate of Constabulary and Fire & Rescue Services",
      place: "Ravensmoor",
      kind: "inspection report",
      date: "2022-11-09",
    });
  });

  it("reads a council a letterhead names by its place alone, a place of two words, and a Markdown title under the council's name", () => {
    const cover = "EASTLEIGH VALE COUNCIL\n\nCABINET\n\n10 September 2024\n\nReport title: School Place Planning Report 2024\n\n1. Summary\n\n1.1 Eastleigh Vale needs 240 more secondary places by 2028.\n";
    expect(parseDocument("cover", cover).meta).toMatchObject({ title: "School Place Planning Report 2024", publisher: "Eastleigh Vale Council", place: "Eastleigh Vale" });
    const markdown = "# MARCHWOOD BOROUGH COUNCIL\n\n# Temporary Accommodation Task and Finish Group: Final Report\n\nReport published: 22 January 2024\n\n## Findings\n\nFamilies stay in bed and breakfast for 11 weeks.\n";
    expect(parseDocument("md", markdown).meta).toMatchObject({ title: "Temporary Accommodation Task and Finish Group: Final Report", publisher: "Marchwood Borough Council", place: "Marchwood" });
  });

  it("reads a council named 'London Borough of …'", () => {
    expect(parseDocument("fenwick", LONDON).meta).toEqual({
      title: "Temporary accommodation",
      publisher: "London Borough of Fenwick Council",
      place: "Fenwick",
      kind: "report",
      date: "2021-06-03",
    });
  });

  it("takes the Accounts Commission, not Audit Scotland which prepares it, for a Best Value report's publisher", () => {
    const text = "Best Value Assurance Report\nKessock Council\n\nPrepared by Audit Scotland\nNovember 2018\n\nThe Accounts Commission\nThe Accounts Commission is the public spending watchdog for local government.\n";
    expect(parseDocument("bv", text).meta).toMatchObject({ title: "Best Value Assurance Report", publisher: "Accounts Commission", date: "2018-11" });
  });

  it("does not take every letter an HMI signs for Ofsted's: the inspectorate its body names, else the council", () => {
    expect(parseDocument("a", HMI_LETTER("Estyn inspectors visited three schools.")).meta.publisher).toBe("Estyn");
    expect(parseDocument("b", HMI_LETTER("Inspectors visited three schools.")).meta.publisher).toBe("Carreg County Borough Council");
  });

  it("takes a month and year in front matter, and refuses a thirteenth month", () => {
    const front = (date: string) => `---\ntitle: Notes\ndate: ${date}\n---\n\nThe panel met.\n`;
    expect(parseDocument("t", front("2023-03")).meta.date).toBe("2023-03");
    expect(parseDocument("t", front("March 2023")).meta.date).toBe("2023-03");
    expect(parseDocument("t", front("2023-13")).meta.date).toBe(null);
  });
});

describe("a date of a month only", () => {
  it("is read from a line, a labelled line or running text, and never given a day nobody wrote", () => {
    expect(parseMonthLine("March 2023")).toBe("2023-03");
    expect(parseMonthLine("In March 2023 we met.")).toBe(undefined);
    expect(parsePublishedLine("Published: March 2023")).toBe("2023-03");
    expect(parsePublishedLine("Published: 4 March 2023")).toBe("2023-03-04");
    expect(parseMonthYear("Date of inspection: May 2019")).toBe("2019-05");
  });

  it("covers every day of its month, leap days included", () => {
    expect(dateSpan("2024-02")).toEqual({ first: "2024-02-01", last: "2024-02-29" });
    expect(dateSpan("2023-02")).toEqual({ first: "2023-02-01", last: "2023-02-28" });
    expect(dateSpan("2023-12-05")).toEqual({ first: "2023-12-05", last: "2023-12-05" });
  });

  it("passes a date filter that takes in any day of the month, and fails one that takes in none", () => {
    const passage = { documentId: "d", source: { title: "t", publisher: "p", place: "x", kind: "report", date: "2023-03" } } as Passage;
    expect(passes(passage, { from: "2023-03-31" })).toBe(true);
    expect(passes(passage, { from: "2023-04-01" })).toBe(false);
    expect(passes(passage, { to: "2023-03-01" })).toBe(true);
    expect(passes(passage, { to: "2023-02-28" })).toBe(false);
    expect(passes(passage, { from: "2023-03-10", to: "2023-03-20" })).toBe(true);
  });

  it("reads as the month in answers and on the page", async () => {
    // The page's own module, plain JavaScript that the browser runs.
    const { displayDate: pageDate } = (await import("../../web/format.js" as string)) as { displayDate(date: string): string };
    expect(displayDate("2023-03")).toBe("March 2023");
    expect(displayDate("2023-03-09")).toBe("9 March 2023");
    expect(pageDate("2023-03")).toBe("March 2023");
    expect(pageDate("2023-03-09")).toBe("9 March 2023");
  });

  it("titles a report by its stacked title lines, a line that runs on, or its cover sheet's subject, not by who wrote it", () => {
    expect(meta("KESTRELDON COUNCIL\n\nChildren's Social Care\nComplaints and Compliments\nAnnual Report 2017/18\n\nContents\n1. Introduction\t2\n7. Local Government and Social Care Ombudsman\t6\n\n1. Introduction\n\nKestreldon Council received 214 complaints.\n")).toEqual({
      title: "Children's Social Care – Complaints and Compliments – Annual Report 2017/18",
      publisher: "Kestreldon Council",
      place: "Kestreldon",
      kind: "report",
      date: null,
    });
    const ombudsman = meta("Local Government & Social Care\nOMBUDSMAN\n\nReport by the Local Government and Social Care Ombudsman\n\nInvestigation into a complaint against\nFallowmere City Council\n\n20 June 2023\n\nThe Council took 41 weeks to issue the plan.\n");
    expect([ombudsman.title, ombudsman.publisher, ombudsman.place]).toEqual(["Investigation into a complaint against Fallowmere City Council", "Local Government and Social Care Ombudsman", "Fallowmere"]);
    expect(meta("ORRENDALE DISTRICT COUNCIL\n\nAUDIT AND GOVERNANCE COMMITTEE\n\n27 July 2021\n\nSubject: Annual Governance Statement 2020/21\n\nThe council has sound governance.\n").title).toBe("Annual Governance Statement 2020/21");
    expect(meta("MINUTES OF A MEETING OF THE CABINET\nHELD AT COUNTY HALL, RAVENSMOOR\nON TUESDAY 18 JULY 2023 AT 10.00 AM\n\nPresent: Cllr A Smith\n").title).toBe("MINUTES OF A MEETING OF THE CABINET HELD AT COUNTY HALL, RAVENSMOOR");
  });

  it("takes a safeguarding partnership, the LGA or the Department for Education on the cover for the publisher, and a council named by its place alone for the place", () => {
    const review = meta("Pellcombe Safeguarding Children Partnership\n\nChild Safeguarding Practice Review\n\nChild R\n\nPellcombe Metropolitan Borough Council and its partners met monthly.\n");
    expect([review.title, review.publisher]).toEqual(["Child Safeguarding Practice Review", "Pellcombe Safeguarding Children Partnership"]);
    const board = meta("# Pellingham Safeguarding Adults Board\n\n## Annual Report 2021–22\n\nPellingham County Council hosts the Board.\n");
    expect([board.title, board.publisher]).toEqual(["Annual Report 2021–22", "Pellingham Safeguarding Adults Board"]);
    const peer = meta("LGA Corporate Peer Challenge\n\nStowick City Council\n\n# 1. Executive summary\n\nThe council meets the consumer standards of the Regulator of Social Housing.\n");
    expect([peer.title, peer.publisher]).toEqual(["LGA Corporate Peer Challenge", "Local Government Association"]);
    const commissioner = meta(
      "Department for Education\n\nKestreldon Council: Children's Services Commissioner's Report\n\n1.1 The Secretary of State issued a direction to Kestreldon Council. I was appointed Commissioner for Kestreldon. Kestreldon Council agreed.\n\n" +
        "7.3 I held discussions with Tarnwick County Council and Tarnwick County Council declined.\n",
    );
    expect([commissioner.title, commissioner.publisher, commissioner.place]).toEqual(["Kestreldon Council: Children's Services Commissioner's Report", "Department for Education", "Kestreldon"]);
    // A council's own paper that mentions the department keeps the council as its publisher.
    expect(meta("Harbridge Borough Council\n\nSchool funding\n\nThe Department for Education sets the grant. Harbridge Borough Council spends it.\n").publisher).toBe("Harbridge Borough Council");
  });

  it("reads minutes by their 'Minutes of …' line, a Markdown cover table's title row, and an HMI's report as the inspectorate's its text names", () => {
    const minutes = meta("LANTHORNE COUNCIL\n\nHEALTH AND WELLBEING BOARD\n\nMINUTES of a meeting of the Health and Wellbeing Board held at Lanthorne Town Hall on 16 November 2017\n\nPresent:\nCllr A Finch (Chair)\n");
    expect([minutes.title, minutes.kind]).toEqual(["MINUTES of a meeting of the Health and Wellbeing Board held at Lanthorne Town Hall on 16 November 2017", "minutes"]);
    // A committee's minutes end on the committee's name, as a line naming a part of the council does.
    const committee = meta("CALDERWICK BOROUGH COUNCIL\n\nMINUTES OF A MEETING OF THE AUDIT AND GOVERNANCE COMMITTEE\nHELD IN COMMITTEE ROOM 2, THE GUILDHALL, CALDERWICK\nON TUESDAY 19 MARCH 2024 AT 6.30 PM\n\nPresent:\nCouncillor Patricia Wainwright (Chair)\n");
    expect([committee.title, committee.kind]).toEqual(["MINUTES OF A MEETING OF THE AUDIT AND GOVERNANCE COMMITTEE HELD IN COMMITTEE ROOM 2, THE GUILDHALL, CALDERWICK", "minutes"]);
    // A decision record's "Title of decision:", over the kind of record above it.
    const decision = meta("Calderwick Borough Council\n\nRECORD OF AN EXECUTIVE DECISION TAKEN BY AN INDIVIDUAL CABINET MEMBER\n\nDecision reference: ED/2024/017\nTitle of decision: Disposal of Unit 4, Riverside Business Park, Calderwick\nDate of decision: 3 April 2024\n\n1. Decision\n\n1.1 To approve the disposal.\n");
    expect([decision.title, decision.date]).toEqual(["Disposal of Unit 4, Riverside Business Park, Calderwick", "2024-04-03"]);
    const table = meta("**BRINDLECOMBE COUNTY COUNCIL**\n\n**CHILDREN, EDUCATION AND FAMILIES COMMITTEE**\n\n| | |\n|---|---|\n| **Report title:** | Outcome of consultation on home to school transport |\n| **Key decision:** | Yes |\n\n## 1. Purpose\n\n1.1 This report sets out the outcome.\n");
    expect(table.title).toBe("Outcome of consultation on home to school transport");
    const ilacs = meta(
      "Wyvernsey Borough Council\n\nInspection of children's social care services\n\nLead inspector: Moira Pendleton\n\nHer Majesty's Inspector\n\nReport published: 23 August 2019\n\n" +
        "Summary\n\nChildren's services in Wyvernsey have improved. Ofsted last inspected them in 2015. Wyvernsey Borough Council has invested in social work.\n",
    );
    expect([ilacs.publisher, ilacs.kind]).toEqual(["Ofsted", "inspection report"]);
  });

  it("takes the council whose name is the first line for publisher and place, over an inspectorate the cover only mentions or a council named more often", () => {
    const news = meta(
      "Harrowmere County Council\nNewsroom\n\nHome > News > Council sets out action after SEND inspection\n\nCouncil sets out action after SEND inspection\n\nPublished: 14 March 2023\n\n" +
        "Inspectors from Ofsted visited Harrowmere in February. Harrowmere County Council will respond.\n",
    );
    expect([news.title, news.publisher, news.place]).toEqual(["Council sets out action after SEND inspection", "Harrowmere County Council", "Harrowmere"]);
    const minutes = meta(
      "BRACKLEY VALE COUNCIL\n\nMINUTES of the meeting of the Corporate Parenting Board held on 21 September 2022\n\n" +
        "The board heard from Harrowmere County Council. Harrowmere County Council and Harrowmere County Council share a commissioning team.\n",
    );
    expect([minutes.publisher, minutes.place]).toEqual(["Brackley Vale Council", "Brackley Vale"]);
    const evaluation = meta("---\ntitle: Self-Evaluation 2023/24\ndate: 2024-05-24\n---\n\n# Harrowmere County Council\n\nPrepared for the Ofsted annual engagement meeting\n\nOur caseloads have fallen.\n");
    expect([evaluation.title, evaluation.publisher]).toEqual(["Self-Evaluation 2023/24", "Harrowmere County Council"]);
    // An inspectorate named as a line of the cover, or producing the report, wrote it whoever heads it.
    expect(meta("Wyvernsey Borough Council\n\nOfsted\n\nFocused visit findings\n\nInspectors found progress.\n").publisher).toBe("Ofsted");
  });

  it("titles a paper by the line after the directorate, committee or service it comes from, with the kind of paper on a line apart", () => {
    expect(meta("MARLSTONE COUNTY COUNCIL\n\nChildren and Young People's Directorate\n\nPlacement Sufficiency Strategy for Children Looked After\n2024 to 2027\n\nVersion 1.3\n\nWe need more foster carers.\n").title).toBe(
      "Placement Sufficiency Strategy for Children Looked After – 2024 to 2027",
    );
    expect(meta("COPPERFOLD METROPOLITAN BOROUGH COUNCIL\n\nChildren and Young People Scrutiny Committee\n\nEmotional Wellbeing Task Group\n\nFINAL REPORT\n\nSeptember 2022\n\nWe heard from schools.\n").title).toBe(
      "Emotional Wellbeing Task Group – FINAL REPORT",
    );
    expect(meta("SALLOWBY CITY COUNCIL\nInternal Audit Service\n\nFINAL INTERNAL AUDIT REPORT\n\nDirect Payments – Adult Social Care\nAudit year: 2022/23\n\nWe tested 40 accounts.\n").title).toBe(
      "FINAL INTERNAL AUDIT REPORT – Direct Payments – Adult Social Care",
    );
    // A sub-committee's decision notice: the notice is the kind of paper, the sub-committee what it is of.
    expect(meta("HOLLOWMERE DISTRICT COUNCIL\n\nLICENSING SUB-COMMITTEE\n\nDECISION NOTICE\n\nLicence number: HDC/DRV/4471\nDate of hearing: 3 November 2022\n\nThe Driver attended.\n").title).toBe(
      "LICENSING SUB-COMMITTEE – DECISION NOTICE",
    );
    // A cover sheet's title label in Markdown bold.
    expect(meta("# MARLSTONE COUNTY COUNCIL\n\n## CABINET\n\n**Date of meeting:** 17 January 2024\n\n**Report title:** Children's Services Budget Monitoring 2023/24\n\n## 1. Purpose\n\n1.1 This report sets out the forecast.\n").title).toBe(
      "Children's Services Budget Monitoring 2023/24",
    );
  });

  it("takes no inspectorate for the publisher that the cover names only as a copy's recipient or for its reference number", () => {
    const report = meta(
      "REGULATION 44 INDEPENDENT PERSON'S REPORT\n\nName of home:\tAshgrove House\nOfsted unique reference number:\tSC482913\nRegistered provider:\tMarlstone County Council\nDistribution:\tRegistered manager; Ofsted\n\nSummary\n\nAshgrove House is run by Marlstone County Council.\n",
    );
    expect([report.publisher, report.place]).toEqual(["Marlstone County Council", "Marlstone"]);
  });

  it("dates a document by its publication line set in bold, not by the snapshot date above it", () => {
    const report = meta("# Saltmarsh Borough Council\n## Gender Pay Gap Report 2021\n\n**Snapshot date:** 31 March 2021\n**Published:** 30 November 2021\n\n### 1. Introduction\n\n1.1 The gap fell.\n");
    expect([report.title, report.date]).toEqual(["Gender Pay Gap Report 2021", "2021-11-30"]);
  });

  it("takes an inspection report's inspectorate from the inspectors named at its end, when its cover says it is an inspection but never names who inspected", () => {
    const school = meta(
      "# Marshfield Community School\n\nInspection of Marshfield Community School\n\nInspection dates: 6 and 7 February 2024\n\nLocal authority: Eastwick County Council\n\n" +
        Array.from({ length: 14 }, (_, k) => `Pupils say lesson ${k + 1} was good.\n\n`).join("") +
        "The inspection team\n\nNaomi Whitcombe, His Majesty's Inspector\nRajesh Kapoor, Ofsted Inspector\n",
    );
    expect([school.publisher, school.kind]).toEqual(["Ofsted", "inspection report"]);
    // A council's paper saying an inspector spoke is still the council's.
    const response = meta("Eastwick County Council\n\nResponse to the school's inspection\n\nThe lead inspector, an HMI, praised the school.\n");
    expect(response.publisher).toBe("Eastwick County Council");
  });

  it("reads a school's place from its details table", () => {
    const school = meta("Inspection of Hexley Park School\n\nOfsted\n\nPupils behave well.\n\nSchool details\n\nUnique reference number\t105899\nLocal authority\tCopperfold\n");
    expect([school.place, school.publisher]).toEqual(["Copperfold", "Ofsted"]);
  });

  it("takes a partnership named on the first line, a coroner who signs a report to prevent future deaths, and the body a letterhead names, for the publisher", () => {
    const review = meta("Safer Kestonbury Partnership\n\nDOMESTIC HOMICIDE REVIEW\n\nPublished: 28 September 2023\n\nThe review was commissioned by Kestonbury Borough Council.\n");
    expect([review.title, review.publisher]).toEqual(["DOMESTIC HOMICIDE REVIEW", "Safer Kestonbury Partnership"]);
    const coroner = meta(
      "REGULATION 28: REPORT TO PREVENT FUTURE DEATHS\n\nTHIS REPORT IS BEING SENT TO:\n\n1. The Chief Executive, Kestonbury Borough Council\n\n" +
        "3 INVESTIGATION and INQUEST\n\nOn 9 August 2023 I commenced an investigation into the death of Callum Doherty.\n\n9 Dated: 4 March 2024\n\nAlistair James Penhaligon\nAssistant Coroner for Kestonbury and Lower Wend\n",
    );
    expect([coroner.publisher, coroner.date]).toEqual(["Assistant Coroner for Kestonbury and Lower Wend", "2024-03-04"]);
    const letter = meta(
      "Office of the Independent Advocate for Children in England\nSanctuary Buildings, London SW1P 3BT\n\nMs Joanna Pelling\nChief Executive\nKestonbury Borough Council\n\n12 March 2024\n\n" +
        "Dear Ms Pelling\n\nChildren missing education in Kestonbury\n\nThank you for your reply. Kestonbury Borough Council should write again.\n\nYours sincerely\n\nHelen Marchbank\n",
    );
    expect([letter.publisher, letter.kind]).toEqual(["Office of the Independent Advocate for Children in England", "letter"]);
  });
});
