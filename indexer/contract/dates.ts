/** The months as written in English documents, January first. */
export const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTHS = MONTH_NAMES.map((m) => m.toLowerCase());
const MONTH = `(${MONTHS.join("|")})`;
const WEEKDAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\\s+";

/** "24 October 2017" with an optional weekday before it. */
export const DATE_PATTERN = new RegExp(`(?:${WEEKDAY})?\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s+(\\d{4})\\b`, "i");

/** A line that is nothing but a date, as letters are dated. */
const DATE_LINE = new RegExp(`^(?:${WEEKDAY})?(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s+(\\d{4})\\.?$`, "i");

/** A date with the label that says what it is: "Report published: 24 January 2017". */
const PUBLISHED_LINE = new RegExp(
  `^(?:report published|published|publication date|date of publication|date of issue|date issued)\\s*:?\\s*(?:${WEEKDAY})?(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s+(\\d{4})`,
  "i",
);

function iso(day: string, month: string, year: string): string | undefined {
  const m = MONTHS.indexOf(month.toLowerCase()) + 1;
  const d = Number(day);
  if (m < 1 || d < 1 || d > 31) return undefined;
  return `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
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

/** The ISO date of a labelled publication or issue date line. */
export function parsePublishedLine(text: string): string | undefined {
  const m = PUBLISHED_LINE.exec(text.trim());
  return m ? iso(m[1], m[2], m[3]) : undefined;
}
