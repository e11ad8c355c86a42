/** The months as written in English documents, January first. */
export const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTHS = MONTH_NAMES.map((m) => m.toLowerCase());
const MONTH = `(${MONTHS.join("|")})`;
const WEEKDAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\\s+";

/** "24 October 2017" with an optional weekday before it. */
export const DATE_PATTERN = new RegExp(`(?:${WEEKDAY})?\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s+(\\d{4})\\b`, "i");

/** A line that is nothing but a date, as letters are dated. */
const DATE_LINE = new RegExp(`^(?:${WEEKDAY})?(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s+(\\d{4})\\.?$`, "i");

/** A date with the label that says what it is: "Report published: 24 January 2017", or "Published: March 2023". */
const PUBLISHED_LINE = new RegExp(
  `^(?:report published|published|publication date|date of publication|date of issue|date issued)\\s*:?\\s*(?:${WEEKDAY})?(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?${MONTH}\\s+(\\d{4})`,
  "i",
);

/** A line that is only a month and year, as an inspection report's cover is dated: "March 2023". */
const MONTH_LINE = new RegExp(`^${MONTH}\\s+(\\d{4})\\.?$`, "i");

/** "March 2023" anywhere in text. */
const MONTH_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{4})\\b`, "i");

/**
 * The ISO date of a day ("2017-01-24"), or of a month ("2023-03") when the text gives no day:
 * a day nobody wrote is never made up.
 */
function iso(day: string | undefined, month: string, year: string): string | undefined {
  const m = MONTHS.indexOf(month.toLowerCase()) + 1;
  if (m < 1) return undefined;
  const yearMonth = `${year}-${String(m).padStart(2, "0")}`;
  if (day === undefined) return yearMonth;
  const d = Number(day);
  return d >= 1 && d <= 31 ? `${yearMonth}-${String(d).padStart(2, "0")}` : undefined;
}

/** The days a date covers: a day is itself, a month ("2023-03") runs from its first day to its last. */
export function dateSpan(date: string): { first: string; last: string } {
  if (date.length !== 7) return { first: date, last: date };
  const [y, m] = date.split("-").map(Number);
  return { first: `${date}-01`, last: `${date}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}` };
}

/** The ISO date of the first date written out in text ("24 October 2017" → "2017-10-24"). */
export function parseDate(text: string): string | undefined {
  const m = DATE_PATTERN.exec(text);
  return m ? iso(m[1], m[2], m[3]) : undefined;
}

/** The ISO date if the whole line is a date, as at the head of a letter. */
export function parseDateLine(text: string): string | undefined {
  const m = DATE_LINE.exec(text.trim());
  return m ? iso(m[1], m[2], m[3]) : undefined;
}

/** The ISO date (or month) of a labelled publication or issue date line. */
export function parsePublishedLine(text: string): string | undefined {
  const m = PUBLISHED_LINE.exec(text.trim());
  return m ? iso(m[1], m[2], m[3]) : undefined;
}

/** The ISO date if the whole line is a date, else the ISO month if it is a month and year: how a cover or front matter dates a document. */
export function parseDateOrMonthLine(text: string): string | undefined {
  return parseDateLine(text) ?? parseMonthLine(text);
}

/** The ISO month ("2023-03") if the whole line is a month and year. */
export function parseMonthLine(text: string): string | undefined {
  const m = MONTH_LINE.exec(text.trim());
  return m ? iso(undefined, m[1], m[2]) : undefined;
}

/** The ISO month of the first month and year written in text: "Date of inspection: May 2019" → "2019-05". */
export function parseMonthYear(text: string): string | undefined {
  const m = MONTH_YEAR.exec(text);
  return m ? iso(undefined, m[1], m[2]) : undefined;
}
