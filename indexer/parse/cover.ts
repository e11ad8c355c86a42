import type { Line } from "./lines.js";
import { withoutHashes } from "./heading-shape.js";
import { isCouncilName, isInspectorateName } from "./publishers.js";
import { parseMonthLine } from "../contract/dates.js";

/** A cover takes no more than this many lines. */
const MAX_COVER_LINES = 15;

/** A line of running prose: it closes a sentence and has words enough to be one. */
const PROSE = /^(?:\S+\s+){5,}.*[.?!]$/;

/**
 * The lines of a document's cover that only say whose and when it is: a council's or
 * inspectorate's name on its own line ("LOWMOOR DISTRICT COUNCIL", "Estyn") and a date on its
 * own ("January 2019"; a day's date is already a letter's date line). They are the citation's
 * publisher and date, never a section heading. The cover ends where prose starts.
 */
export function coverLines(lines: Line[]): Set<number> {
  const cover = new Set<number>();
  for (let i = 0; i < Math.min(lines.length, MAX_COVER_LINES) && !PROSE.test(lines[i].text); i++) {
    const text = withoutHashes(lines[i].text);
    if (isCouncilName(text) || isInspectorateName(text) || parseMonthLine(text)) cover.add(i);
  }
  return cover;
}
