import { BOLD_LINE, DECIMAL_NUMBER, ITEM_LETTER, SUPERSCRIPTS } from "./lines.js";

/** A character range [start, end) into a document's original text. */
export interface Span {
  start: number;
  end: number;
}

/** Words whose trailing full stop does not end a sentence. */
const ABBREVIATION = /(?:^|[\s(])(?:mr|mrs|ms|dr|no|nos|st|prof|cllr|rev|hon|vs|cf|approx|e\.g|i\.e|[a-z])$/i;
const CLOSERS = `"'’”)]*`;
/** Sentences this short ("(Recommendation)", "ii.") belong to the sentence before them. */
const MIN_SENTENCE_WORDS = 3;

/**
 * List markers and paragraph numbers sit outside the words they number; a bullet item's own
 * reference ("• 3.2 Increase the number of foster carers") stays, as a table row's does.
 */
const MARKER = new RegExp(String.raw`^(?:(?:[-•*▪◦–]\s+|\d{1,2}\)\s+)(?:\d{1,3}\.(?=\s)\s*)?|\d{1,3}\.(?=\s)\s*|${DECIMAL_NUMBER})?`);

/**
 * Shrinks a span past surrounding whitespace and a leading list marker or paragraph number; a
 * table row's leading number ("3.1 | Open two children's homes | …") is its reference, and stays.
 */
function trimSpan(text: string, start: number, end: number, row: boolean): Span | undefined {
  while (start < end && /\s/.test(text[start])) start++;
  const marker = row ? undefined : MARKER.exec(text.slice(start, Math.min(end, start + 8)));
  if (marker && marker[0].length > 0 && start + marker[0].length < end) start += marker[0].length;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : undefined;
}

/** A line's start up to the full stop of its paragraph number or item label: "14", "  ii", "- 3". */
const NUMBER_BEFORE_STOP = new RegExp(`^\\s*(?:[-•]\\s+)?(?:\\d{1,3}|${ITEM_LETTER})$`);

/** A footnote's mark after a full stop: "episodes.² Children…", "£6,870.[^1] The…". */
const FOOTNOTE_MARK = new RegExp(`^(?:${SUPERSCRIPTS.source}|\\[\\^\\w+\\])`);

function endsSentenceAt(text: string, i: number, end: number): number | undefined {
  let j = i + 1;
  while (j < end && CLOSERS.includes(text[j])) j++;
  j += FOOTNOTE_MARK.exec(text.slice(j, j + 8))?.[0].length ?? 0;
  if (j >= end) return j;
  if (!/\s/.test(text[j])) return undefined;
  let k = j;
  while (k < end && /\s/.test(text[k])) k++;
  if (k >= end) return j;
  if (!/[A-Z0-9"'‘“(•\-–£]/.test(text[k])) return undefined;
  if (text[i] === "." && ABBREVIATION.test(text.slice(Math.max(0, i - 8), i))) return undefined;
  // "14. Based on…", "ii. £400 for…": the full stop of a paragraph number or an item's label at the start of a line.
  const lineStart = text.lastIndexOf("\n", i) + 1;
  if (text[i] === "." && NUMBER_BEFORE_STOP.test(text.slice(lineStart, i))) return undefined;
  return j;
}

/**
 * Splits text[start, end) into sentences at full stops, question and exclamation marks,
 * and at the given forced breaks (list items, table rows). Never cuts inside a sentence
 * written across lines, and folds fragments of one or two words into the sentence before.
 * A table's rows (`rows`) are cut only at their breaks: a cell's sentences are the row's record.
 */
export function splitSentences(text: string, start: number, end: number, breaks: number[] = [], rows = false): Span[] {
  const cuts = new Set<number>(breaks.filter((b) => b > start && b < end));
  const prose = rows && breaks.length > 0 ? Math.max(start, breaks[0]) : end;
  for (let i = start; i < prose; i++) {
    const c = text[i];
    if (c === "." || c === "?" || c === "!") {
      const cut = endsSentenceAt(text, i, end);
      if (cut !== undefined && cut < end) cuts.add(cut);
    } else if (c === ":" && text[i + 1] === "\n") {
      cuts.add(i + 1);
    }
  }
  const spans: Span[] = [];
  const items = new Set(breaks);
  let from = start;
  for (const cut of [...cuts].sort((a, b) => a - b).concat(end)) {
    const opensItem = items.has(from);
    const span = trimSpan(text, from, cut, rows && opensItem);
    from = cut;
    if (!span) continue;
    const quote = text.slice(span.start, span.end);
    // A table's rule ("| --- | --- |") is a row of no words.
    if (opensItem && !/[\p{L}\p{N}]/u.test(quote)) continue;
    const prev = spans[spans.length - 1];
    // A bold lead-in, "**Question 2 (spare seat charge).** Many parents said…", labels the sentence after it.
    const labels = prev !== undefined && BOLD_LINE.test(text.slice(prev.start, prev.end)) && !opensItem;
    if (prev && ((quote.split(/\s+/).length < MIN_SENTENCE_WORDS && !opensItem) || labels)) prev.end = span.end;
    else spans.push(span);
  }
  return spans;
}
