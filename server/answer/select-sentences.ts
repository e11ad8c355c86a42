import { FACT_CONTEXT, type ScoredSentence } from "./score-sentences.js";
import { terms, words } from "../../indexer/contract/normalise.js";
import { CAPTION } from "../../indexer/parse/heading-shape.js";
import { LABELLED } from "../../indexer/parse/lines.js";
import type { Sentence } from "../../indexer/contract/schemas.js";

export interface SelectOptions {
  /** Citations in an answer unless the request asks for fewer. */
  maxCitations: number;
  /** A document joins the answer when its best sentence scores at least this share of the best. */
  documentShare: number;
  /** No sentence scoring under this share of the best is quoted, whatever its document. */
  floor: number;
  /**
   * For a question after a figure, a name or a date: a further document joins only with a
   * sentence that holds one, so "who carried out the July 2018 visit?" is not followed by
   * every letter's statutory preamble.
   */
  factsOnly: boolean;
  /** Sentences quoted from one passage at most: more passages say more than one long one. */
  perPassage: number;
}

export const defaultSelectOptions: SelectOptions = { maxCitations: 18, documentShare: 0.6, floor: 0.5, factsOnly: false, perPassage: 3 };

/** Groups sentences by the source they cite: a document, or a document inside a pack. */
export const sourceKey = (s: ScoredSentence) => `${s.sentence.documentId}#${s.sentence.source.within?.label ?? ""}`;

/**
 * Fewer words than this say too little to be taken for a rewording: "We have also inspected
 * resettlement, which is separately rated." is not said again by "…which was separately rated as
 * 'Inadequate'."
 */
const REWORDED_WORDS = 10;

/**
 * True when a sentence says again, in other words, what another of its source does: a report's
 * summary and body ("Caseloads of social workers, IROs … although decreasing, remain too large."
 * and "Social workers', IROs' … caseloads, while decreasing, remain too large."). Every word of
 * one is the other's, which has one more at most; sentences alike but for one word ("How
 * efficient is…" and "How effective is…") each say something of their own.
 */
function reworded(x: Set<string>, y: Set<string>): boolean {
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  return small.size >= REWORDED_WORDS && large.size - small.size <= 1 && [...small].every((t) => large.has(t));
}

/** A sentence's words as the index folds and stems them; the corpus's facts hold them ready. */
export type TermsOf = (sentence: Sentence) => Set<string>;

/**
 * Picks the sentences to quote: the best of every source that speaks to the question,
 * not five from one report, then the best of the rest wherever they are, with repeated
 * sentences quoted once.
 */
export function selectSentences(scored: ScoredSentence[], options: Partial<SelectOptions> = {}, termsOf: TermsOf = (s) => new Set(terms(s.searchText))): ScoredSentence[] {
  const { maxCitations, documentShare, floor, factsOnly, perPassage } = { ...defaultSelectOptions, ...options };
  const fromPassage = new Map<string, number>();
  const best = scored[0]?.score ?? 0;
  const byId = new Map(scored.map((s) => [s.sentence.id, s]));
  const bySource = new Map<string, ScoredSentence[]>();
  const seen = new Set<string>();
  for (const found of scored) {
    // A repeat (the slides quote the letter) is quoted once, from the original where it was retrieved too.
    const s = (found.sentence.duplicateOf && byId.get(found.sentence.duplicateOf)) || found;
    // A header row says what a table's columns are, not what the table found: it comes with a row, never alone.
    if (seen.has(s.sentence.id) || s.header || s.score < floor * best) continue;
    const list = bySource.get(sourceKey(s)) ?? [];
    if (list.length === 0 && (s.score < documentShare * best || (factsOnly && bySource.size > 0 && !s.fact))) continue;
    if ((fromPassage.get(s.sentence.passageId) ?? 0) >= perPassage) continue;
    if (list.some((other) => reworded(termsOf(other.sentence), termsOf(s.sentence)))) continue;
    fromPassage.set(s.sentence.passageId, (fromPassage.get(s.sentence.passageId) ?? 0) + 1);
    list.push(s);
    bySource.set(sourceKey(s), list);
    seen.add(s.sentence.id);
    seen.add(found.sentence.id);
  }
  // Every source's best sentence first, best sources first; then the strongest of the rest,
  // so a source that answers most of the question is not cut short to quote weak ones.
  const sources = [...bySource.values()];
  const rest = sources.flatMap((list) => list.slice(1)).sort((a, b) => b.score - a.score);
  return [...sources.map((list) => list[0]), ...rest].slice(0, maxCitations);
}

/** Openings that lean on the sentence before: quoted alone, they would mislead. */
const LEANS_BACK = /^(?:this|these|that|those|it|they|he|she|such|as a result|consequently|however|furthermore|in addition|despite this|therefore|at that time|since then|(?:[\w-]+ )?of (?:these|those|this|them)|of which)\b/i;

/**
 * A count standing for what the sentence before named: "All were judged to be good…" of "The
 * local authority operates 10 children's homes.", but not "All children were seen". It leans on
 * that sentence, but unlike "However, …" is not brought after a quote: it goes on to other things.
 */
const COUNTS_BACK = /^(?:all|both|each|neither|none|most|many|some|several|few|half|one|two|three|four|five) (?:were|are|was|is|have|has|had|will|would|can|could|did|do|does)\b/i;

/** True when a quote opens leaning on the sentence before it. */
const leansBack = (s: ScoredSentence) => LEANS_BACK.test(s.sentence.searchText) || COUNTS_BACK.test(s.sentence.searchText);

/**
 * A sentence that introduces what follows ("…the following area for priority action:"), or a
 * question the document asks ("Question 3: How many potholes…?"): alone, it answers nothing.
 */
const LEADS_IN = /[:?]\s*$/;

/** True when a quote introduces what follows it: a list's lead-in, or a question the document goes on to answer. */
export const introduces = (s: ScoredSentence): boolean => LEADS_IN.test(s.sentence.searchText);

type Neighbour = (s: ScoredSentence, step: -1 | 1) => ScoredSentence | undefined;

/**
 * What follows a quote and belongs with it, two sentences at most: the next one when it
 * opens "However, …", and whatever a colon introduces. A sentence ending in a colon whose
 * sequel was not found is dropped; undefined when that leaves the quote introducing nothing.
 */
function sequel(s: ScoredSentence, neighbour: Neighbour): ScoredSentence[] | undefined {
  const out: ScoredSentence[] = [];
  for (let last = s; out.length < 2; ) {
    const next = neighbour(last, 1);
    // A colon always brings what it introduces; "However, …" belongs only to the quote itself.
    if (!next || !(LEADS_IN.test(last.sentence.searchText) || (last === s && LEANS_BACK.test(next.sentence.searchText)))) break;
    out.push(next);
    last = next;
  }
  while (out.length > 0 && LEADS_IN.test(out[out.length - 1].sentence.searchText)) out.pop();
  return out.length === 0 && LEADS_IN.test(s.sentence.searchText) ? undefined : out;
}

/** A table's caption: "Table 2: First-time entrants, rate per 100,000 children", bold or not. */
export const isCaption = (s: ScoredSentence): boolean => CAPTION.test(s.sentence.searchText.replace(/^\*+/, ""));

/**
 * An item of a list, which goes on from its lead-in: a bulleted one ("- 512 live with foster
 * families"), or one that opens in lower case ("in primary schools is 12.3%").
 */
export const isListItem = (s: ScoredSentence): boolean => s.sentence.listItem || /^[a-z]/.test(s.sentence.searchText);

/**
 * True when a quote goes on from the quote before it in the answer: what a lead-in just before
 * introduces, "This…" or "However…" from the sentence just before, a list item from an earlier
 * item or the list's lead-in.
 */
export function goesOnFrom(before: ScoredSentence, quote: ScoredSentence): boolean {
  if (quote.header && isCaption(before)) return before.sentence.row === quote.sentence.row - 1;
  // What a lead-in introduces: "Nadia Kowalczyk, Chair of the Forum, said:" over what she said.
  if (introduces(before) && before.sentence.row === quote.sentence.row - 1) return true;
  if (leansBack(quote)) return before.sentence.row === quote.sentence.row - 1;
  const sameList = before.sentence.passageId === quote.sentence.passageId && (LEADS_IN.test(before.sentence.searchText) || isListItem(before));
  return isListItem(quote) && (before.sentence.row === quote.sentence.row - 1 || sameList);
}

/**
 * The sentence a quote cannot stand without, before it: the one a quote opening "This…"
 * leans on, the lead-in of the list a quote is an item of ("The proportion of children
 * entitled to free school meals:"), however many items back, or a table row's header row.
 */
function leanedOnOnce(s: ScoredSentence, neighbour: Neighbour): ScoredSentence | undefined {
  if (leansBack(s)) return neighbour(s, -1);
  // A header row's columns are of what the caption above says: "Table 2: First-time entrants, rate per 100,000…".
  if (s.header) {
    const above = neighbour(s, -1);
    return above && isCaption(above) ? above : undefined;
  }
  // A table row's figures mean nothing without the header row that says what each column is, if the table has one.
  if (s.sentence.tableRow) {
    let first: ScoredSentence | undefined;
    for (let back = neighbour(s, -1); back?.sentence.tableRow; back = neighbour(back, -1)) first = back;
    return first?.header ? first : undefined;
  }
  if (!isListItem(s)) return undefined;
  for (let back = neighbour(s, -1); back; back = neighbour(back, -1)) {
    if (LEADS_IN.test(back.sentence.searchText)) return back;
    if (!isListItem(back)) return undefined;
  }
  return undefined;
}

/**
 * What a quote cannot stand without, and what that leans on in turn, three sentences at most:
 * "Six of those families…" needs "Of these, 14 were families.", which needs the 40 households before it.
 */
function leanedOn(s: ScoredSentence, neighbour: Neighbour): ScoredSentence[] {
  const chain: ScoredSentence[] = [];
  for (let back = leanedOnOnce(s, neighbour); back && chain.length < 3; back = leanedOnOnce(back, neighbour)) chain.push(back);
  return chain;
}

/** The most facts a cover's run of labelled lines brings: "Inspection dates: …", "Report published: …". */
const COVER_FACTS = 3;

/** The longest a cover's labelled line runs. */
const COVER_LINE = 80;

/** A cover's labelled line, short as a form's field: "Report published: 24 January 2017", not "Recommendation 7: Review the staffing…". */
const isCoverLine = (s: ScoredSentence) => s.sentence.searchText.length <= COVER_LINE && LABELLED.test(s.sentence.searchText);

/**
 * A fact before a quote, and, when it is a cover's labelled line, the ones holding facts right
 * above it: a cover's dates are read together, "Inspection date: 24 October 2016 to 17 November
 * 2016" with "Report published: 24 January 2017", so neither is taken for the other.
 */
function factsAbove(fact: ScoredSentence, neighbour: Neighbour): ScoredSentence[] {
  const run = [fact];
  if (!isCoverLine(fact)) return run;
  for (let back = neighbour(fact, -1); back?.fact && isCoverLine(back) && run.length < COVER_FACTS; back = neighbour(back, -1)) run.push(back);
  return run;
}

/**
 * Quotes the chosen sentences, best first, each with what it cannot stand without: the
 * sentences before a quote that opens "This…" or "As a result…" (see `leanedOn`), and what
 * follows it that belongs with it (see `sequel`). For a question after a figure, name or date, a quote
 * without one also brings the sentence before when that holds it: "The previous inspection
 * … was in October 2010." before "The local authority was judged to be inadequate.", and the whole
 * of a cover's run of labelled facts when that is what it is (see `factsAbove`).
 * A quote whose context would not fit in the limit, or introduces what was not found, is
 * left out rather than quoted bare. Any room left fills single-sentence gaps between quotes,
 * so the reader gets one unbroken passage rather than two pieces with a hole. All come from
 * the same passage, so the answer, which keeps each source's quotes in the document's order
 * after its best, shows them side by side.
 */
export function withContext(chosen: ScoredSentence[], neighbour: Neighbour, limit: number, asksForFact = false): ScoredSentence[] {
  const ids = new Set<string>();
  const out: ScoredSentence[] = [];
  // A report may say the same sentence twice (summary and body): it is quoted once.
  const said = new Set<string>();
  const wording = (s: ScoredSentence) => words(s.sentence.searchText).join(" ");
  const fresh = (s: ScoredSentence) => !ids.has(s.sentence.id) && !said.has(wording(s));
  const add = (group: ScoredSentence[]) => {
    for (const s of group) {
      ids.add(s.sentence.id);
      said.add(wording(s));
      out.push(s);
    }
  };
  for (const s of chosen) {
    if (!fresh(s)) continue;
    const after = sequel(s, neighbour);
    if (!after) continue;
    const previous = neighbour(s, -1);
    const leaned = leanedOn(s, neighbour);
    const before = leaned.length > 0 ? leaned : asksForFact && !s.fact && !LEADS_IN.test(s.sentence.searchText) && previous?.fact ? factsAbove(previous, neighbour) : [];
    const group = [s, ...[...before, ...after].filter(fresh)];
    if (out.length + group.length <= limit) add(group);
  }
  for (const s of [...out]) {
    const gap = neighbour(s, 1);
    const after = gap && neighbour(gap, 1);
    if (out.length < limit && gap && after && fresh(gap) && ids.has(after.sentence.id)) add([gap]);
  }
  return out;
}

/**
 * The quote an answer after a figure, a name or a date leads with: the best-scoring quote that
 * holds the fact and shares words with the question, or sits in a passage that does ("The
 * inspectors were Nicola Bennett and Kate Malleson" for "who carried out the visit?"), never
 * one quoted only as context for another. One that also holds every subject of the question
 * comes first: "412 children were in the care of the local authority" for "how many children
 * are in care?", before "63 children live more than 20 miles away". Selection lists each
 * source's best first, so the best is looked for, not the first found.
 */
export function leadOf(selected: ScoredSentence[], chosen: ScoredSentence[]): ScoredSentence | undefined {
  let lead: ScoredSentence | undefined;
  const better = (s: ScoredSentence) => !lead || (s.whole !== lead.whole ? s.whole : s.score > lead.score);
  for (const s of selected) if (s.fact && (s.coverage > 0 || s.context >= FACT_CONTEXT) && chosen.includes(s) && better(s)) lead = s;
  return lead;
}
