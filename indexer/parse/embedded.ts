import { HEAD_LINES, PERSON_LINE, type Line } from "./lines.js";
import type { LetterFrame } from "./letters.js";
import { letterKind, letterPublisher, type SourceMeta } from "./metadata.js";
import { signerName } from "./letters.js";
import type { DocumentRecord } from "../contract/schemas.js";
import { headingLabel } from "./structure.js";

/**
 * A document inside a document: a letter or presentation appended to an agenda pack, as the
 * index records it (labelled "Appendix 1" when the pack lists its appendices, otherwise
 * "Enclosure 1"), with the lines it spans.
 */
export type EmbeddedPart = DocumentRecord["parts"][number] & { firstLine: number; lastLine: number };

/** "Appendix 1 Ofsted Monitoring Visit Outcome Letter" in a pack's list of supporting papers. */
const APPENDIX_ENTRY = /^(?:[-•*]\s+)?(appendix|annex|enclosure)\s+(\d+|[A-Z])\b\s*[-–:]?\s*(.*)$/i;

function appendixList(lines: Line[]): { label: string; description: string }[] {
  return lines
    .map((l) => APPENDIX_ENTRY.exec(l.text))
    .filter((m): m is RegExpExecArray => m !== null && m[3].length > 3)
    .map((m) => ({ label: `${m[1][0].toUpperCase()}${m[1].slice(1).toLowerCase()} ${m[2]}`, description: m[3].trim() }));
}

/**
 * Finds the documents a pack contains. Every letter after the first lines is one; when the
 * pack lists more appendices than it has letters, the content after the last letter is the
 * next appendix, attributed to the pack's publisher and dated by its meeting.
 */
export function findEmbeddedParts(
  lines: Line[],
  furniture: Set<number>,
  letters: LetterFrame[],
  container: SourceMeta & { meetingDate?: string },
  textLength: number,
): EmbeddedPart[] {
  const appendices = appendixList(lines);
  // A letter dated near the top is the document itself (its metadata); the rest are appended.
  const embedded = letters.filter((l) => l.firstLine > 0 && l.dateLine >= HEAD_LINES);
  const parts: EmbeddedPart[] = embedded.map((letter, i) => {
    const head = lines.slice(letter.firstLine, letter.dateLine + 1).map((l) => l.text).join("\n");
    const body = lines.slice(letter.salutationLine, letter.lastLine + 1).map((l) => l.text).join("\n");
    return {
      label: appendices[i]?.label ?? `Enclosure ${i + 1}`,
      title: letter.subject ? headingLabel(letter.subject) : appendices[i]?.description ?? "Letter",
      publisher: letterPublisher(head, letter.signature, body),
      place: container.place,
      kind: letterKind(letter.subject),
      date: letter.date,
      author: letter.signature ? signerName(letter.signature) : undefined,
      start: lines[letter.firstLine].start,
      end: lines[letter.lastLine].end,
      firstLine: letter.firstLine,
      lastLine: letter.lastLine,
    };
  });
  const last = embedded[embedded.length - 1];
  const next = appendices[embedded.length];
  if (last && next) {
    const firstLine = lines.findIndex((l, i) => i > last.lastLine && !furniture.has(i));
    if (firstLine !== -1) {
      const lastLine = lines.length - 1;
      const presenter = lines.slice(firstLine, firstLine + 4).find((l) => PERSON_LINE.test(l.text));
      parts.push({
        label: next.label,
        title: next.description,
        publisher: container.publisher,
        place: container.place,
        kind: /presentation/i.test(next.description) ? "presentation" : "appendix",
        date: container.meetingDate ?? container.date,
        author: presenter?.text,
        start: lines[firstLine].start,
        end: Math.min(lines[lastLine].end, textLength),
        firstLine,
        lastLine,
      });
    }
  }
  return parts;
}
