import { describe, expect, it } from "vitest";
import { periodAsked, writtenFrom, yearAsked } from "../../server/answer/dates-asked.js";

describe("the first day a source must be written on to speak to a question", () => {
  it("is where a period 'since', 'after' or 'between' dates starts, for a year, a month or a day", () => {
    expect(writtenFrom("Has Worcestershire improved since 2016?")).toBe("2016-01-01");
    expect(writtenFrom("What has changed after March 2017?")).toBe("2017-03-01");
    expect(writtenFrom("what has the council done since 3 May 2018")).toBe("2018-05-03");
    expect(writtenFrom("How did performance change between April 2017 and July 2017?")).toBe("2017-04-01");
    expect(writtenFrom("What progress was made between the 2017 and 2018 monitoring visits?")).toBe("2017-01-01");
  });

  it("is the day, month or year of what a question asks happened then", () => {
    expect(writtenFrom("What did the panel decide at its meeting on 24 October 2017?")).toBe("2017-10-24");
    expect(writtenFrom("What did the monitoring visit in May 2018 find?")).toBe("2018-05-01");
    expect(writtenFrom("What were the key findings of the 2018 visit?")).toBe("2018-01-01");
    // A follow-up "since" runs from the year asked about before.
    expect(writtenFrom("What was the re-referral rate in 2018 — has it improved since?")).toBe("2018-01-01");
  });

  it("is none for a question that asks of no period, of what is to come, of a span or several years, or of what came before", () => {
    expect(writtenFrom("What do the documents say about caseloads?")).toBeUndefined();
    expect(writtenFrom("What is planned for May 2018?")).toBeUndefined();
    expect(writtenFrom("What model was introduced in 2017-18?")).toBeUndefined();
    expect(writtenFrom("Were decisions recorded in 2010, and had that changed by 2018?")).toBeUndefined();
    expect(writtenFrom("Which boards were set up before 2016?")).toBeUndefined();
    expect(writtenFrom("What happened before 24 October 2017?")).toBeUndefined();
  });
});

describe("the one year a question asks about", () => {
  it("is a year it asks 'in' or 'during'", () => {
    expect(yearAsked("What did inspectors say about caseloads in 2018?")).toBe(2018);
    expect(yearAsked("What happened during 2016?")).toBe(2016);
  });

  it("is none when it names several years, a span, a year that dates something else, or one it asks what came since", () => {
    expect(yearAsked("What was the re-referral rate in 2018 — has it improved since?")).toBeUndefined();
    expect(yearAsked("Were decisions recorded in 2010, and had that changed by 2018?")).toBeUndefined();
    expect(yearAsked("What model was introduced in 2017-18?")).toBeUndefined();
    expect(yearAsked("What did the 2016 inspection find?")).toBeUndefined();
    expect(yearAsked("How many children were seen in July 2017?")).toBeUndefined();
  });
});

describe("the year of account a figure is asked for", () => {
  it("is found however the question writes it, and in a passage however the passage writes it", () => {
    const period = periodAsked("How much did children's services overspend in 2019/20?")!;
    expect(period.asWritten).toBe("2019/20");
    expect(["in 2019/20 the overspend", "2019-20 outturn", "2019–2020", "2019 to 2020", "2019/21", "2018/19", "12019/20"].map((t) => period.pattern.test(t))).toEqual([true, true, true, true, false, false, false]);
    expect(periodAsked("What is the net revenue budget for 1999-2000?")?.asWritten).toBe("1999-2000");
  });

  it("is none for a change across periods, several periods, or a span that is no year of account", () => {
    expect(periodAsked("Has the number of children on plans gone up since 2020/21?")).toBeUndefined();
    expect(periodAsked("How did concerns change between 2019-20 and 2021-22?")).toBeUndefined();
    expect(periodAsked("How many people died by suicide in 2017-19?")).toBeUndefined();
    expect(periodAsked("How many fly-tipping incidents were there in 2022?")).toBeUndefined();
  });
});
