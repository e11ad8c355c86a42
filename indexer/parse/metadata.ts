import { HEAD_LINES, type Line } from "./lines.js";
import type { LetterFrame } from "./letters.js";
import { parseDate, parseDateLine, parseDateOrMonthLine, parseMonthYear, parsePublishedLine } from "../contract/dates.js";
import { inspectorateIn, isCouncilName, isInspectorateName, mainCouncil, mainPlace } from "./publishers.js";
import { headingLabel, splitTitle } from "./structure.js";
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
 * body names; else the council it names.
 */
export function letterPublisher(head: string, signature: string | undefined, body: string): string {
  const byInspector = signature && /majesty's inspector|\bHMI\b/i.test(signature) ? inspectorateIn(body) : undefined;
  return inspectorateIn(head) ?? (signature && inspectorateIn(signature)) ?? byInspector ?? mainCouncil(body) ?? "Unknown publisher";
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

/** A line that labels a date: "Date: 4 May 2022", "Inspection date: 24 October 2016 to …". */
const DATED_LINE = /^[\w ]{0,30}\bdates?\s*(?:of [\w ]+)?:/i;

/**
 * A report's title: a Markdown title ("# Panel notes") if it has one, else the first line
 * near the top that is neither its subject council nor a date, with the lines it runs on
 * to when the title is split over several.
 */
function reportTitle(head: Line[], furniture: Set<number>): string {
  // Not a Markdown heading that only names the council or inspectorate: "# MARCHWOOD BOROUGH COUNCIL".
  const markdown = head.find((l) => /^#\s+\S/.test(l.text) && l.text.length <= TITLE_LINE_MAX && !isCouncilName(headingLabel(l.text)) && !isInspectorateName(headingLabel(l.text)));
  if (markdown) return headingLabel(markdown.text);
  // A council report's cover sheet says which line is the title: "Report title: Budget outturn 2021/22".
  const labelled = head.map((l) => TITLE_LABEL.exec(l.text)?.[1]).find((t) => t && t.length <= TITLE_LINE_MAX);
  if (labelled) return labelled;
  const at = head.findIndex(
    (l, i) =>
      !furniture.has(i) &&
      l.text.length >= 15 &&
      l.text.length <= TITLE_LINE_MAX &&
      !isCouncilName(l.text) &&
      !isInspectorateName(l.text) &&
      // A date line is no title, but a title may hold a date: "Minutes of the … Committee held on 12 July 2022".
      !parseDateLine(l.text) &&
      !DATED_LINE.test(l.text) &&
      !l.text.includes("\t"),
  );
  if (at === -1) return "Untitled document";
  return splitTitle(head, at)?.text ?? headingLabel(head[at].text);
}

/**
 * Derives a document's citation metadata from its own text: a letter from its head and
 * foot, an agenda from its front page, a report from its title page and publication line.
 */
export function deriveMetadata(text: string, lines: Line[], furniture: Set<number>, letters: LetterFrame[]): SourceMeta & { meetingDate?: string } {
  const head = lines.slice(0, HEAD_LINES);
  const headText = head.map((l) => l.text).join("\n");
  const place = mainPlace(text) ?? UNKNOWN_PLACE;
  const published = lines.map((l) => parsePublishedLine(l.text)).find(Boolean);
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
  const inspectorate = (producer && inspectorateIn(producer)) ?? inspectorateIn(headText);
  // An inspectorate's report whose cover speaks of inspecting ("Date of inspection: May 2019") is an inspection report, whatever its title.
  const inspection = /inspection|review of/i.test(title) || (!!inspectorate && /\binspect/i.test(headText));
  // The cover's date, a day or else a month ("March 2023"), before any date in the body, which may be a visit's.
  const coverDate = head.map((l) => parseDateOrMonthLine(l.text)).find(Boolean) ?? parseDate(headText) ?? parseMonthYear(headText);
  return {
    title,
    publisher: inspectorate ?? mainCouncil(text) ?? "Unknown publisher",
    place,
    kind: inspection ? "inspection report" : /^minutes\b/i.test(title) ? "minutes" : "report",
    date: published ?? coverDate ?? parseDate(text) ?? null,
  };
}
