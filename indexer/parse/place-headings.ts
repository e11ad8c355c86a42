import { continues, type Line } from "./lines.js";
import { ownText } from "./furniture.js";
import type { HeadingLine } from "./heading-shape.js";

/** What deciding a document's headings needs to know of its lines. */
export interface HeadingRules {
  /** The heading at a line as its own shape and neighbours make it, if any. */
  shapeAt: (i: number) => HeadingLine | undefined;
  /** Furniture and a letter's frame, which are never content. */
  skipped: Set<number>;
  levelOf: (line: number, label: string) => number;
  /** True for a heading the contents list names: a heading whatever is under it. */
  listed: (label: string) => boolean;
  byline: (i: number) => boolean;
}

/**
 * Decides which heading-shaped lines are headings, by what comes under them. A heading with
 * nothing under it before the next is that heading's parent ("Main findings" over "Outcomes"),
 * unless it ranks below it. In a run of three or more, the lines between the first and the
 * last have nothing under them and head nothing: they are content ("Inadequate" between a
 * section and its "Summary"; members' names), unless the contents list names them. One with
 * nothing at all after it is content too. Only the cover, above the first content, is left as
 * it stands: its lines name the document, and every citation carries its title and publisher.
 */
export function placeHeadings(lines: Line[], rules: HeadingRules): Map<number, HeadingLine> {
  const { shapeAt, skipped, levelOf, listed, byline } = rules;
  const placed = new Map<number, HeadingLine>();
  let seenContent = false;
  let before: string | undefined;
  for (let i = 0; i < lines.length; ) {
    if (skipped.has(i)) {
      i++;
      continue;
    }
    const first = before !== undefined && lines[i].afterBlank && continues(before, ownText(lines[i])) ? undefined : shapeAt(i);
    if (!first) {
      seenContent = true;
      before = byline(i) ? undefined : ownText(lines[i]);
      i += byline(i) ? 2 : 1;
      continue;
    }
    const run: [number, HeadingLine][] = [[i, first]];
    let next = first.lastLine + 1;
    for (let shape = shapeAt(next); shape; shape = shapeAt(next)) {
      run.push([next, shape]);
      next = shape.lastLine + 1;
    }
    before = undefined;
    if (seenContent && next >= lines.length) run.pop();
    const heads: [number, HeadingLine][] = [];
    run.forEach(([line, heading], k) => {
      if (seenContent && k > 0 && k < run.length - 1 && !listed(heading.text)) return;
      const above = heads[heads.length - 1];
      if (seenContent && above && above[0] === run[k - 1][0]) {
        if (levelOf(above[0], above[1].text) <= levelOf(line, heading.text)) heading = { ...heading, parentLine: above[0] };
        else if (!listed(above[1].text)) heads.pop();
      }
      heads.push([line, heading]);
    });
    for (const [line, heading] of heads) placed.set(line, heading);
    i = next;
  }
  return placed;
}
