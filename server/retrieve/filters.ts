import type { Passage } from "../../indexer/contract/schemas.js";
import type { Filters } from "../http/schemas.js";
import { dateSpan } from "../../indexer/contract/dates.js";
import type { CorpusFacts } from "./corpus-facts.js";

/** True when a filter list allows a value: an empty or absent list allows all; case does not matter. */
export const anyOf = (allowed: string[] | undefined, value: string) => !allowed || allowed.length === 0 || allowed.some((a) => a.toLowerCase() === value.toLowerCase());

/** True when a passage passes every filter; an undated passage fails any date bound. */
export function passes(passage: Passage, filters: Filters): boolean {
  const { source } = passage;
  if (!anyOf(filters.documentIds, passage.documentId)) return false;
  if (!anyOf(filters.publishers, source.publisher) || !anyOf(filters.places, source.place) || !anyOf(filters.kinds, source.kind)) return false;
  if (!filters.from && !filters.to) return true;
  if (!source.date) return false;
  // A document dated only by its month ("2023-03") passes when any day of that month is within the bounds.
  const { first, last } = dateSpan(source.date);
  return !(filters.from && last < filters.from) && !(filters.to && first > filters.to);
}

/**
 * True when a passage's words or headings hold every one of a name's terms, stemmed once by the
 * caller (`terms("Lowmoor")`): "Lowmoor" in a county assessment's table of its districts.
 */
export function mentions(facts: Pick<CorpusFacts, "passageTerms">, passage: Passage, nameTerms: string[]): boolean {
  const own = facts.passageTerms.get(passage.id);
  return !!own && nameTerms.every((t) => own.has(t));
}
