import { HEAD_LINES, paragraphNumber, type Line } from "./lines.js";
import type { LetterFrame } from "./letters.js";
import { parseDate, parseDateLine, parseDateOrMonthLine, parseMonthYear, parsePublishedLine } from "../contract/dates.js";
import { boardName, coronerIn, councilNamed, INSPECTOR_NAMED, inspectorateIn, isCouncilName, isInspectorateName, letterheadBody, mainCouncil, mainPlace } from "./publishers.js";
import { headingLabel, splitTitle, type Structure } from "./structure.js";
import { headingShaped } from "./heading-shape.js";
import { TITLE_LABEL } from "./furniture.js";
import { UNKNOWN_PLACE, type Source } from "../contract/schemas.js";

/**
 * What a citation needs to say about where a passage comes from. Its date is the letter's
 * date or the publication date, and null when the text gives none.
 */
export type SourceMeta = Omit<Source, "author" | "within">;

/** The kind of letter, from its subject line. */
export function letterKind(subject: string | undefined): string {
  if (subject && /monitoring visit/i.test(subject)) return "monitoring visit letter";
  // An ombudsman's or a regulator's annual letter is a letter, not an inspection's.
  return subject && !/inspect/i.test(subject) ? "letter" : "inspection letter";
}

/**
 * The publisher of a letter: the inspectorate its letterhead or signature names; for a letter
 * signed by one of Her Majesty's Inspectors, which several inspectorates have, the one its
 * body names; else another body its letterhead names; else the council it names.
 */
export function letterPublisher(head: string, signature: string | undefined, body: string): string {
  const byInspector = signature && INSPECTOR_NAMED.test(signature) ? inspectorateIn(body) : undefined;
  // A body its letterhead, the document's first line, names, not the council it writes to: "Office of the Independent Advocate for Children in England".
  const sender = letterheadBody(body.trimStart().split("\n")[0] ?? "");
  return inspectorateIn(head) ?? (signature && inspectorateIn(signature)) ?? byInspector ?? sender ?? mainCouncil(body) ?? "Unknown publisher";
}

function isAgenda(head: Line[]): boolean {
  return head.slice(0, 3).some((l) => /^agenda\b/i.test(l.text));
}

/** A committee agenda's title: "<committee> agenda, <meeting date>". */
function agendaTitle(head: Line[]): string {
  const at = head.findIndex((l) => /^agenda\b/i.test(l.text));
  const committee = head[at + 1]?.text ?? "Committee";
  const when = head.slice(at + 2, at + 4).map((l) => /\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+ \d{4}/.exec(l.text)?.[0]).find(Boolean);
  return when ? `${committee} agenda, ${when}` : `${committee} agenda`;
}

/**
 * The longest line that can be a title or part of one. A longer line is prose: a document
 * written as one unbroken line would otherwise be titled with all of itself, and every
 * citation would carry it.
 */
const TITLE_LINE_MAX = 250;

/** A cover sheet's subject line, the title when it gives none by name: "Subject: Annual Governance Statement 2020/21". */
const SUBJECT_LABEL = /^subject\s*:\s*(\S.*)$/i;

/** A line as it reads without Markdown's bold, and a table's row as the line it stands for: "| **Report title:** | Budget |" → "Report title: Budget". */
const plainRow = (text: string) => (/^\|.*\|$/.test(text) ? text.slice(1, -1).replace(/\s*\|\s*/, " ").trim() : text).replace(/\*\*/g, "");

/** A line saying who wrote: "Report by the Local Government and Social Care Ombudsman". */
const BYLINE = /^(?:a )?report (?:by|from)\b/i;

/** A title line that runs on to the next: it ends on a word that needs more. */
const RUNS_ON = /\b(?:a|an|the|of|for|to|in|on|into|against|by|and|with|from|at)$/i;

/** A title line that goes on from the one above: "MINUTES OF A MEETING OF THE CABINET" / "HELD AT COUNTY HALL, RAVENSMOOR". */
const RUNS_FROM = /^(?:held|of|for|to|in|on|into|against|by|and|with|from|at)\b/i;

/** A web page's trail of links above its title: "Home > News > Council sets out action after inspection". */
const BREADCRUMB = /^[^>›»]{1,40}(?:\s[>›»]\s[^>›»]+){2,}$/;

/**
 * A line naming the part of the council a paper comes from, above its title: "Children and Young People's Directorate",
 * "Internal Audit Service"; not the title of its minutes, "MINUTES OF A MEETING OF THE AUDIT AND GOVERNANCE COMMITTEE".
 */
const UNIT_LINE = /^(?!minutes\b)[\w'’,& -]{3,80} (?:Directorate|Department|Committee|Service|Division)$/i;

/**
 * A line naming only the kind of paper, which goes with the subject line beside it: "FINAL REPORT",
 * "Final internal audit report", or the committee's "DECISION NOTICE" under "LICENSING SUB-COMMITTEE".
 */
const KIND_ONLY = /^(?:final |draft |interim )?(?:(?:[a-z]+ ){0,2}report|decision notice|notice of decision)$/i;

/** Cover lines that name a body without saying it wrote: whom copies go to, and a reference number it gave. */
const NOT_AUTHORSHIP = /^(?:distribution|circulation|copies? to|cc)\s*:|\breference number\b|\bURN\b/i;

/** A line giving the date a report was signed: "Dated: 4 March 2024", numbered as a form's last box, "9 Dated: …". */
const SIGNED_ON = /^(?:\d{1,2}\.?\s+)?dated\s*:?\s+(.+)$/i;

/** The most lines a title set without blanks between may take. */
const TITLE_LINES = 3;

/** A line that labels a date: "Date: 4 May 2022", "Inspection date: 24 October 2016 to …". */
const DATED_LINE = /^[\w ]{0,30}\bdates?\s*(?:of [\w ]+)?:/i;

/**
 * A report's title: a Markdown title ("# Panel notes") if it has one, else the first line
 * near the top that is neither its subject council nor a date, with the lines it runs on
 * to when the title is split over several.
 */
function reportTitle(head: Line[], furniture: Set<number>): string {
  // A line that names who wrote, not what: a council, an inspectorate (its logo may take two
  // lines, "Local Government & Social Care" / "OMBUDSMAN"), a safeguarding board, the part of the
  // council it comes from, a byline.
  const names = (i: number) => {
    const text = headingLabel(head[i].text);
    const logo = head[i + 1] && !head[i + 1].afterBlank ? `${text} ${head[i + 1].text}` : text;
    return isCouncilName(text) || isInspectorateName(text) || isInspectorateName(logo) || !!boardName(text) || UNIT_LINE.test(text) || BYLINE.test(text);
  };
  // Not a Markdown heading that only names the council or inspectorate ("# MARCHWOOD BOROUGH COUNCIL"), nor a numbered section ("# 1. Executive summary").
  const markdown = head.findIndex((l, i) => /^#\s+\S/.test(l.text) && l.text.length <= TITLE_LINE_MAX && !names(i) && paragraphNumber(headingLabel(l.text)) === undefined);
  if (markdown >= 0) return headingLabel(head[markdown].text);
  // A council report's cover sheet says which line is the title: "Report title: Budget outturn 2021/22", or "Subject: …",
  // as a line or as a Markdown table's row, "| **Report title:** | … |".
  const labelled = head.map((l) => plainRow(l.text)).map((t) => (TITLE_LABEL.exec(t) ?? SUBJECT_LABEL.exec(t))?.[1]).find((t) => t && t.length <= TITLE_LINE_MAX);
  if (labelled) return labelled;
  const titleLine = (l: Line, i: number) =>
    !furniture.has(i) &&
    l.text.length <= TITLE_LINE_MAX &&
    !names(i) &&
    // A date line is no title, but a title may hold a date: "Minutes of the … Committee held on 12 July 2022".
    !parseDateLine(l.text) &&
    !parsePublishedLine(l.text) &&
    !DATED_LINE.test(l.text) &&
    !BREADCRUMB.test(l.text) &&
    !l.text.includes("\t");
  // Minutes say whose meeting they record: "MINUTES of a meeting of the Health and Wellbeing Board held…", not the board's name above.
  const minutes = head.findIndex((l, i) => /^minutes of\b/i.test(l.text) && titleLine(l, i));
  const at = minutes >= 0 ? minutes : head.findIndex((l, i) => l.text.length >= 15 && titleLine(l, i));
  if (at === -1) return "Untitled document";
  const split = splitTitle(head, at);
  if (split) return split.text;
  // A title set on lines of its own with no blank between: "Children's Social Care" / "Complaints, Compliments and Representations" /
  // "Annual Report 2017/18", each line a part of it; or a line that runs on, "Investigation into a complaint against" / "Fallowmere City Council".
  const parts = [headingLabel(head[at].text)];
  for (let i = at + 1; i < at + TITLE_LINES && head[i] && !head[i].afterBlank && headingShaped(head[i].text) && !parseDate(head[i].text); i++) {
    const runsOn = RUNS_ON.test(parts[parts.length - 1]) || RUNS_FROM.test(head[i].text);
    if (!runsOn && !titleLine(head[i], i)) break;
    parts.push(`${runsOn ? " " : " – "}${headingLabel(head[i].text)}`);
  }
  // A subject and the kind of paper on lines apart: "Children's Emotional Wellbeing … Task Group" / "FINAL REPORT", or the other way round.
  const next = head[at + parts.length];
  const kindOnly = (text: string) => KIND_ONLY.test(headingLabel(text));
  if (next && titleLine(next, at + parts.length) && headingShaped(next.text) && (kindOnly(next.text) || (parts.length === 1 && kindOnly(head[at].text)))) parts.push(` – ${headingLabel(next.text)}`);
  return parts.join("").slice(0, TITLE_LINE_MAX);
}

/**
 * Derives a document's citation metadata from its own text: a letter from its head and
 * foot, an agenda from its front page, a report from its title page and publication line.
 */
export function deriveMetadata(text: string, lines: Line[], { furniture, contentsRows }: Pick<Structure, "furniture" | "contentsRows">, letters: LetterFrame[]): SourceMeta & { meetingDate?: string } {
  const head = lines.slice(0, HEAD_LINES);
  const headText = head.map((l) => l.text).join("\n");
  // A council whose name is the document's first line, as its letterhead: "BRACKLEY VALE COUNCIL".
  const letterhead = head[0] && councilNamed(headingLabel(head[0].text));
  const place = letterhead?.place ?? mainPlace(text) ?? UNKNOWN_PLACE;
  const published = lines.map((l) => parsePublishedLine(plainRow(l.text))).find(Boolean);
  const own = letters[0] && letters[0].dateLine < HEAD_LINES ? letters[0] : undefined;

  if (own) {
    const letterHead = lines.slice(own.firstLine, own.dateLine + 1).map((l) => l.text).join("\n");
    return {
      title: own.subject ? headingLabel(own.subject) : "Letter",
      publisher: letterPublisher(letterHead, own.signature, text),
      place,
      kind: letterKind(own.subject),
      date: own.date,
    };
  }
  if (isAgenda(head)) {
    const meetingDate = head.map((l) => parseDate(l.text)).find(Boolean);
    return {
      title: agendaTitle(head),
      publisher: mainCouncil(text) ?? "Unknown publisher",
      place,
      kind: "committee agenda",
      date: published ?? meetingDate ?? null,
      meetingDate,
    };
  }
  const title = reportTitle(head, furniture);
  const producer = /\b(\w+) produces this report\b/i.exec(text)?.[1];
  // Not a section its contents list names: "7. Local Government and Social Care Ombudsman … 6".
  const coverLines = head.filter((_, i) => !contentsRows.has(i)).map((l) => l.text);
  const coverText = coverLines.join("\n");
  // One of Her Majesty's Inspectors leads inspections for several inspectorates: the body says which.
  // So do inspectors named at the end of a report whose cover says it is an inspection: "Inspection of Marshfield Community School".
  const byInspector = INSPECTOR_NAMED.test(coverText) || (/^inspection of\b/im.test(coverText) && INSPECTOR_NAMED.test(text)) ? inspectorateIn(text) : undefined;
  // An inspectorate that says it wrote: it produces the report, its name is a line of the cover, or its inspectors led.
  const ownLine = head.map((l) => headingLabel(l.text)).find(isInspectorateName);
  const inspectorate = (producer && inspectorateIn(producer)) ?? (ownLine && inspectorateIn(ownLine)) ?? byInspector;
  // One the cover only mentions ("Inspectors from Ofsted visited…", "Prepared for the Ofsted annual engagement meeting") wrote it only when no council's letterhead says otherwise.
  // Not a body the cover sends a copy to, nor one whose reference number it gives: "Distribution: …; Ofsted", "Ofsted unique reference number: SC482913".
  const mentioned = inspectorateIn(coverLines.filter((line) => !NOT_AUTHORSHIP.test(line)).join("\n"));
  const board = head.map((l) => boardName(l.text)).find(Boolean);
  // An inspectorate's report whose cover speaks of inspecting ("Date of inspection: May 2019") is an inspection report, whatever its title.
  const inspection = /inspection|review of/i.test(title) || (!!(inspectorate ?? mentioned) && !letterhead && /\binspect/i.test(headText));
  // The cover's date, a day or else a month ("March 2023"), before any date in the body, which may be a visit's.
  const coverDate = head.map((l) => parseDateOrMonthLine(l.text)).find(Boolean) ?? parseDate(headText) ?? parseMonthYear(headText);
  // A report signed off with its date, as a coroner's is: "9 Dated: 4 March 2024".
  const signedOn = lines.map((l) => SIGNED_ON.exec(l.text)?.[1]).map((d) => d && parseDate(d)).find(Boolean);
  const coroner = coronerIn(text);
  return {
    title,
    publisher: inspectorate ?? coroner ?? letterhead?.name ?? mentioned ?? board ?? mainCouncil(text) ?? "Unknown publisher",
    place,
    kind: inspection ? "inspection report" : /^minutes\b/i.test(title) ? "minutes" : "report",
    date: published ?? signedOn ?? coverDate ?? parseDate(text) ?? null,
  };
}
