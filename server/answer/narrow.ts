import type { LoadedIndex } from "../../indexer/contract/load-index.js";
import type { Passage } from "../../indexer/contract/schemas.js";
import type { CorpusFacts } from "../retrieve/corpus-facts.js";
import type { Filters } from "../http/schemas.js";
import { anyOf, mentions, passes } from "../retrieve/filters.js";
import { englishList } from "./english-list.js";

/** "paragraph 5.12", "para 4.2", "paragraphs 12 and 13": numbered paragraphs the question asks to read. */
const PARAGRAPH_REF = /\bpara(?:graph)?s?\.?\s+(\d+(?:\.\d+)*)(?:\s*(?:and|or|,|&)\s*(\d+(?:\.\d+)*))?/gi;

/** The paragraph numbers a question names: ["5.12"] for "What does paragraph 5.12 say?". */
export function paragraphsAsked(question: string): string[] {
  return [...question.matchAll(PARAGRAPH_REF)].flatMap((m) => [m[1], m[2]].filter((n): n is string => !!n));
}

/** Which passages a question is about beyond the filters, or why none is. */
export interface Narrowing {
  about?: (passage: Passage) => boolean;
  /** The paragraphs the question asks to read: each is quoted whole. */
  paragraphs: string[];
  outside?: string;
}

/**
 * Narrows a search to what the question names, within the filters: a place the documents are
 * about, as those documents' passages and any other passage that names it (a county's assessment
 * names its districts); and numbered paragraphs ("what does paragraph 5.12 say?").
 */
export function narrowTo(question: string, places: string[], facts: CorpusFacts, index: LoadedIndex, filters: Filters): Narrowing {
  const paragraphs = paragraphsAsked(question);
  if (places.length === 0 && paragraphs.length === 0) return { paragraphs };
  const inPlace = (p: Passage) => places.length === 0 || places.some((place) => p.source.place === place || mentions(facts, p, place));
  const inParagraph = (p: Passage) => paragraphs.length === 0 || (p.paragraph !== null && paragraphs.includes(p.paragraph));
  const searched = index.passages.filter((p) => passes(p, filters));
  if (!searched.some(inPlace)) {
    const outsideFilters = !!filters.places?.length && !places.some((n) => anyOf(filters.places, n));
    const outside = outsideFilters
      ? `The question names ${englishList(places, "and")}, but the filters search only ${englishList(filters.places!, "and")}.`
      : `None of the documents searched is from or mentions ${englishList(places)}, which the question names.`;
    return { paragraphs, outside };
  }
  if (!searched.some((p) => inPlace(p) && inParagraph(p))) {
    return { paragraphs, outside: `No document searched has a paragraph numbered ${englishList(paragraphs)}.` };
  }
  return { about: (p) => inPlace(p) && inParagraph(p), paragraphs };
}
