import type { Line } from "./lines.js";
import { headingLabel, isHeadingText } from "./heading-shape.js";

/**
 * How a document ranks its headings: 1 for its top-level sections, 2 for those inside them.
 * The contents list names the top-level sections; without one, a document that shouts some
 * headings in capitals puts the rest inside them. A heading used in several sections
 * ("Summary", "Inspection findings") is never top-level.
 */
export function headingLevels(lines: Line[], contentsRows: Set<number>, majors: Set<string>): (label: string) => 1 | 2 {
  const hasCapsHeadings = lines.some((l) => isHeadingText(l.text) && /[A-Z]{4}/.test(l.text) && l.text === l.text.toUpperCase());
  const headingCounts = new Map<string, number>();
  for (const [i, l] of lines.entries()) {
    if (!isHeadingText(l.text) || contentsRows.has(i)) continue;
    const key = headingLabel(l.text).toLowerCase();
    headingCounts.set(key, (headingCounts.get(key) ?? 0) + 1);
  }
  return (label) => {
    if ((headingCounts.get(label.toLowerCase()) ?? 0) > 1) return 2;
    if (majors.size > 0) return majors.has(label.toLowerCase()) ? 1 : 2;
    return hasCapsHeadings && label !== label.toUpperCase() ? 2 : 1;
  };
}
