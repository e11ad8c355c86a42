import { stem, words } from "../../indexer/contract/normalise.js";
import type { LoadedIndex } from "../../indexer/contract/load-index.js";
import type { CorpusFacts } from "../retrieve/corpus-facts.js";
import type { PreparedQuery } from "../retrieve/prepare-query.js";
import type { ScoredSentence } from "./score-sentences.js";
import { ASK_IN_WORDS, type Filters } from "../http/schemas.js";
import type { Source } from "../../indexer/contract/schemas.js";
import { passes } from "../retrieve/filters.js";
import { displayDate } from "./compose-answer.js";

/**
 * What the best sentence must show before Verbatim answers: a score above the floor, and
 * either some of the question's own subject words or a close meaning. Calibrated with
 * `npm run calibrate` over both question sets as a whole (answerable questions' best
 * sentences cover at least 0.14 of the subject, or sit at a cosine of 0.53 or more).
 */
export const EVIDENCE = { score: 0.4, coverage: 0.2, dense: 0.55 };

function list(items: string[], conjunction = "or"): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

/** The filters a source is judged on, each with how a reason names it and its values. */
const LABELS = [
  { filter: "places", name: "place", of: (s: Source) => s.place },
  { filter: "publishers", name: "publisher", of: (s: Source) => s.publisher },
  { filter: "kinds", name: "kind", of: (s: Source) => s.kind },
] as const;

/**
 * Why no passage passes the filters, so the asker knows what to change: the one filter no
 * document meets, beside the values the documents do have, or else that the filters cannot
 * all hold at once. A date filter may come from the question itself ("on 1 December 2018").
 */
export function noneMatch(index: LoadedIndex, filters: Filters): string {
  const { passages } = index;
  for (const { filter, name, of } of LABELS) {
    const asked = filters[filter];
    if (!asked?.length || passages.some((p) => passes(p, { [filter]: asked }))) continue;
    const have = [...new Set(passages.map((p) => of(p.source)))].sort();
    return `No document's ${name} is ${list(asked.map((a) => `"${a}"`))}; the documents' ${filter} are ${list(have, "and")}.`;
  }
  if ((filters.from || filters.to) && !passages.some((p) => passes(p, { from: filters.from, to: filters.to }))) {
    const dates = passages.map((p) => p.source.date).filter((d): d is string => !!d).sort();
    const { from, to } = filters;
    const asked = from && to ? `between ${displayDate(from)} and ${displayDate(to)}` : from ? `on or after ${displayDate(from)}` : `on or before ${displayDate(to!)}`;
    return `No document is dated ${asked}; the documents date from ${displayDate(dates[0])} to ${displayDate(dates[dates.length - 1])}.`;
  }
  return "No document matches all the filters at once, though each matches some on its own.";
}

/** Edits (insert, delete, replace, swap two neighbours) that turn one word into another. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** True when `short` abbreviates `long` as place names are ("Worcs", "Glos"): its opening, then its letters in order. */
function abbreviates(short: string, long: string): boolean {
  if (short.length < 4 || !long.startsWith(short.slice(0, 3))) return false;
  let at = 3;
  for (const letter of short.slice(3)) {
    at = long.indexOf(letter, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/**
 * The name the documents use that an unknown one was probably meant for: a place it
 * shortens ("Gloucester", "Worcs") or a near spelling ("Worcestshire", "FDD" for FFD).
 * Nothing when more than one name would do.
 */
function nearestName(name: string, known: string[]): string | undefined {
  const asked = name.toLowerCase();
  const slack = asked.length >= 8 ? 2 : 1;
  const near = known.filter((k) => abbreviates(asked, k.toLowerCase()) || editDistance(asked, k.toLowerCase()) <= slack);
  return near.length === 1 ? near[0] : undefined;
}

/** The reason given when a question is all question words and punctuation: "???", "why?". */
export const NOTHING_TO_SEARCH = `The question has no words to search for. ${ASK_IN_WORDS}`;

/**
 * The question's subject in its own words, when no document uses any wording of any of it:
 * "herefordshire" in "what did Ofsted find in herefordshire?", typed without the capital
 * that would have marked it a name. Undefined when some of the subject is in the documents,
 * or the question has none beyond places, publishers and dates.
 */
function unknownSubject(query: PreparedQuery, index: LoadedIndex): string[] | undefined {
  const subject = query.concepts.filter((c) => !c.metadata);
  const used = (alternative: string[]) => alternative.every((t) => index.lexical.postings.has(t));
  if (subject.length === 0 || subject.some((c) => c.alternatives.some(used))) return undefined;
  const asked = words(query.question);
  const wordings = subject.map((c) => asked.filter((w) => c.alternatives[0].includes(stem(w))).join(" ")).filter(Boolean);
  return [...new Set(wordings)];
}

/**
 * Why the documents cannot answer, judged before searching: the question has no words to
 * search for, names a place, person or body no document mentions or a year none covers,
 * or asks about nothing any document mentions. Undefined when they may answer.
 */
export function outsideTheDocuments(query: PreparedQuery, facts: CorpusFacts, index: LoadedIndex): string | undefined {
  // Passages "near" a question of no words would be near nothing: say so rather than offer them.
  if (query.concepts.length === 0) return NOTHING_TO_SEARCH;
  // "SEND" is not "send": an acronym must appear in capitals, other names in any case.
  const mentioned = (name: string) => (/^[A-Z]{3,}s?$/.test(name) ? facts.capitals.has(name.replace(/s$/, "")) : words(name).every((w) => facts.vocabulary.has(w)));
  const unknown = query.names.filter((name) => !mentioned(name));
  if (unknown.length > 0) {
    const meant = unknown.map((name) => nearestName(name, /^[A-Z]{3,}s?$/.test(name) ? [...facts.capitals] : [...facts.places.values()])).filter((n): n is string => !!n);
    return `No document mentions ${list(unknown)}.${meant.length > 0 ? ` Did you mean ${list(meant)}?` : ""}`;
  }
  const unquoted = query.quoted.filter((phrase) => !facts.foldedText.includes(` ${words(phrase).join(" ")} `));
  if (unquoted.length > 0) return `No document mentions ${list(unquoted.map((p) => `"${p}"`))}.`;
  const missingYears = query.years.filter((y) => !facts.years.has(y));
  if (missingYears.length > 0) {
    const range = facts.firstYear === facts.lastYear ? `from ${facts.firstYear}` : `from ${facts.firstYear} to ${facts.lastYear}`;
    return `The documents date ${range}; none covers ${list(missingYears.map(String))}.`;
  }
  const unused = unknownSubject(query, index);
  if (unused && unused.length > 0) return `No document mentions ${list(unused)}.`;
  return undefined;
}

/** True when the best sentence found is too weak a match to answer with. */
export function tooWeak(best: ScoredSentence | undefined): boolean {
  if (!best) return true;
  return best.score < EVIDENCE.score || (best.coverage < EVIDENCE.coverage && best.dense < EVIDENCE.dense);
}
