import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../indexer/parse/parse-document.js";

// Trimmed excerpts of long invented council papers whose section paths went wrong across whole documents.
const fixture = (file: string) => readFileSync(new URL(`../fixtures/headings/${file}`, import.meta.url), "utf8");

/** Each passage as its section path, paragraph number and sentences. */
function passagesOf(text: string) {
  return parseDocument("t", text).passages.map((p) => ({
    section: p.section.join(" > "),
    paragraph: p.paragraph,
    sentences: p.sentences.map((s) => text.slice(s.start, s.end)),
  }));
}

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
});
