import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../indexer/parse/parse-document.js";
import { passagesOf } from "../helpers/passages.js";

// Trimmed excerpts of long invented council papers whose section paths went wrong across whole documents.
const fixture = (file: string) => readFileSync(new URL(`../fixtures/headings/${file}`, import.meta.url), "utf8");

describe("a letterhead and a cover date are no sections", () => {
  it("reads a local plan's numbered chapters, 'Policy H1: …' headings and appendices, under no council or date", () => {
    const text = fixture("2019-01-lowmoor-local-plan-housing.txt");
    expect(parseDocument("t", text).meta).toEqual({ title: "Lowmoor Local Plan 2018–2036 – Publication Version (Regulation 19)", publisher: "Lowmoor District Council", place: "Lowmoor", kind: "report", date: "2019-01" });
    expect(passagesOf(text)).toEqual([
      { section: "", paragraph: null, sentences: ["Lowmoor Local Plan 2018–2036\nPublication Version (Regulation 19)", "Chapter 5: Meeting Housing Needs", "Chapter 6: A Prosperous Economy"] },
      {
        section: "Foreword",
        paragraph: null,
        sentences: [
          "This is the Publication Version of the Lowmoor Local Plan.",
          "It sets out how much development will take place in Lowmoor district between 2018 and 2036, where it will go, and the policies the council will use to decide planning applications.",
          "Representations on this document may be made between 14 January 2019 and 25 February 2019.",
        ],
      },
      { section: "5. Meeting Housing Needs > Introduction", paragraph: "5.1", sentences: ["Lowmoor needs more homes, and a better mix of homes, than it has built in recent years."] },
      {
        section: "5. Meeting Housing Needs > Introduction",
        paragraph: "5.2",
        sentences: [
          "The Brackenfield Housing Market Area Strategic Housing Market Assessment (SHMA), updated in 2017, and the standard method for assessing local housing need, published by the government in 2018, together form the evidence for the housing requirement in this Plan.",
        ],
      },
      {
        section: "5. Meeting Housing Needs > Policy H1: Housing requirement and supply",
        paragraph: null,
        sentences: ["The Local Plan will make provision for at least 10,440 net additional homes in Lowmoor district between 1 April 2018 and 31 March 2036, an average of 580 homes a year."],
      },
      {
        section: "5. Meeting Housing Needs > Policy H1: Housing requirement and supply",
        paragraph: "5.5",
        sentences: ["Together these sources provide 10,870 homes, a buffer of about 4% above the requirement, which gives flexibility if some sites are delivered more slowly than expected."],
      },
      {
        section: "5. Meeting Housing Needs > Policy H6: Houses in multiple occupation",
        paragraph: null,
        sentences: [
          "Planning permission for the change of use of a home to a house in multiple occupation (HMO), or for a new HMO, will not be granted where:",
          "(a) more than 10% of the homes within 100 metres of the site are already HMOs; or",
          "(b) the proposal would leave a home sandwiched between two HMOs; or",
          "(c) the HMO would not provide adequate internal living space, bin storage and cycle parking.",
        ],
      },
      {
        section: "5. Meeting Housing Needs > Policy H6: Houses in multiple occupation",
        paragraph: "5.14",
        sentences: ["An Article 4 Direction removing permitted development rights for small HMOs came into force in the Southfield and Station wards of Lowmoor town on 1 June 2016."],
      },
      { section: "6. A Prosperous Economy > Introduction", paragraph: "6.1", sentences: ["Lowmoor's economy is growing more slowly than the Brackenfield average."] },
      {
        section: "6. A Prosperous Economy > Introduction",
        paragraph: "6.2",
        sentences: [
          "The Brackenfield Economic Needs Assessment (2017) identifies a need for 62 hectares of employment land in Lowmoor between 2018 and 2036, mainly for industrial, storage and distribution uses.",
        ],
      },
      {
        section: "6. A Prosperous Economy > Policy EC2: Protecting employment land",
        paragraph: null,
        sentences: [
          "Sites and premises in employment use, and land allocated for employment, will be protected for employment uses.",
          "Planning permission for other uses will only be granted where:",
          "(a) the site has been actively marketed for employment use for at least 12 months at a realistic price without success; or",
          "(b) the continued employment use of the site would cause unacceptable harm to the amenity of neighbouring homes; or",
          "(c) the proposal would provide wider benefits, such as jobs or training, that outweigh the loss of the employment land.",
        ],
      },
      {
        section: "6. A Prosperous Economy > Policy EC2: Protecting employment land",
        paragraph: "6.4",
        sentences: ["Between 2011 and 2018 the district lost 9.6 hectares of employment land to housing, much of it through permitted development rights allowing offices to be converted to homes."],
      },
      // Past chapter 6's last numbered paragraph (6.4), a heading no longer reads as part of it.
      {
        section: "Monitoring framework (extract)",
        paragraph: null,
        sentences: [
          "Policy   Indicator                                                   Target",
          "H1       Net additional homes completed each year                    580 a year",
          "H1       Five-year supply of deliverable housing land                At least 5 years",
        ],
      },
      {
        section: "Appendix 2: Non-strategic housing allocations (extract)",
        paragraph: null,
        sentences: [
          "Ref     Site                                   Homes   Settlement",
          "LH01    Former Lowmoor Bus Depot, Mill Street      120   Lowmoor",
          "LH02    Land east of Carr Lane                     250   Lowmoor",
        ],
      },
      // Nothing in the text says where an appendix ends: a heading after it is read inside it.
      {
        section: "Appendix 2: Non-strategic housing allocations (extract) > Glossary",
        paragraph: null,
        sentences: [
          "Affordable housing: Housing for sale or rent for those whose needs are not met by the market, as defined in Annex 2 of the National Planning Policy Framework, including affordable or social rent, discounted market sales housing and other routes to home ownership.",
        ],
      },
      {
        section: "Appendix 2: Non-strategic housing allocations (extract) > Glossary",
        paragraph: null,
        sentences: ["Brownfield land: Land which is or was occupied by a permanent structure, also known as previously developed land."],
      },
    ]);
  });

  it("reads an annual report's 'Priority 1: …' sections and appendices as its top-level sections, under no council", () => {
    expect(passagesOf(fixture("2023-07-thornbury-annual-report.txt"))).toEqual([
      { section: "", paragraph: null, sentences: ["Annual Report and Performance Review 2022/23\nDelivering the Corporate Plan 2020–2024: Year Three", "Published: July 2023"] },
      {
        section: "Foreword from the Leader and Chief Executive",
        paragraph: null,
        sentences: ["Welcome to Thornbury Borough Council's annual report for 2022/23, the third year of our Corporate Plan 2020–2024."],
      },
      {
        section: "Thornbury at a glance",
        paragraph: null,
        sentences: ["Thornbury is a borough of 131,400 residents (mid-2021 estimate, Office for National Statistics), an increase of 6.8% since 2011."],
      },
      {
        section: "Priority 1: A thriving local economy > What we said we would do",
        paragraph: null,
        sentences: [
          "In the Corporate Plan we committed to:",
          "(a) support 500 local businesses each year with advice, grants or training;",
          "(b) bring forward the Ledwell Road employment site for development by 2024;",
          "(c) reduce the number of empty shop units in Thornbury town centre to below 10%;",
          "(d) create 150 apprenticeships across the council and its partners over the life of the plan.",
        ],
      },
      { section: "Priority 1: A thriving local economy > What we did", paragraph: "1.1", sentences: ["Our business support team helped 562 businesses in 2022/23, above our target of 500."] },
      {
        section: "Priority 1: A thriving local economy > What's next",
        paragraph: null,
        sentences: [
          "In 2023/24 we will open the Thornbury Enterprise Hub in the former library building on Castle Street, providing 28 small business units, and we will adopt a Town Centre Masterplan for Thornbury.",
        ],
      },
      {
        section: "Priority 2: Safe, clean and green neighbourhoods > What we said we would do",
        paragraph: null,
        sentences: ["In the Corporate Plan we committed to:", "(a) collect at least 99.5% of bins on the scheduled day;"],
      },
      {
        section: "Looking ahead to 2023/24",
        paragraph: null,
        sentences: [
          "The final year of the Corporate Plan will be dominated by three pressures: the rising cost of temporary accommodation, the pay award for 2023/24, which is expected to cost £1.3 million more than budgeted, and the uncertainty over the future of local government funding beyond 2024/25.",
        ],
      },
      {
        section: "Appendix A: Progress against Corporate Plan actions",
        paragraph: null,
        sentences: ["This appendix lists each action in the Corporate Plan 2020–2024, the service responsible, its status at 31 March 2023 and a comment."],
      },
      {
        section: "Appendix A: Progress against Corporate Plan actions",
        paragraph: null,
        sentences: [
          "Action A1: Launch the Thornbury Business Support Service\nResponsible service: Economic Development\nStatus at 31 March 2023: Complete\nComment: The service launched in June 2020 and has supported 1,710 businesses since then.",
        ],
      },
      {
        section: "Appendix B: Equality information",
        paragraph: null,
        sentences: [
          "The council publishes equality information every year under the Public Sector Equality Duty. In 2022/23:",
          "5.8% of the council's employees were from Black, Asian and minority ethnic groups, compared with 7.2% of the borough's working-age residents;",
        ],
      },
    ]);
  });
});

describe("heading levels", () => {
  it("takes a Markdown heading's level from its hashes, whatever its case, and never files sections under the document's title", () => {
    expect(passagesOf(fixture("2021-06-brackenfield-jsna-adult-lifestyles.md"))).toEqual([
      {
        section: "Chapter 4 of the Brackenfield JSNA 2020–2023",
        paragraph: null,
        sentences: ["Published: June 2021", "Produced by the Public Health Intelligence Team, Brackenfield County Council, on behalf of the Brackenfield Health and Wellbeing Board."],
      },
      {
        section: "About this chapter",
        paragraph: "4.1",
        sentences: [
          "This chapter of the Joint Strategic Needs Assessment (JSNA) describes the lifestyles of adults aged 18 and over in Brackenfield, and the long-term conditions most closely linked to them: cardiovascular disease, diabetes, chronic obstructive pulmonary disease (COPD), cancer and liver disease.",
        ],
      },
      { section: "Smoking > What we know", paragraph: "4.8", sentences: ["Smoking remains the largest single cause of preventable death and ill health in Brackenfield."] },
      {
        section: "Smoking > Services",
        paragraph: "4.12",
        sentences: [
          "The Brackenfield Stop Smoking Service, commissioned from Healthy Lives Brackenfield CIC, set 3,204 quit dates in 2019/20, and 1,538 people (48.0%) had quit at four weeks, confirmed by carbon monoxide monitoring in 71% of cases.",
        ],
      },
      {
        section: "Drug misuse",
        paragraph: "4.45",
        sentences: ["An estimated 2,480 people in Brackenfield use opiates or crack cocaine (2016/17), a rate of 6.5 per 1,000 people aged 15 to 64, compared with 8.9 per 1,000 in England."],
      },
      { section: "COVID-19", paragraph: "4.50", sentences: ["The pandemic has affected the data in this chapter and the lives it describes."] },
      {
        section: "Recommendations for commissioners",
        paragraph: "4.51",
        sentences: ["The Health and Wellbeing Board is asked to note the findings of this chapter and to endorse the following recommendations."],
      },
      {
        section: "Recommendations for commissioners",
        paragraph: null,
        sentences: [
          "Recommendation 1: The county council and the NHS Brackenfield Clinical Commissioning Group should jointly commission a tobacco dependence treatment pathway for hospital inpatients and pregnant women, starting with Lowmoor General Hospital, by April 2022.",
        ],
      },
      {
        section: "Appendix: District summaries",
        paragraph: null,
        sentences: ["The summaries below bring together the main indicators in this chapter for each of the four districts."],
      },
      {
        section: "Appendix: District summaries > Fellside",
        paragraph: null,
        sentences: [
          "Population (mid-2019): 118,400\nSmoking prevalence (2019): 10.2%\nAlcohol-specific admissions per 100,000 (2019/20): 512\nOverweight or obese adults (2019/20): 61.2%\nSuicide rate per 100,000 (2017–19): 10.8\nLife expectancy at birth, men and women (2017–19): 81.4 and 84.6 years",
        ],
      },
    ]);
  });

  it("reads 'Chapter 1 …' as a top-level section, and an acronym in capitals ('SEND') as no louder than any other heading", () => {
    expect(passagesOf(fixture("2024-03-harbury-childrens-services-strategy.txt"))).toEqual([
      {
        section: "Chapter 1 Our ambition",
        paragraph: null,
        sentences: [
          "Every child in Harbury should grow up safe, healthy and happy.",
          "This strategy sets out how the council and its partners will work together to achieve that over the next three years.",
        ],
      },
      {
        section: "Chapter 1 Our ambition > SEND",
        paragraph: null,
        sentences: ["There are 4,210 children and young people with special educational needs and disabilities (SEND) who have an education, health and care plan in Harbury, 11% more than a year ago."],
      },
      {
        section: "Chapter 1 Our ambition > Early help",
        paragraph: null,
        sentences: ["Our early help teams worked with 2,930 families in 2023/24, and 81% of them did not need a social worker in the following year."],
      },
      {
        section: "Chapter 2 Delivering the strategy > Governance",
        paragraph: null,
        sentences: ["The Children's Partnership Board will oversee the strategy and report to Cabinet each year on the progress made against its three priorities."],
      },
    ]);
  });

  it("reads a long heading that closes with an inspectorate's grade as a heading, not as a paragraph under the one before", () => {
    const text =
      "Inspection of children's social care services\n\nWhat needs to improve\n\n1. The quality of plans for children in need.\n\n" +
      "The experiences and progress of children who need help and protection: requires improvement to be good\n\n" +
      "2. Children and families benefit from a well-established MASH.\n\n" +
      "The experiences and progress of children in care and care leavers: good\n\n3. Most children in care live in stable placements.\n";
    expect(passagesOf(text)).toEqual([
      { section: "What needs to improve", paragraph: "1", sentences: ["The quality of plans for children in need."] },
      {
        section: "The experiences and progress of children who need help and protection: requires improvement to be good",
        paragraph: "2",
        sentences: ["Children and families benefit from a well-established MASH."],
      },
      { section: "The experiences and progress of children in care and care leavers: good", paragraph: "3", sentences: ["Most children in care live in stable placements."] },
    ]);
  });

  it("reads a recorded vote's counted lists, an audit's assurance opinion and a CQC score in words as content, not headings", () => {
    const votes =
      "Recorded vote\n\nFor (38): Councillors Ashworth, Begum and thirty-six others\n\nAgainst (7): Councillors Farrow, Jagger, Lund, Ormondroyd, Pickles, Sugden and Yates\n\n" +
      "Abstained (3): Councillors Walsh, Whiteley and Wood\n\nThe Mayor did not vote.\n";
    expect(passagesOf(votes)).toEqual([
      {
        section: "Recorded vote",
        paragraph: null,
        sentences: [
          "For (38): Councillors Ashworth, Begum and thirty-six others",
          "Against (7): Councillors Farrow, Jagger, Lund, Ormondroyd, Pickles, Sugden and Yates",
          "Abstained (3): Councillors Walsh, Whiteley and Wood",
          "The Mayor did not vote.",
        ],
      },
    ]);
    const audit = "Assurance opinion\n\nLimited assurance\n\nThere are significant weaknesses in the framework of control.\n\nSafeguarding\n\n2 - Evidence shows some shortfalls\n\nReferrals wait too long.\n";
    expect(passagesOf(audit).map((p) => [p.section, p.sentences[0]])).toEqual([
      ["Assurance opinion", "Limited assurance"],
      ["Safeguarding", "2 - Evidence shows some shortfalls"],
    ]);
  });

  it("reads a cover's run of judgements as what it says, and a judgement heading over its text as a heading", () => {
    const text =
      "Brightwater Family Fostering Limited\n\nInformation about this agency\n\nOverall experiences and progress of children and young people: requires improvement to be good\n\n" +
      "How well children and young people are helped and protected: requires improvement to be good\n\nThe effectiveness of leaders and managers: inadequate\n\n" +
      "The agency is not yet delivering good help and care.\n\nInspection judgements\n\nThe effectiveness of leaders and managers: inadequate\n\nLeaders do not monitor the agency well.\n";
    expect(passagesOf(text).map((p) => [p.section, p.sentences])).toEqual([
      [
        "Information about this agency",
        [
          "Overall experiences and progress of children and young people: requires improvement to be good",
          "How well children and young people are helped and protected: requires improvement to be good",
          "The effectiveness of leaders and managers: inadequate",
          "The agency is not yet delivering good help and care.",
        ],
      ],
      ["Inspection judgements > The effectiveness of leaders and managers: inadequate", ["Leaders do not monitor the agency well."]],
    ]);
  });
});
