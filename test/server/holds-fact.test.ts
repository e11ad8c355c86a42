import type { Sentence } from "../../indexer/contract/schemas.js";
import { describe, expect, it } from "vitest";
import { counts, countedIn, holdsFact } from "../../server/answer/score-sentences.js";
import { restatesTitle } from "../../server/retrieve/corpus-facts.js";

describe("a sentence that holds the fact a question asks for", () => {
  it("for a figure: a count, a share or a fraction, not a date, a year, an ordinal or a statute", () => {
    const figures = ["Some 48% of 18- to 21-year-old care leavers are NEET.", "A third of social workers hold caseloads of over 30 children.", "The majority of social workers now have manageable caseloads."];
    const notFigures = [
      "This letter summarises the findings of the monitoring visit on 15 May 2018.",
      "The visit was the third monitoring visit since the local authority was judged inadequate in March 2017.",
      "The inspection was carried out under section 138 of the Education and Inspections Act 2006.",
      "All children are seen by a social worker.",
      "In 2016-17 the service was restructured.",
    ];
    expect(figures.map((t) => holdsFact("figure", t))).toEqual([true, true, true]);
    expect(notFigures.map((t) => holdsFact("figure", t))).toEqual([false, false, false, false, false]);
  });

  it("for a count ('how many…'): a number or a share, not a sum of money, which answers 'how much'", () => {
    const money = "Of this, £4.1 million relates to placements for children looked after.";
    expect(holdsFact("count", "The number of children looked after rose from 612 to 655.")).toBe(true);
    expect(holdsFact("count", "Some 48% of care leavers are NEET.")).toBe(true);
    expect(holdsFact("count", money)).toBe(false);
    expect(holdsFact("count", "The overspend of £9.3m includes 14 placements.")).toBe(true);
    // A number in words counts; one joined to its unit ("a five-year settlement") does not.
    expect(holdsFact("count", "Eleven international social workers have been recruited.")).toBe(true);
    expect(holdsFact("count", "The council should agree a five-year financial settlement with the trust.")).toBe(false);
    expect(holdsFact("figure", money)).toBe(true);
  });

  it("for a length of time ('how long…'): a figure with its unit, beside it or in a table row's label, not a date or a year", () => {
    const durations = [
      "The Council took 14 weeks to respond at stage 2.",
      "If he fails to complete the training within three months, the Monitoring Officer will report it.",
      "Average days to complete non-emergency housing repairs\t15.4\t9.2",
      "The new bus lane is 1.2 km long.",
    ];
    const notDurations = ["The post was removed on 12 March 2022.", "Waiting times are too long.", "In 2023 the backlog had gone on for years."];
    expect(durations.map((t) => holdsFact("duration", t))).toEqual([true, true, true, true]);
    expect(notDurations.map((t) => holdsFact("duration", t))).toEqual([false, false, false]);
  });

  it("for a sum ('how much did it cost?'): a sum of money, not a count or a share", () => {
    expect(holdsFact("sum", "Of this, £4.1 million relates to placements for children looked after.")).toBe(true);
    expect(holdsFact("sum", "The campaign cost £85,000.")).toBe(true);
    expect(holdsFact("sum", "The campaign brought in 14 social workers, 22% of the vacancies.")).toBe(false);
  });

  it("for a figure: not a number that labels part of a document", () => {
    const labels = ["Question 5: How were claims paid?", "Policy H1 requires affordable homes.", "Pupils at key stage 4 did well.", "Recommendation 3: The council should act.", "See paragraph 4.2 and Appendix 1."];
    expect(labels.map((t) => holdsFact("figure", t))).toEqual([false, false, false, false, false]);
    expect(holdsFact("figure", "Policy H1 requires 30% affordable homes.")).toBe(true);
  });

  it("for a person: a name with a role or a verb of leading, whatever the role's case", () => {
    expect(holdsFact("person", "Hilary Thompson, Chair of Worcestershire Safeguarding Children Board")).toBe(true);
    expect(holdsFact("person", "The visit was carried out by Andrew Waugh and John Roughton, Her Majesty's Inspectors.")).toBe(true);
    expect(holdsFact("person", "Dominic Stephens, HMI from Ofsted, led the inspection.")).toBe(true);
    expect(holdsFact("person", "Mrs F M Oborski (Chairman), Mrs J A Potter (Vice Chairman), Ms P Agar")).toBe(true);
    expect(holdsFact("person", "The report was presented by Cllr J. Smith, Cabinet Member.")).toBe(false);
    expect(holdsFact("person", "The meeting was led by Cllr J. Smith.")).toBe(true);
    expect(holdsFact("person", "The Safeguarding Children Board meets monthly.")).toBe(false);
    // "led to" causes; it leads nobody.
    expect(holdsFact("person", "Poor assessments have led to delays in the Family Court.")).toBe(false);
    // A role written as a title before the name.
    expect(holdsFact("person", "Chief Fire Officer Andrea Quayle - Ravensmoor Fire and Rescue Service")).toBe(true);
    expect(holdsFact("person", "The Director of Adult Social Services (DASS) is Priya Nandakumar, who was appointed in September 2022.")).toBe(true);
    // HMICFRS is an inspectorate, not one of Her Majesty's Inspectors.
    expect(holdsFact("person", "The Chief Fire Officer presented the plan responding to the HMICFRS report.")).toBe(false);
    // A police rank or a mayor before the name, and a name under its title, whatever it did.
    expect(holdsFact("person", "Chief Constable Alison Treharne took up post in April 2022.")).toBe(true);
    expect(holdsFact("person", "Dr Emeka Haverford declared a non-pecuniary interest in item 36/17.")).toBe(true);
    expect(holdsFact("person", "Councillor Robert Frith moved the amendment.")).toBe(true);
    expect(holdsFact("person", "The constabulary's chief officers accepted the findings.")).toBe(false);
    // A sentence that says who someone is.
    expect(holdsFact("person", "The responsible individual is Susan Okafor.")).toBe(true);
    expect(holdsFact("person", "The home is Ashgrove House in Marlstone, which opened in 2019.")).toBe(false);
    // Members by surname in a list, as minutes record a vote; "Councillors" alone names nobody.
    expect(holdsFact("person", "Against (7): Councillors Farrow, Jagger, Lund, Ormondroyd, Pickles, Sugden and Yates")).toBe(true);
    expect(holdsFact("person", "Abstained (2): Cllrs Walsh and Wood")).toBe(true);
    expect(holdsFact("person", "Councillors asked about the Cabinet's plan.")).toBe(false);
  });

  it("for a person: an officer named with a role after a comma, or under a label naming a role, not a post alone", () => {
    expect(holdsFact("person", "Responsible officer: Marcus Fell, Direct Payments Team Manager")).toBe(true);
    expect(holdsFact("person", "Report of: Gareth Pryce")).toBe(true);
    expect(holdsFact("person", "Andrew Merriman, Chief Finance Officer, told the group that spending rose.")).toBe(true);
    expect(holdsFact("person", "Report of: Karen Lowe, Head of Environmental Services")).toBe(true);
    expect(holdsFact("person", "Prepared by: Samir Bhatt")).toBe(true);
    expect(holdsFact("person", "The DCS, Gareth Oyelaran, has created a culture in which social workers feel valued.")).toBe(true);
    expect(holdsFact("person", "It has appointed an interim Director of Housing, Oluwaseun Treadgold, and a damp team.")).toBe(true);
    expect(holdsFact("person", "In Wyvernsey, Children's Services, Early Help and Youth Justice work together.")).toBe(false);
    // A post with no one named, and a role no comma ties to the capitalised words before it.
    expect(holdsFact("person", "The Local Authority Designated Officer (LADO) service is effective.")).toBe(false);
    expect(holdsFact("person", "3\tPublic Participation Members of the public should notify the Head of Legal Services")).toBe(false);
  });

  it("for a date: a month and year, or a year; for a general question: nothing", () => {
    expect(holdsFact("date", "The visit was the third monitoring visit since the local authority was judged inadequate in March 2017.")).toBe(true);
    expect(holdsFact("date", "Caseloads remain too high.")).toBe(false);
    expect(holdsFact("general", "Some 48% of care leavers are NEET.")).toBe(false);
  });

  it("for 'how many': knows what is counted, in the question's own words, and which numbers count it", () => {
    const ehcp = { alternatives: [["ehcp"], ["ehc", "plan"], ["educ", "health", "care", "plan"]] };
    const yjs = { alternatives: [["yj"], ["youth", "justic", "servic"]] };
    const cases = { alternatives: [["case"]] };
    const managers = { alternatives: [["manag"]] };
    expect(countedIn("How many case managers did the YJS have?", [yjs, cases, managers])).toEqual([cases, managers]);
    expect(countedIn("How many EHCPs does Eastleigh Vale have?", [ehcp])).toEqual([ehcp]);
    // A follow-up's own count is what it counts.
    expect(countedIn("How many households were in temporary accommodation? — and how many EHCPs?", [ehcp])).toEqual([ehcp]);
    expect(counts("In January 2024 the Council maintained 2,380 education, health and care (EHC) plans.", [ehcp])).toBe(true);
    expect(counts("Only 38% of new EHC plans were issued within the statutory 20-week timescale.", [ehcp])).toBe(false);
    expect(counts("The audit identified six findings: two rated High priority.", [{ alternatives: [["find"]] }])).toBe(true);
    expect(counts("The number of households in temporary accommodation had risen from 96 at 31 March 2021 to 214.", [{ alternatives: [["household"]] }])).toBe(true);
    expect(counts("The number of households in temporary accommodation has risen.", [{ alternatives: [["household"]] }])).toBe(false);
    // A label's number counts nothing.
    expect(counts("Area for improvement 1: EHC plans should be timely.", [ehcp])).toBe(false);
    expect(counts("Anything at all", [])).toBe(true);
  });
});

describe("a line that restates its document's title", () => {
  it("is known whatever the dash or line break that joined the title's lines", () => {
    const line = (searchText: string, title: string) => ({ searchText, source: { title } }) as unknown as Sentence;
    expect(restatesTitle(line("REGULATION 44 REPORT The Children's Homes Regulations 2015", "REGULATION 44 REPORT – The Children's Homes Regulations 2015"))).toBe(true);
    expect(restatesTitle(line("Annual Report 2022–23", "Annual Report 2022–23"))).toBe(true);
    expect(restatesTitle(line("The Annual Report 2022–23 was approved.", "Annual Report 2022–23"))).toBe(false);
  });
});
