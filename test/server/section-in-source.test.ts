import { describe, expect, it } from "vitest";
import { sectionInSource } from "../../server/answer/compose-answer.js";

const letter = {
  title: "Monitoring visit of Worcestershire children's services",
  publisher: "Ofsted",
  place: "Worcestershire",
  kind: "monitoring visit letter",
  date: "2017-10-12",
  within: { documentId: "agenda", title: "Panel agenda, 24 October 2017", label: "Appendix 1" },
};

describe("a citation's section", () => {
  it("leaves out the pack's heading for a letter cited as itself, and a heading that repeats its title", () => {
    const appendix = "Appendix 1: Monitoring visit of Worcestershire children's services";
    expect(sectionInSource([appendix, "Findings and evaluation of progress"], letter)).toEqual(["Findings and evaluation of progress"]);
    expect(sectionInSource([appendix, "Monitoring visit of Worcestershire children's services"], letter)).toEqual([]);
  });

  it("keeps every heading of a document cited whole, and a later heading that happens to repeat a label", () => {
    const report = { ...letter, title: "Inspection report", within: undefined };
    expect(sectionInSource(["Summary", "Appendix 1: Data"], report)).toEqual(["Summary", "Appendix 1: Data"]);
    expect(sectionInSource(["Inspection report", "Summary"], report)).toEqual(["Summary"]);
    expect(sectionInSource(["Overview", "Appendix 1: Data"], letter)).toEqual(["Overview", "Appendix 1: Data"]);
  });
});
