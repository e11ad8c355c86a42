import { describe, expect, it } from "vitest";
import { writtenFrom, yearAsked } from "../../server/answer/narrow.js";

describe("the first day a source must be written on to speak to a question", () => {
  it("is where a period 'since' or 'after' a date starts, for a year, a month or a day", () => {
    expect(writtenFrom("Has Worcestershire improved since 2016?")).toBe("2016-01-01");
    expect(writtenFrom("What has changed after March 2017?")).toBe("2017-03-01");
    expect(writtenFrom("what has the council done since 3 May 2018")).toBe("2018-05-03");
  });

  it("is the day or month of what a question asks happened then", () => {
    expect(writtenFrom("What did the panel decide at its meeting on 24 October 2017?")).toBe("2017-10-24");
    expect(writtenFrom("What did the monitoring visit in May 2018 find?")).toBe("2018-05-01");
  });

  it("is none for a question that asks of no period, of a year alone, or of what came before", () => {
    expect(writtenFrom("What do the documents say about caseloads?")).toBeUndefined();
    expect(writtenFrom("What did the 2016 inspection find?")).toBeUndefined();
    expect(writtenFrom("What is planned for May 2018?")).toBeUndefined();
    expect(writtenFrom("Which boards were set up before 2016?")).toBeUndefined();
  });
});

describe("the one year a question asks about", () => {
  it("is a year it asks 'in' or 'during'", () => {
    expect(yearAsked("What did inspectors say about caseloads in 2018?")).toBe(2018);
    expect(yearAsked("What happened during 2016?")).toBe(2016);
  });

  it("is none when it names several years, a span, or a year that dates something else", () => {
    expect(yearAsked("Were decisions recorded in 2010, and had that changed by 2018?")).toBeUndefined();
    expect(yearAsked("What model was introduced in 2017-18?")).toBeUndefined();
    expect(yearAsked("What did the 2016 inspection find?")).toBeUndefined();
    expect(yearAsked("How many children were seen in July 2017?")).toBeUndefined();
  });
});
