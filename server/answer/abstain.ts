import { terms, words } from "../../indexer/contract/normalise.js";
import type { LoadedIndex } from "../../indexer/contract/load-index.js";
import type { CorpusFacts } from "../retrieve/corpus-facts.js";
import { conceptKey, wordedIn, type Concept, type PreparedQuery } from "../retrieve/prepare-query.js";
import type { Hit } from "../retrieve/search.js";
import type { ScoredSentence } from "./score-sentences.js";
import { ASK_IN_WORDS } from "../http/schemas.js";
import { englishList } from "./english-list.js";
import { conceptValue } from "../retrieve/bm25.js";
import { nearestName } from "./nearest-name.js";
import { paragraphsAsked, partsAsked } from "./narrow.js";
import { NOT_NAMES } from "../retrieve/question-words.js";

/**
 * What the best sentence must show before Verbatim answers: a score above the floor, and
 * either some of the question's own subject words or a close meaning. Calibrated with
 * `npm run calibrate` over both question sets as a whole (answerable questions' best
 * sentences cover at least 0.14 of the subject, or sit at a cosine of 0.53 or more).
 */
export const EVIDENCE = { score: 0.4, coverage: 0.2, dense: 0.55 };

/** The reason given when a question is all question words and punctuation: "???", "what can you do?". */
export const NOTHING_TO_SEARCH = `The question names nothing to search for. ${ASK_IN_WORDS}`;

/** The reason given for thanks or a greeting: the documents may say "thank you", but that is not what was asked. */
export const NOT_A_QUESTION = `That reads as a reply, not a question, so nothing was searched. ${ASK_IN_WORDS}`;

/**
 * The question's subject in its own words, when none of it has a wording `present` accepts, or
 * with `mostly`, the part that has none when that is most of it; undefined when it has no
 * subject beyond places, publishers and dates, or too little of it is missing.
 */
function absentSubject(query: PreparedQuery, present: (concept: Concept) => boolean, mostly = false): string[] | undefined {
  const all = query.concepts.filter((c) => !c.metadata);
  const subject = all.filter((c) => !present(c));
  if (subject.length === 0 || (mostly ? subject.length * 2 <= all.length : subject.length < all.length)) return undefined;
  // In the question's own words and order: "fly-tipping or incidents", "social workers or agency".
  const tokens = query.question.split(/\s+/).map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").toLowerCase());
  const conceptOf = (token: string) => subject.findIndex((c) => terms(token).some((t) => c.alternatives[0].includes(t)));
  const wordings: string[] = [];
  let previous = -1;
  for (const token of tokens) {
    const k = token ? conceptOf(token) : -1;
    // Words of one concept side by side ("social workers") are one wording.
    if (k >= 0 && k === previous) wordings[wordings.length - 1] += ` ${token}`;
    else if (k >= 0) wordings.push(token);
    previous = k;
  }
  return [...new Set(wordings)];
}

/**
 * Why the passages searched cannot answer, though other documents use the question's words: the
 * place or title it names, or the filters, leave out every passage that uses any wording of its
 * subject. "How many staff does Halsey council employ?" when Halsey's papers never mention staff.
 */
export function subjectNotSearched(query: PreparedQuery, hits: Hit[], facts: CorpusFacts, places: string[], titled?: { titles: Set<string>; words: string[] }): string | undefined {
  // The names and titles searched by are in every passage searched: they say where, not what.
  const where = new Set([...places.flatMap((place) => terms(place)), ...(titled?.words ?? [])]);
  const holds = (concept: Concept) => hits.some((h) => wordedIn(concept, facts.passageTerms.get(h.passage.id)!));
  const unused = absentSubject({ ...query, concepts: query.concepts.filter((c) => !c.alternatives[0].every((t) => where.has(t))) }, holds);
  if (!unused || unused.length === 0) return undefined;
  const searched = titled
    ? `No passage of ${englishList([...titled.titles].map((t) => `"${t}"`), "or")}`
    : places.length > 0
      ? `No passage about ${englishList(places, "or")}`
      : "No document searched";
  return `${searched} mentions ${englishList(unused)}.`;
}

/** A body named by capitalised words before its kind: "Care Quality Commission", "Lanthorne General Hospital", "Welsh Government". */
const BODY = /(?:\b[A-Z][\w'’&-]*\s+){1,4}(?:Commission|Ombudsman|Inspectorate|Hospital|Trust|Constabulary|Police|Academy|School|College|University|Association|Agency|Department|Government|Healthwatch)\b/g;

/**
 * The bodies a question names that no document does, though each of their words is in some
 * document: "the Care Quality Commission" among papers that speak of care and quality. A question
 * set in capitals or title case marks no names.
 */
export function unknownBodies(question: string, facts: CorpusFacts): string[] {
  if ((question.match(/\b[a-z]{2,}\b/g) ?? []).length < 2) return [];
  const named = [...question.matchAll(BODY)].map((m) => m[0].split(/\s+/).filter((w) => !NOT_NAMES.has(w.toLowerCase())).join(" "));
  const texts = [...facts.documentText.values()];
  return named.filter((name) => name.split(" ").length >= 2 && !texts.some((text) => text.includes(` ${terms(name).join(" ")} `)));
}

/** Names the question writes side by side, as one: "Catherine Driscoll", not "Catherine or Driscoll". */
function asOneName(names: string[], question: string): string[] {
  const out: string[] = [];
  for (const name of names) {
    const last = out[out.length - 1];
    if (last !== undefined && new RegExp(`\\b${last} ${name}\\b`).test(question)) out[out.length - 1] = `${last} ${name}`;
    else out.push(name);
  }
  return out;
}

/**
 * Why the documents cannot answer, judged before searching: the question names nothing to
 * search for, names a place, person or body no document mentions or a year none covers, or
 * asks about nothing any document mentions.
 * Undefined when they may answer.
 */
export function outsideTheDocuments(query: PreparedQuery, facts: CorpusFacts, index: LoadedIndex): string | undefined {
  // Passages "near" a question of no words would be near nothing: say so rather than offer them.
  if (query.concepts.length === 0) return NOTHING_TO_SEARCH;
  // "SEND" is not "send": an acronym must appear in capitals, other names in any case.
  const isAcronym = (name: string) => /^[A-Z]{3,}s?$/.test(name);
  // "Councillor" is mentioned where the documents write "Cllr", "EHCP" where they write "EHC plan": a synonym the documents use names it too.
  const wordedOtherwise = (name: string) => query.concepts.some((c) => conceptKey(c) === terms(name).join(" ") && conceptValue(index, c) > 0);
  const mentioned = (name: string) =>
    (isAcronym(name) ? facts.capitals.has(name.replace(/s$/, "")) : words(name).every((w) => facts.vocabulary.has(w))) || wordedOtherwise(name);
  const unknown = asOneName(query.names.filter((name) => !mentioned(name)), query.question);
  if (unknown.length > 0) {
    const meant = unknown.map((name) => nearestName(name, isAcronym(name) ? [...facts.capitals] : [...facts.places.values()])).filter((n): n is string => !!n);
    // A name in a letter's address or a letterhead is written there, though nothing the documents say is about it.
    const outside = (name: string) => !isAcronym(name) && words(name).every((w) => facts.textWords.has(w));
    const [inFurniture, nowhere] = [unknown.filter(outside), unknown.filter((name) => !outside(name))];
    const said = [
      ...(nowhere.length > 0 ? [`No document mentions ${englishList(nowhere)}.`] : []),
      ...(inFurniture.length > 0 ? [`${englishList(inFurniture, "and")} ${inFurniture.length > 1 ? "appear" : "appears"} only in a letter's address or a letterhead, header or footer, not in what any document says.`] : []),
    ];
    return `${said.join(" ")}${meant.length > 0 ? ` Did you mean ${englishList(meant)}?` : ""}`;
  }
  const bodies = unknownBodies(query.question, facts);
  if (bodies.length > 0) return `No document mentions ${englishList(bodies)}.`;
  const unquoted = query.quoted.filter((phrase) => !facts.foldedText.includes(` ${words(phrase).join(" ")} `));
  if (unquoted.length > 0) return `No document mentions ${englishList(unquoted.map((p) => `"${p}"`))}.`;
  const missingYears = query.years.filter((y) => !facts.years.has(y));
  if (missingYears.length > 0) {
    if (facts.firstYear === null) return `No document mentions ${englishList(missingYears.map(String))}.`;
    const range = facts.firstYear === facts.lastYear ? `from ${facts.firstYear}` : `from ${facts.firstYear} to ${facts.lastYear}`;
    return `The documents date ${range}; none covers ${englishList(missingYears.map(String))}.`;
  }
  // "herefordshire" in "what did Ofsted find in herefordshire?", typed without the capital that would have marked it a name.
  // Or most of it: "electric vehicle charging points", where only "vehicle" is any document's word. The
  // names it gives say where to look, and a paragraph or part it names is looked for by its number.
  const named = new Set(query.names.filter((n) => !isAcronym(n)).flatMap((n) => terms(n)));
  const subject = { ...query, concepts: query.concepts.filter((c) => !c.alternatives[0].every((t) => named.has(t))) };
  const numbered = paragraphsAsked(query.question).length > 0 || partsAsked(query.question).length > 0;
  const unused = numbered ? absentSubject(query, (c) => conceptValue(index, c) > 0) : absentSubject(subject, (c) => conceptValue(index, c) > 0, true);
  if (unused && unused.length > 0) return `No document mentions ${englishList(unused)}.`;
  return undefined;
}

/** True when the best sentence found is too weak a match to answer with. */
export function tooWeak(best: ScoredSentence | undefined): boolean {
  if (!best) return true;
  return best.score < EVIDENCE.score || (best.coverage < EVIDENCE.coverage && best.dense < EVIDENCE.dense);
}
