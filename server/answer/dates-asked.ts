import { dateSpan, MONTH_NAMES, parseDate, parseMonthYear } from "../../indexer/contract/dates.js";

/** What a question asks of time: the one year it is about, and the first day a source must be written on to speak to it. */

/** The distinct years a question writes. */
const yearsNamed = (question: string) => new Set(question.match(/\b(?:19|20)\d{2}\b/g) ?? []);

/** "has it improved since?", "what has changed since then?": since the date the question names already. */
const SINCE_THEN = /\bsince\s*(?:then\b|[?.!]|$)/i;

/**
 * The one year a question asks about, as in "caseloads in 2018": not one of several ("in 2010, and
 * by 2018"), nor a span ("in 2017-18"), nor a year it dates something else by ("the 2016 inspection").
 */
export function yearAsked(question: string): number | undefined {
  if (SINCE_THEN.test(question)) return undefined;
  const years = yearsNamed(question);
  const m = /\b(?:in|during)\s+((?:19|20)\d{2})\b(?![-–/]\d)/i.exec(question);
  return years.size === 1 && m ? Number(m[1]) : undefined;
}

/** "since 2016", "after March 2017", "between April 2017 and…": where the period a question asks about starts. */
const SINCE = new RegExp(`\\b(?:since|after|between)\\s+(?:the\\s+)?(?:(?:\\d{1,2}\\s+)?(?:${MONTH_NAMES.join("|")})\\s+)?((?:19|20)\\d{2})\\b`, "i");

/** A question about what happened then: "what did the panel decide…", "what was found…". */
const PAST = /\b(?:did|was|were|happened|decided|agreed|found|concluded)\b/i;

/** A question about what came before a date, which later sources may tell too. */
const BEFORE = /\b(?:before|until|till|prior to)\b/i;

/** The one year a question names, not as a span ("2017-18"): "what did the 2018 visit find?". */
function loneYear(question: string): string | undefined {
  const years = yearsNamed(question);
  return years.size === 1 && !/\b(?:19|20)\d{2}[-–/]\d/.test(question) ? `${[...years][0]}-01-01` : undefined;
}

/**
 * The first day a source must be written on to speak to the question, if any. No source
 * written before 2016 can say what changed "since 2016"; none written before a meeting can
 * say what it decided ("on 24 October 2017"), nor what a visit "in May 2018" or "the 2018
 * visit" found.
 */
export function writtenFrom(question: string): string | undefined {
  const since = SINCE.exec(question);
  const date = since
    ? parseDate(since[0]) ?? parseMonthYear(since[0]) ?? `${since[1]}-01-01`
    : (PAST.test(question) || SINCE_THEN.test(question)) && !BEFORE.test(question)
      ? parseDate(question) ?? parseMonthYear(question) ?? loneYear(question)
      : undefined;
  return date && dateSpan(date).first;
}

/** A year of account: "2019/20", "2019-20", "2019–2020", "2019 to 2020". */
const YEAR_OF_ACCOUNT = /\b((?:19|20)\d{2})\s*(?:[/–-]|to)\s*(\d{2}|(?:19|20)\d{2})\b/g;

/** A question about a change across periods, or since one: its figures come from more than the period it names. */
const ACROSS = /\b(?:since|between|from|compare[ds]?|comparison|change[ds]?|trend|before|after)\b/i;

/** The year of account a figure is asked for, and how to find it written in a passage, whichever way it is written. */
export interface PeriodAsked {
  asWritten: string;
  pattern: RegExp;
}

/**
 * The one year of account a question asks a figure for, as in "How much did the council overspend in
 * 2019/20?": not one of several, nor the start of a change ("since 2020/21").
 */
export function periodAsked(question: string): PeriodAsked | undefined {
  const found = [...question.matchAll(YEAR_OF_ACCOUNT)].filter((m) => {
    const [first, second] = [Number(m[1]), Number(m[2])];
    return second === first + 1 || second === (first + 1) % 100;
  });
  if (found.length !== 1 || ACROSS.test(question)) return undefined;
  const first = Number(found[0][1]);
  const next = first + 1;
  return { asWritten: found[0][0], pattern: new RegExp(`\\b${first}\\s*(?:[/–-]|to)\\s*(?:${next}|${String(next % 100).padStart(2, "0")})\\b`) };
}
