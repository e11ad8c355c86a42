import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { passagesOf } from "../helpers/passages.js";

// Trimmed papers of invented councils and inspectorates, in shapes the seeds do not have.
const fixture = (file: string) => readFileSync(new URL(`../fixtures/structure/${file}`, import.meta.url), "utf8");

describe("headings with nothing under them", () => {
  it("reads a run of labelled lines as list items, each quoted with its label, and nests a heading set directly over another", () => {
    expect(passagesOf(fixture("2019-07-estyn-carreg-education-services.txt"))).toEqual([
      {
        section: "Local Government Education Services",
        paragraph: null,
        // "by" leaves the line unfinished: the next line goes on with it.
        sentences: ["Date of inspection: May 2019\n\nby\n\nEstyn, Her Majesty's Inspectorate for Education and Training in Wales"],
      },
      {
        section: "About Carreg County Borough Council",
        paragraph: null,
        sentences: [
          "Carreg County Borough Council serves a population of around 139,000 people.",
          "There are 52 primary schools, 8 secondary schools, 2 all-age schools and 1 special school maintained by the local authority.",
          "Five of the primary schools and one secondary school are Welsh-medium.",
        ],
      },
      {
        section: "About Carreg County Borough Council",
        paragraph: null,
        sentences: [
          "The Director of Education was appointed in September 2017.",
          "The local authority works with the Central Valleys Education Consortium (CVEC) to provide school improvement services.",
        ],
      },
      {
        section: "Summary",
        paragraph: null,
        sentences: [
          "Carreg County Borough Council has made strong progress in improving its secondary schools since the last inspection in 2013.",
          "Leaders have a clear vision for education, and elected members challenge officers well.",
        ],
      },
      {
        section: "Summary",
        paragraph: null,
        sentences: [
          "Standards in primary schools are generally good.",
          "However, outcomes for pupils eligible for free school meals remain too low at key stage 4, and the gap between them and other pupils has not narrowed over the last three years.",
        ],
      },
      {
        section: "Recommendations",
        paragraph: null,
        sentences: [
          "R1 Improve outcomes for pupils eligible for free school meals, particularly at key stage 4",
          "R2 Reduce the number of fixed-term exclusions in secondary schools",
          "R3 Improve attendance in secondary schools",
          "R4 Strengthen the evaluation of the impact of grant funding, including the Pupil Development Grant",
        ],
      },
      {
        section: "What happens next",
        paragraph: null,
        sentences: [
          "The local authority will draw up an action plan that shows how it will address the recommendations.",
          "Estyn will invite the local authority to prepare case studies on its work in Welsh-medium education for dissemination on Estyn's website.",
        ],
      },
      {
        section: "Main findings > Outcomes",
        paragraph: null,
        sentences: [
          "In 2018, the proportion of pupils achieving the level 2 threshold including English or Welsh and mathematics was 57.8%, above the Wales average of 55.1%.",
          "However, only 29% of pupils eligible for free school meals reached this threshold.",
        ],
      },
      {
        section: "Main findings > Outcomes",
        paragraph: null,
        sentences: [
          "The rate of fixed-term exclusions of five days or fewer in secondary schools rose from 41 per 1,000 pupils in 2015-2016 to 63 per 1,000 pupils in 2017-2018, one of the highest rates in Wales.",
        ],
      },
      {
        section: "Quality of education services > Support for school improvement",
        paragraph: null,
        sentences: [
          "Officers and the consortium know schools well.",
          "Since 2016, no secondary school has been placed in special measures, and the number of primary schools needing Estyn review has fallen from 6 to 2.",
        ],
      },
      {
        section: "Support for vulnerable learners",
        paragraph: null,
        sentences: [
          "The local authority's inclusion service provides valuable support for pupils with social, emotional and behavioural difficulties.",
          "The Youth Service works well with schools to reduce the number of young people not in education, employment or training (NEET).",
          "In 2018, 1.4% of year 11 leavers were NEET, compared with 4.3% in 2013.",
        ],
      },
      {
        section: "Leadership and management",
        paragraph: null,
        sentences: [
          "The Chief Executive and the Director of Education provide clear and effective leadership.",
          "The Cabinet Member for Education, Councillor Gwen Rhys-Jones, has a sound understanding of the strengths and areas for improvement in schools.",
          "Report published: 12 July 2019",
        ],
      },
    ]);
  });

  it("takes the lines between the first and last of a run of three for content, and a last line with nothing after it too", () => {
    const text =
      "Summary\n\nThe council met.\n\nQuality of services\n\nInadequate\n\nLeadership\n\nLeaders changed.\n\n" +
      "Recommendation 1: Improve attendance\n\nRecommendation 2: Reduce exclusions\n\nTable 1: Spending by year\n\n1 Publish the plan\n\n2 Report in March\n\nChair\n";
    expect(passagesOf(text).map((p) => [p.section, p.sentences])).toEqual([
      ["Summary", ["The council met."]],
      ["Quality of services", ["Inadequate"]],
      [
        "Leadership",
        [
          "Leaders changed.",
          "Recommendation 1: Improve attendance",
          "Recommendation 2: Reduce exclusions",
          "Table 1: Spending by year",
          "1 Publish the plan",
          "2 Report in March",
          "Chair",
        ],
      ],
    ]);
  });

  it("keeps a heading that ranks below the one after it as content, not as its parent", () => {
    const text = "RULES\n\nMembers must declare interests.\n\nNB This applies to partners\n\nWHAT MUST I DO?\n\nRegister it within 28 days.\n";
    expect(passagesOf(text).map((p) => [p.section, p.sentences])).toEqual([
      ["RULES", ["Members must declare interests.", "NB This applies to partners"]],
      ["WHAT MUST I DO?", ["Register it within 28 days."]],
    ]);
  });
});

describe("numbered items of minutes", () => {
  it("takes a numbered line with a short title, over the item's text, for the item's heading", () => {
    const text = fixture("2020-09-harbridge-cabinet-minutes.txt");
    const items = passagesOf(text).filter((p) => p.section.includes(". "));
    expect(items).toEqual([
      {
        section: "31. Apologies for absence",
        paragraph: null,
        sentences: ["An apology for absence was received from Councillor Gareth Lowe (Culture and Leisure)."],
      },
      {
        section: "32. Declarations of interest",
        paragraph: null,
        sentences: [
          "Councillor Voss declared a non-pecuniary interest in item 36 as a member of the Harbridge Cycling Campaign and took no part in the discussion or vote on that item.",
        ],
      },
      {
        section: "33. Minutes",
        paragraph: null,
        sentences: ["RESOLVED that the minutes of the meeting held on 21 July 2020 be approved as a correct record and signed by the Chair."],
      },
      {
        section: "34. Public questions",
        paragraph: null,
        sentences: [
          "One question had been received from Mr Neil Danvers about the closure of public toilets in Riverside Park.",
          "The Cabinet Member for Environment and Transport replied that the toilets had been closed because of COVID-19 and would reopen on 1 October 2020.",
        ],
      },
      {
        section: "35. Children's Services Improvement Plan: Progress Report",
        paragraph: null,
        sentences: [
          "The Cabinet Member for Children and Families introduced the report, which set out progress against the improvement plan agreed after the Ofsted inspection of children's services in January 2020, which judged services to be inadequate.",
        ],
      },
      {
        section: "35. Children's Services Improvement Plan: Progress Report",
        paragraph: null,
        sentences: [
          "Councillor Grant, Chair of the Children and Young People Scrutiny Committee, asked about the use of agency social workers.",
          "The Director replied that 38% of social workers were employed through agencies, and that a recruitment and retention package, including a market supplement of £3,000 a year, was proposed.",
        ],
      },
      {
        section: "35. Children's Services Improvement Plan: Progress Report",
        paragraph: null,
        sentences: [
          "RESOLVED that:",
          "(a) the progress made against the Children's Services Improvement Plan be noted;",
          "(b) a market supplement of £3,000 a year for qualified social workers in the assessment and child protection teams be approved from 1 November 2020, at an estimated cost of £420,000 a year;",
          "(c) a further progress report be brought to Cabinet in March 2021.",
        ],
      },
      {
        section: "36. Active Travel Fund: Tranche 2",
        paragraph: null,
        sentences: [
          "The Cabinet Member for Environment and Transport presented the report on the Council's bid for £1.8 million from the Department for Transport's Active Travel Fund for segregated cycle lanes on the A412 London Road and Station Road.",
        ],
      },
      {
        section: "36. Active Travel Fund: Tranche 2",
        paragraph: null,
        sentences: [
          "RESOLVED that:",
          "(a) the submission of the bid for £1.8 million be endorsed;",
          "(b) authority be delegated to the Director of Place, in consultation with the Cabinet Member for Environment and Transport, to implement the scheme if the bid is successful.",
        ],
      },
      {
        section: "39. Acquisition of land at Tanner's Wharf",
        paragraph: null,
        sentences: ["RESOLVED that the recommendations in the exempt report be approved.", "The meeting ended at 4.10 pm.", "Chair"],
      },
    ]);
  });

  it("keeps a numbered lead-in over its list, and numbered lines over numbered lines, as numbered paragraphs", () => {
    const text = "Recommendations\n\n4. Cabinet is recommended to:\n\n(a) note the overspend;\n\n5. Improve attendance\n\n6. Reduce exclusions\n";
    expect(passagesOf(text)).toEqual([
      { section: "Recommendations", paragraph: "4", sentences: ["Cabinet is recommended to:", "(a) note the overspend;"] },
      { section: "Recommendations", paragraph: "5", sentences: ["Improve attendance"] },
      { section: "Recommendations", paragraph: "6", sentences: ["Reduce exclusions"] },
    ]);
  });
});

describe("a letter's questions and signature", () => {
  it("takes a question on a line of its own for a heading, however long, and files the signature under the letter, not its last section", () => {
    expect(passagesOf(fixture("2023-11-20-ofsted-cqc-westmere-area-send-inspection.txt"))).toEqual([
      { section: "Area SEND inspection of Westmere Local Area Partnership", paragraph: null, sentences: ["Dates of inspection: 25 September 2023 to 29 September 2023"] },
      {
        section: "Inspection outcome",
        paragraph: null,
        sentences: [
          "The local area partnership's special educational needs and/or disabilities (SEND) arrangements lead to inconsistent experiences and outcomes for children and young people with SEND.",
          "The local area partnership must work jointly to make improvements.",
        ],
      },
      {
        section: "Information about the local area partnership",
        paragraph: null,
        sentences: [
          "Westmere Borough Council and NHS Westmere and Tamesbury Integrated Care Board (ICB) are jointly responsible for the planning and commissioning of services for children and young people with SEND in Westmere.",
          "Since the last inspection in March 2019, there has been a new Director of Children's Services, appointed in January 2022, and a new Assistant Director for SEND and Inclusion.",
        ],
      },
      {
        section: "What is it like to be a child or young person with SEND in this area?",
        paragraph: "1",
        sentences: [
          "Many children and young people with SEND in Westmere are well supported in their early years settings and primary schools.",
          "Families value the Portage service and the early help offered through the family hubs.",
        ],
      },
      {
        section: "What is it like to be a child or young person with SEND in this area?",
        paragraph: "2",
        sentences: [
          "Too many children and young people wait too long for their needs to be assessed.",
          "In the 12 months before the inspection, only 38% of new EHCPs were issued within the statutory 20-week timescale.",
          "This is well below the national average of 50%.",
          "Some families told inspectors they had waited more than a year.",
        ],
      },
      {
        section: "What is it like to be a child or young person with SEND in this area?",
        paragraph: "3",
        sentences: [
          "Waiting times for an assessment for autism spectrum disorder (ASD) are too long.",
          "At the time of the inspection, 1,180 children were waiting for an assessment through the neurodevelopmental pathway, and the average wait from referral to diagnosis was 74 weeks.",
        ],
      },
      {
        section: "What is the area partnership doing that is effective?",
        paragraph: null,
        sentences: [
          "Leaders have an accurate understanding of the area's strengths and weaknesses.",
          "The parent carer forum, Westmere Parents Together, is an equal partner in strategic planning and co-production.",
        ],
      },
      {
        section: "Areas for improvement",
        paragraph: "1",
        sentences: ["Leaders should ensure that pupils at the Westmere Learning Centre receive full-time education unless there is a clear, time-limited reason for a part-time timetable."],
      },
      {
        section: "Areas for improvement",
        paragraph: "2",
        sentences: ["Leaders should improve the local offer so that families can easily find information about services."],
      },
      {
        section: "Area SEND inspection of Westmere Local Area Partnership",
        paragraph: null,
        sentences: [
          "Helen Fairbrother\nHis Majesty's Inspector",
          "Ofsted\nCare Quality Commission\nYvette Stanley, National Director, Regulation and Social Care\nManir Hussain, Deputy Chief Inspector, Primary Medical Services, Children Health and Justice\nHelen Fairbrother, HMI, Lead Inspector\nLea Hannam, CQC Children's Services Inspector",
        ],
      },
    ]);
  });

  it("files a signature under no section when the letter's subject is no heading", () => {
    const text =
      "8 June 2018\n\nDear Mr Jones\n\nThis letter sets out the findings of the inspection of the council's services for children in need of help and protection.\n\n" +
      "Strengths\n\nThe visit went well.\n\nYours sincerely\n\nJane Smith\nHer Majesty's Inspector\n";
    expect(passagesOf(text).map((p) => [p.section, p.sentences])).toEqual([
      ["", ["This letter sets out the findings of the inspection of the council's services for children in need of help and protection."]],
      ["Strengths", ["The visit went well."]],
      ["", ["Jane Smith\nHer Majesty's Inspector"]],
    ]);
  });
});

describe("tables written as text", () => {
  it("quotes each row of a table set out with '|' on its own, under the caption and lead-in above it", () => {
    const passages = passagesOf(fixture("2024-03-07-ashcombe-housing-committee-temporary-accommodation.txt"));
    expect(passages.find((p) => p.paragraph === "4.2")).toEqual({
      section: "4. Homelessness demand and temporary accommodation",
      paragraph: "4.2",
      sentences: [
        "The number of households in temporary accommodation at the end of each quarter is shown below.",
        "Table 1: Households in temporary accommodation at quarter end",
        "Type of accommodation        | Q3 2022/23 | Q1 2023/24 | Q2 2023/24 | Q3 2023/24",
        "Council-owned hostel         | 38         | 40         | 40         | 41",
        "Private sector leased homes  | 22         | 25         | 27         | 29",
        "Bed and breakfast            | 9          | 17         | 24         | 31",
        "Nightly-paid self-contained  | 14         | 19         | 21         | 26",
        "Total                        | 83         | 101        | 112        | 127",
      ],
    });
  });

  it("quotes each row of a table set out in columns of spaces, or in Markdown without its rule, and a lone wide-spaced line as prose", () => {
    const text =
      "Our judgments\n\nArea                          Grade\nPreventing crime              Good\nResponding to the public      Inadequate\n\n" +
      "Waiting times\n\n| Measure | 2021 | 2022 |\n| --- | --- | --- |\n| Median wait (days) | 47 | 39 |\n\nThe wait fell   by a fifth.\n";
    expect(passagesOf(text).map((p) => [p.section, p.sentences])).toEqual([
      ["Our judgments", ["Area                          Grade", "Preventing crime              Good", "Responding to the public      Inadequate"]],
      ["Waiting times", ["| Measure | 2021 | 2022 |", "| Median wait (days) | 47 | 39 |", "The wait fell   by a fifth."]],
    ]);
  });

  it("quotes a heading that heads nothing as what it says, drops a reference repeated as a running header, and keeps a heading over contact details", () => {
    const header = "Inspection report children's home: 2741096\n\n";
    const text =
      `Inspection of a registered children's home\n\nDate of last inspection: 9 May 2023\n\nOverall judgement at last inspection: requires improvement to be good\n\n` +
      `Enforcement action since last inspection: none\n\n____\n\n${header}This inspection\n\nThe home is good.\n\n${header}Leadership\n\nThe manager is ambitious.\n\n${header}` +
      "Contact points\n\nCounty Hall, Spetchley Road, Worcester WR5 2NP\n\nNext steps\n\nThe home will be visited again.\n";
    expect(passagesOf(text).map((p) => [p.section, p.sentences])).toEqual([
      [
        "Inspection of a registered children's home",
        ["Date of last inspection: 9 May 2023", "Overall judgement at last inspection: requires improvement to be good", "Enforcement action since last inspection: none"],
      ],
      ["This inspection", ["The home is good."]],
      ["Leadership", ["The manager is ambitious."]],
      ["Next steps", ["The home will be visited again."]],
    ]);
  });

  it("numbers a paragraph that opens with a bold lead-in, and quotes the lead-in with the sentence it labels", () => {
    const text = "# Consultation report\n\n## 5. Summary of responses\n\n5.3 **Question 2 (spare seat charge).** Many parents said the rise was too large. Officers propose £650.\n";
    expect(passagesOf(text).map((p) => [p.paragraph, p.sentences])).toEqual([
      ["5.3", ["**Question 2 (spare seat charge).** Many parents said the rise was too large.", "Officers propose £650."]],
    ]);
  });

  it("drops a running footer of two lines, and one set in italics, page numbers apart", () => {
    const page = (n: number) =>
      `Findings ${n}\n\nChildren are seen quickly in area ${n}.\n\nInspection of children's social care services: Wyvernsey Borough Council\n8 July 2019 – 19 July 2019\t${n}\n\n` +
      `*Wyvernsey Borough Council – Cabinet – 19 January 2023*\n*Page ${n} of 3*\n\n`;
    const sentences = passagesOf(`Report\n\n${page(1)}${page(2)}${page(3)}`).flatMap((p) => p.sentences);
    expect(sentences).toEqual([1, 2, 3].map((n) => `Children are seen quickly in area ${n}.`));
  });

  it("drops a running title labelled beside its page line, a protective marking, and a footer some pages set under a marking", () => {
    const page = (n: number) =>
      `Page ${n} of 4\nJoint area SEND inspection: Harrowmere          OFFICIAL\n\nFindings ${n}\n\nPlans are late in area ${n}.\n\n` +
      `Inspection report: Hexley Park School\n7 and 8 February 2023\t${n}\n\n` +
      `${n === 1 || n === 4 ? "OFFICIAL – SENSITIVE\n" : ""}Sallowby City Council – Internal Audit Service – Direct Payments 2022/23          Page ${n}\n\n`;
    const sentences = passagesOf(`Report\n\n${[1, 2, 3, 4].map(page).join("")}`).flatMap((p) => p.sentences);
    expect(sentences).toEqual([1, 2, 3, 4].map((n) => `Plans are late in area ${n}.`));
  });

  it("keeps a table row's number as its reference, and ends a sentence at a footnote's mark", () => {
    const text =
      "Progress\n\nRef\tAction\tRAG status\n3.1\tOpen two children's homes\tAmber\n3.2\tRecruit 40 foster carers\tRed\n\n" +
      "Findings\n\nThere were 611 missing episodes.² Children placed far away went missing more often.\n";
    expect(passagesOf(text).flatMap((p) => p.sentences)).toEqual([
      "Ref\tAction\tRAG status",
      "3.1\tOpen two children's homes\tAmber",
      "3.2\tRecruit 40 foster carers\tRed",
      "There were 611 missing episodes.²",
      "Children placed far away went missing more often.",
    ]);
  });

  it("quotes each bullet that opens with a reference as an item of its own, reference and all", () => {
    const text = "Progress\n\n4.6 The four actions rated red are:\n\n  •  1.2 Reduce the use of agency social workers\n  •  3.2 Increase the number of in-house foster carers\n\n4.7 Next steps are below.\n";
    expect(passagesOf(text).map((p) => [p.paragraph, p.sentences])).toEqual([
      ["4.6", ["The four actions rated red are:", "1.2 Reduce the use of agency social workers", "3.2 Increase the number of in-house foster carers"]],
      ["4.7", ["Next steps are below."]],
    ]);
  });

  it("quotes a table row whole though its cells hold sentences, and splits the lead-in above it as prose", () => {
    const text =
      "Progress\n\nThe table shows progress. Two issues were closed:\nIssue\tProgress\tStatus\n" +
      "New financial system\tThe system went live in June 2020. Internal audit reviewed it.\tClosed\nData protection\tTraining completed by 96% of staff.\tClosed\n";
    expect(passagesOf(text)[0].sentences).toEqual([
      "The table shows progress.",
      "Two issues were closed:",
      "Issue\tProgress\tStatus",
      "New financial system\tThe system went live in June 2020. Internal audit reviewed it.\tClosed",
      "Data protection\tTraining completed by 96% of staff.\tClosed",
    ]);
  });

  it("quotes a list item of one or two words on its own, not as the end of the item before", () => {
    const text = "Introduction\n\nWe looked at the four principles of the Act:\n- People – voice and control\n- Prevention\n- Well-being\n";
    expect(passagesOf(text)[0].sentences).toEqual(["We looked at the four principles of the Act:", "People – voice and control", "Prevention", "Well-being"]);
  });
});

describe("contents lists and notes", () => {
  it("leaves out a contents list without page numbers, and ranks the sections it lists above the rest", () => {
    expect(passagesOf(fixture("2022-04-hmicfrs-peel-westmere-police.txt"))).toEqual([
      {
        section: "About this inspection",
        paragraph: null,
        sentences: [
          "This inspection assesses the effectiveness, efficiency and legitimacy of Westmere Police.",
          "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) has graded the force in ten areas of policing.",
          "We use the grades outstanding, good, adequate, requires improvement and inadequate.",
        ],
      },
      {
        section: "Overall summary > Our judgments",
        paragraph: null,
        sentences: [
          "Area                                         Grade",
          "Investigating crime                          Requires improvement",
          "Preventing crime                             Good",
          "Responding to the public                     Inadequate",
          "Protecting vulnerable people                 Adequate",
          "Managing offenders                           Good",
          "Developing a positive workplace              Adequate",
          "Good use of resources                        Requires improvement",
        ],
      },
      {
        section: "Overall summary > HM Inspector's observations",
        paragraph: null,
        sentences: [
          "I am pleased with some aspects of Westmere Police's performance, but there are areas in which the force needs to improve.",
          "The force has a good understanding of the threat posed by serious and organised crime, and its neighbourhood policing teams work well with local councils, including Westmere Borough Council and Tamesbury District Council.",
          "Wendy Williams\nHis Majesty's Inspector of Constabulary",
        ],
      },
      {
        section: "Responding to the public > Cause of concern",
        paragraph: null,
        sentences: [
          "Westmere Police is not answering emergency and non-emergency calls quickly enough.",
          "Between April 2021 and March 2022, the force answered 71.4% of 999 calls within 10 seconds, against a national target of 90%.",
          "The average time to answer a 101 non-emergency call was 8 minutes 42 seconds, and 24% of 101 calls were abandoned.",
        ],
      },
      {
        // The contents list leaves "Investigating crime" out, so it ranks under the section before.
        section: "Responding to the public > Investigating crime > Area for improvement",
        paragraph: null,
        sentences: ["The force should make sure that investigations are allocated to officers with the right skills and that supervisors review them regularly."],
      },
      {
        section: "Responding to the public > Investigating crime > Area for improvement",
        paragraph: null,
        sentences: [
          "In 2021/22 the force's charge rate for all crime was 6.1%, lower than the rate in England and Wales of 6.9%.",
          "We reviewed 60 investigations and found that 42 were effective.",
          "Published: 28 April 2022",
        ],
      },
    ]);
  });

  it("leaves out a contents list whose pages follow dot leaders, and a Markdown one whose numbered entries head the sections below", () => {
    const dotted =
      "Contents\n\n1. Introduction ........................ 2\n2. Findings ............................ 7\nAppendix A: Glossary ................ 14\n\n" +
      "1. Introduction\n\nThe review began in 2021.\n\n2. Findings\n\nAgencies did not share information.\n";
    expect(passagesOf(dotted).map((p) => [p.section, p.sentences])).toEqual([
      ["1. Introduction", ["The review began in 2021."]],
      ["2. Findings", ["Agencies did not share information."]],
    ]);
    // Text taken from a PDF aligns the pages with spaces, under the columns' heads.
    const aligned =
      "Contents\n\nSection                                            Page\n1. Introduction                                       3\n2. Financial sustainability                           7\n\n" +
      "1. Introduction\n\nThis report sets out our findings.\n\n2. Financial sustainability\n\nThe council has a budget gap.\n";
    expect(passagesOf(aligned).map((p) => [p.section, p.sentences])).toEqual([
      ["1. Introduction", ["This report sets out our findings."]],
      ["2. Financial sustainability", ["The council has a budget gap."]],
    ]);
    const markdown = "# Annual Report\n\n## Contents\n\n1. Foreword from the Chair\n2. About the Board\n\n## 1. Foreword from the Chair\n\nWelcome to the report.\n\n## 2. About the Board\n\nThe Board met six times.\n";
    expect(passagesOf(markdown).map((p) => [p.section, p.sentences])).toEqual([
      ["1. Foreword from the Chair", ["Welcome to the report."]],
      ["2. About the Board", ["The Board met six times."]],
    ]);
  });

  it("reads '1.2. Staff' as a sub-section of its numbered section, and a grade on its own line as what it grades, not a heading", () => {
    const text =
      "1. Organisational delivery\n\n1.1. Governance and leadership\n\nRequires improvement\n\n1.1.1 The board meets monthly.\n\n" +
      "1.2. Staff\n\nStaff are committed to children.\n\nInadequate\n\n1.2.1 Five posts were vacant.\n\n2. Court disposals\n\n2.3. Implementation and delivery\n\nGood\n\n2.3.1 Work was delivered promptly.\n";
    expect(passagesOf(text).map((p) => [p.section, p.paragraph, p.sentences])).toEqual([
      ["1. Organisational delivery > 1.1. Governance and leadership", "1.1.1", ["Requires improvement", "The board meets monthly."]],
      ["1. Organisational delivery > 1.2. Staff", "1.2.1", ["Staff are committed to children.", "Inadequate", "Five posts were vacant."]],
      ["2. Court disposals > 2.3. Implementation and delivery", "2.3.1", ["Good", "Work was delivered promptly."]],
    ]);
  });

  it("keeps labelled notes ('Background papers: …') out of the numbered paragraph before them", () => {
    const passages = passagesOf(fixture("2024-03-07-ashcombe-housing-committee-temporary-accommodation.txt"));
    expect(passages.slice(-2)).toEqual([
      {
        section: "8. Equalities implications",
        paragraph: "8.1",
        sentences: [
          "An equality impact assessment has been completed.",
          "Households from Black and minority ethnic groups and single-parent households headed by women are over-represented among those in temporary accommodation.",
        ],
      },
      {
        section: "8. Equalities implications",
        paragraph: null,
        sentences: ["Background papers: Homelessness and Rough Sleeping Strategy 2022–2027.", "Contact officer: Tom Ellery, Housing Options Manager"],
      },
    ]);
  });
});
