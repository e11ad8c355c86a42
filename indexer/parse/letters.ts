import { PERSON_LINE, ROLE_LINE, SALUTATION, SIGN_OFF, type Line } from "./lines.js";
import { ownText } from "./furniture.js";
import { parseDateLine } from "../contract/dates.js";

/** Where a letter sits in a document's lines, and what its head and foot say. */
export interface LetterFrame {
  /** First line of its letterhead, or its date line when there is none. */
  firstLine: number;
  dateLine: number;
  date: string;
  salutationLine: number;
  /** The subject line that follows "Dear …": the letter's title. */
  subject?: string;
  /** "Yours sincerely", or -1 when the letter is cut off. */
  signOffLine: number;
  /** "Dominic Stevens Her Majesty's Inspector", as signed. */
  signature?: string;
  /** Last line that belongs to the letter. */
  lastLine: number;
}

/** A letter's salutation comes within this many lines of its date. */
export const DATE_TO_SALUTATION = 12;

/** The "Dear …" line within DATE_TO_SALUTATION lines after a date line, or -1: only those lines are looked at. */
function salutationAfter(lines: Line[], dateLine: number, short = false): number {
  for (let j = dateLine + 1; j <= Math.min(dateLine + DATE_TO_SALUTATION, lines.length - 1); j++) {
    if (SALUTATION.test(lines[j].text) && (!short || lines[j].text.length < 60)) return j;
  }
  return -1;
}

/**
 * Finds every letter in a document: a date line, a "Dear …" line soon after it,
 * and "Yours sincerely" with a signature at its foot.
 */
export function findLetters(lines: Line[], furniture: Set<number>): LetterFrame[] {
  const letters: LetterFrame[] = [];
  for (let i = 0; i < lines.length; i++) {
    const date = parseDateLine(lines[i].text);
    if (!date) continue;
    const salutationLine = salutationAfter(lines, i);
    if (salutationLine === -1) continue;
    let firstLine = i;
    while (firstLine > 0 && furniture.has(firstLine - 1) && !/^page \d+/i.test(lines[firstLine - 1].text)) firstLine--;
    const subjectLine = lines.slice(salutationLine + 1).find((l, k) => !furniture.has(salutationLine + 1 + k));
    const signOffLine = lines.findIndex((l, j) => j > salutationLine && SIGN_OFF.test(l.text));
    const signature = signOffLine === -1 ? undefined : lines[signOffLine + 1]?.text.replace(/\*\*/g, "");
    const lastLine = signOffLine === -1 ? lines.length - 1 : signature ? signOffLine + 1 : signOffLine;
    letters.push({ firstLine, dateLine: i, date, salutationLine, subject: subjectLine?.text, signOffLine, signature, lastLine });
    i = lastLine;
  }
  return letters;
}

/** The signer's name from a signature line: the words before their title. */
export function signerName(signature: string): string {
  const m = /^(.+?)\s+(?:Her|His) Majesty's\b|^(.+?)\s+(?:HMI|Director|Inspector|Chief|Head|Assistant)\b/.exec(signature);
  return (m?.[1] ?? m?.[2] ?? signature).trim();
}

/** Marks the date, salutation and sign-off lines of every letter in the text. */
export function letterFrameLines(lines: Line[]): Set<number> {
  const marks = new Set<number>();
  lines.forEach((line, i) => {
    if (SALUTATION.test(line.text) && line.text.length < 60) marks.add(i);
    if (parseDateLine(line.text)) {
      marks.add(i);
      // Between a letter's date and its "Dear …" stands the addressee ("By email", "Ms Catherine
      // Doyle", "Chief Executive"): who it went to, not what it says.
      const salutation = salutationAfter(lines, i, true);
      for (let j = i + 1; j < salutation; j++) marks.add(j);
    }
    if (SIGN_OFF.test(line.text)) marks.add(i);
  });
  return marks;
}

/**
 * True for a name over a role ("Tina Russell" / "Assistant Director Safeguarding"), as a title
 * slide says who speaks: content, not headings. A letter's addressee, above its "Dear …", is not one.
 */
export function isByline(lines: Line[], i: number, furniture: Set<number>): boolean {
  const [line, role] = [lines[i], lines[i + 1]];
  const addressee = lines.slice(i + 2, i + DATE_TO_SALUTATION).some((l) => SALUTATION.test(l.text));
  return line.afterBlank && !!role && PERSON_LINE.test(ownText(line)) && ROLE_LINE.test(role.text) && !furniture.has(i + 1) && !addressee;
}
