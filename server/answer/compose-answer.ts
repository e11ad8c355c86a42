import type { LoadedIndex } from "../../indexer/contract/load-index.js";
import type { Source } from "../../indexer/contract/schemas.js";
import { MONTH_NAMES } from "../../indexer/contract/dates.js";
import type { ScoredSentence } from "./score-sentences.js";
import { goesOnFrom, introduces, isCaption, isListItem, sourceKey } from "./select-sentences.js";
import { tableStart } from "./table-start.js";
import { LABELLED } from "../../indexer/parse/lines.js";
import type { Citation } from "../http/schemas.js";

/** "2017-10-12" → "12 October 2017"; a document dated only by its month, "2023-03" → "March 2023". */
export function displayDate(iso: string | null): string {
  if (!iso) return "undated";
  const [y, m, d] = iso.split("-").map(Number);
  return d ? `${d} ${MONTH_NAMES[m - 1]} ${y}` : `${MONTH_NAMES[m - 1]} ${y}`;
}

/**
 * Escapes Markdown so a quote renders as exactly its own characters: "&amp;" stays five
 * characters, and a line opening "12) " or "- " stays text rather than becoming a list.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/([\\`*_[\]<>#|~&])/g, "\\$1")
    .replace(/^(\d+)([.)])(?= |$)/, "$1\\$2")
    .replace(/^([-+])(?= |$)/, "\\$1");
}

function heading(source: Source): string {
  const within = source.within ? ` · ${source.within.label} of *${escapeMarkdown(source.within.title)}*` : "";
  return `### ${escapeMarkdown(source.title)}\n${escapeMarkdown(source.publisher)}, ${displayDate(source.date)}${within}`;
}

/**
 * Where a quote sits in the source it is cited as. A letter inside a pack is cited as
 * itself, so the pack's heading for it ("Appendix 1: Monitoring visit…") is left out, and
 * so is a first heading that only repeats the title shown above it.
 */
export function sectionInSource(section: string[], source: Source): string[] {
  const label = source.within?.label.toLowerCase();
  const repeats = (heading: string) => {
    const h = heading.toLowerCase();
    return h === source.title.toLowerCase() || (!!label && (h === label || h.startsWith(`${label}:`)));
  };
  let first = 0;
  while (first < section.length && repeats(section[first])) first++;
  return section.slice(first);
}

/** The link that opens a document's source view at a passage. */
export function sourceUrl(documentId: string, start: number, end: number): string {
  return `/source/${encodeURIComponent(documentId)}?start=${start}&end=${end}#cited`;
}

/**
 * Moves a quote to the front of its group with what it cannot be read without, above it: a
 * "This…"'s antecedent, a list item's lead-in ("The proportion … free school meals:", then the
 * figure), a table row's header row but not the rows between. What goes on from it comes along
 * after: the list's further items, then its items before the quote, a "However…".
 */
function bringFirst(index: LoadedIndex, group: ScoredSentence[], quote: ScoredSentence): void {
  const at = group.indexOf(quote);
  let first = at;
  let last = at;
  while (first > 0 && goesOnFrom(group[first - 1], group[first])) first--;
  while (last + 1 < group.length && goesOnFrom(group[last], group[last + 1])) last++;
  // Findings bulleted without a lead-in stand apart.
  const leadIn = isListItem(quote) ? group.slice(first, at).filter(introduces).pop() : undefined;
  // The items between the lead-in and the quote follow the quote's own, the list kept together under its lead-in.
  const between = leadIn ? group.slice(group.indexOf(leadIn) + 1, at) : [];
  if (isListItem(quote)) first = at;
  const moved = [...group.splice(first, last - first + 1), ...between];
  for (const item of between) group.splice(group.indexOf(item), 1);
  const start = quote.sentence.tableRow ? tableStart(index, quote.sentence) : undefined;
  const lead = leadIn ?? group.find((s) => s.sentence === start && s !== quote && s.header);
  // The lead-in comes with what it leans on in turn: "710 children…", "This is an increase…", "Of this number:".
  let top = lead ? group.indexOf(lead) : 0;
  while (lead && top > 0 && goesOnFrom(group[top - 1], group[top])) top--;
  const above = lead ? group.splice(top, group.indexOf(lead) - top + 1) : [];
  group.unshift(...above, ...moved);
}

/**
 * A line that heads or labels rather than says: a few words with no stop or colon at the end
 * ("Disproportionality"), or a cover's "Label: value" ("Report author: Tom Brackley, …"). Not a table's
 * row or caption, which say what the table is.
 */
const isFragment = (s: ScoredSentence) => {
  const text = s.sentence.searchText;
  const count = text.split(/\s+/).length;
  if (s.sentence.tableRow || isCaption(s) || /[.!?:]$/.test(text)) return false;
  return count <= FRAGMENT_WORDS || (LABELLED.test(text) && count <= 2 * FRAGMENT_WORDS);
};
const FRAGMENT_WORDS = 6;
/** How much of its score a fragment keeps when a group's opening quote is chosen. */
const FRAGMENT_SHARE = 0.8;

/**
 * Writes the answer: quotes grouped by source in date order, each under its title,
 * publisher and date, each marked [n]. The only words not quoted are fixed framing.
 * Each group opens with its best quote, after only the quotes it goes on from; the rest
 * follow in the document's order. When `lead` is set (a question after a figure, name or
 * date), its group comes first, opening with the lead. `inOrder` keeps every group in the
 * document's order, for a paragraph or a part read whole.
 */
export function composeAnswer(index: LoadedIndex, chosen: ScoredSentence[], lead?: ScoredSentence, inOrder = false): { answer: string; citations: Citation[] } {
  const groups = new Map<string, ScoredSentence[]>();
  for (const s of chosen) groups.set(sourceKey(s), [...(groups.get(sourceKey(s)) ?? []), s]);
  const ordered = [...groups.values()]
    .map((list) => list.sort((a, b) => a.sentence.start - b.sentence.start))
    .sort((a, b) => (a[0].sentence.source.date ?? "").localeCompare(b[0].sentence.source.date ?? "") || a[0].sentence.documentId.localeCompare(b[0].sentence.documentId));
  if (lead) ordered.unshift(...ordered.splice(ordered.findIndex((g) => g.includes(lead)), 1));
  // Each source opens with its best quote, so the first line under each heading answers; the rest keep their order.
  // A header row quoted above its row is not the best quote, however well it scores; nor is a line that
  // only labels or heads what follows ("Disproportionality", "Report author: …") when a sentence nearly as good says something.
  const weight = (s: ScoredSentence) => (isFragment(s) ? s.score * FRAGMENT_SHARE : s.score);
  const better = (a: ScoredSentence, b: ScoredSentence) => (a.header !== b.header ? a.header : weight(b) > weight(a));
  if (!inOrder) for (const group of ordered) bringFirst(index, group, lead && group.includes(lead) ? lead : group.reduce((a, b) => (better(a, b) ? b : a)));
  const citations: Citation[] = [];
  const sections: string[] = [];
  for (const group of ordered) {
    const lines = group.map((s) => {
      const { sentence } = s;
      const text = index.documentById.get(sentence.documentId)!.text;
      const citation: Citation = {
        n: citations.length + 1,
        documentId: sentence.documentId,
        documentTitle: sentence.source.title,
        publisher: sentence.source.publisher,
        date: sentence.source.date,
        ...(sentence.source.author ? { author: sentence.source.author } : {}),
        ...(sentence.source.within ? { within: sentence.source.within } : {}),
        section: sectionInSource(sentence.section, sentence.source),
        paragraph: sentence.paragraph,
        start: sentence.start,
        end: sentence.end,
        quote: text.slice(sentence.start, sentence.end),
        text: sentence.searchText,
        url: sourceUrl(sentence.documentId, sentence.start, sentence.end),
      };
      citations.push(citation);
      return `> ${escapeMarkdown(citation.text)} [${citation.n}]`;
    });
    sections.push(`${heading(group[0].sentence.source)}\n\n${lines.join("\n>\n")}`);
  }
  const years = ordered.map((g) => g[0].sentence.source.date?.slice(0, 4)).filter((y): y is string => !!y).sort();
  const span = years.length === 0 ? "" : years[0] === years[years.length - 1] ? ` (${years[0]})` : ` (${years[0]}–${years[years.length - 1]})`;
  const count = ordered.length === 1 ? "1 document" : `${ordered.length} documents`;
  return { answer: `Found in ${count}${span}.\n\n${sections.join("\n\n")}`, citations };
}
