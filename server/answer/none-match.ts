import type { LoadedIndex } from "../../indexer/contract/load-index.js";
import type { Passage, Source } from "../../indexer/contract/schemas.js";
import type { Filters } from "../http/schemas.js";
import { passes } from "../retrieve/filters.js";
import { displayDate } from "./compose-answer.js";
import { englishList } from "./english-list.js";

/** The filters a source is judged on, each with how a reason names it and its values. */
const LABELS = [
  { filter: "places", name: "place", of: (s: Source) => s.place },
  { filter: "publishers", name: "publisher", of: (s: Source) => s.publisher },
  { filter: "kinds", name: "kind", of: (s: Source) => s.kind },
] as const;

/** What a question narrowed the search to: the passages about the places or other names it gives. */
export interface Within {
  about: (passage: Passage) => boolean;
  named: string[];
}

/**
 * Why no passage passes the filters, so the asker knows what to change: the one filter no
 * document meets, beside the values the documents do have, or else that the filters cannot
 * all hold at once. A date may come from the question itself ("on 1 December 2018"), and so
 * may the places searched ("in Ravensmoor").
 */
export function noneMatch(index: LoadedIndex, filters: Filters, within?: Within): string {
  const passages = within ? index.passages.filter(within.about) : index.passages;
  const documents = within ? `document about ${englishList(within.named, "or")}` : "document";
  for (const { filter, name, of } of LABELS) {
    const asked = filters[filter];
    if (!asked?.length || passages.some((p) => passes(p, { [filter]: asked }))) continue;
    const have = [...new Set(passages.map((p) => of(p.source)))].sort();
    return `No document's ${name} is ${englishList(asked.map((a) => `"${a}"`))}; the documents' ${filter} are ${englishList(have, "and")}.`;
  }
  if ((filters.from || filters.to) && !passages.some((p) => passes(p, { from: filters.from, to: filters.to }))) {
    const dates = passages.map((p) => p.source.date).filter((d): d is string => !!d).sort();
    const { from, to } = filters;
    const asked = from && to ? `between ${displayDate(from)} and ${displayDate(to)}` : from ? `on or after ${displayDate(from)}` : `on or before ${displayDate(to!)}`;
    if (dates.length === 0) return `No ${documents} is dated ${asked}: none of them gives a date.`;
    return `No ${documents} is dated ${asked}; ${within ? "they" : "the documents"} date from ${displayDate(dates[0])} to ${displayDate(dates[dates.length - 1])}.`;
  }
  return "No document matches all the filters at once, though each matches some on its own.";
}
