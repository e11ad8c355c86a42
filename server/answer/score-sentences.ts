import type { LoadedIndex } from "../../indexer/contract/load-index.js";
import type { Sentence } from "../../indexer/contract/schemas.js";
import type { CorpusFacts } from "../retrieve/corpus-facts.js";
import type { Hit } from "../retrieve/search.js";
import { wordedIn, type Concept, type Intent, type PreparedQuery } from "../retrieve/prepare-query.js";
import { terms } from "../../indexer/contract/normalise.js";
import { conceptValue, METADATA_WEIGHT } from "../retrieve/bm25.js";
import { cosineRow } from "../retrieve/dense.js";
import { MONTH_NAMES } from "../../indexer/contract/dates.js";
import { LABELLED } from "../../indexer/parse/lines.js";

export interface ScoredSentence {
  sentence: Sentence;
  /** Share of the question's weighted terms that the sentence contains, scaled for its length, 0–1. */
  coverage: number;
  /** The same share for the sentence's passage, headings and document title: the context it is read in. */
  context: number;
  /** Cosine similarity of the sentence and the question. */
  dense: number;
  /** Fused score of the passage it sits in, 1 for the best passage. */
  passage: number;
  /** True when it holds what the question's intent asks for: a figure, a name, a date. */
  fact: boolean;
  /** True when it holds a wording of every subject concept: "412 children were in the care of…" for "how many children are in care?". */
  whole: boolean;
  /** True for a table's header row ("Action | Owner | Due"): it says what the rows below are, and is quoted only above one. */
  header: boolean;
  score: number;
}

/** How much each signal counts in a sentence's score; `npm run eval` calibrated them. */
export const SENTENCE_WEIGHTS = { coverage: 0.4, context: 0.2, dense: 0.25, passage: 0.2, fact: 0.1, names: 0.02 };
/** BM25's k1, applied to sentence length with full normalisation (b = 1), as `npm run eval` preferred. */
const LENGTH_K = 1.2;
/**
 * A sentence holding the asked-for fact earns its bonus only when it, or its passage, is on
 * the subject: a year in a statutory boilerplate line is not the date asked for.
 */
const FACT_COVERAGE = 0.2;
export const FACT_CONTEXT = 0.3;
/** USE-lite cosines: unrelated sentences sit near this, close paraphrases well above. */
const DENSE_FLOOR = 0.15;
const DENSE_SPAN = 0.45;

/**
 * Dates, years, statute sections and the numbers that label parts of a document ("Question 5",
 * "Policy H1", "Recommendation 3", "key stage 4", "Finding 2 – …"): numbers, but not the figure a "how many" question asks for.
 */
const NOT_FIGURES = new RegExp(
  `\\b\\d{1,2} (?:${MONTH_NAMES.join("|")})\\b|\\b(?:${MONTH_NAMES.join("|")}) \\d{4}\\b|\\b(?:19|20)\\d{2}(?:[–/-]\\d{2,4})?\\b|` +
    `\\b(?:sections?|questions?|recommendations?|polic(?:y|ies)|parts?|paragraphs?|paras?|appendix|appendices|chapters?|items?|tables?|figures?|priorit(?:y|ies)|pages?|annex|schedules?|stages?|phases?|tranches?|quarters?|q) [A-Z]{0,2}\\d+(?:\\.\\d+)*[a-z]?\\b|` +
    // Any label before a colon or a dash: "Area for improvement 1: …", "Finding 2 – …".
    `\\b[a-z]+ \\d{1,3}[a-z]?(?=:\\s|\\s[-–—]\\s)`,
  "gi",
);

/** A person's name: "Andrew Waugh", or as council papers write their members, "Mrs F M Oborski" or "Cllr J Smith". */
const PERSON = String.raw`\b(?:[A-Z][a-z]+|(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?(?: [A-Z]\.?){1,3}) [A-Z][a-z'-]+\b`;

/** A table's total row: "Total | 83 | 101", "| All households | 127 |". */
const TOTAL_ROW = /^\|?\s*(?:total|overall|all\b)/i;

/** Stemmed words naming the kind of figure a question asks for: "what percentage…", "how much will it cost?". */
const FIGURE_WORDS = new Set(["percentag", "proport", "share", "figur", "number", "total", "averag", "cost", "amount", "sum"]);

/** Sums of money: "£4.1 million" answers "how much", not "how many". */
const MONEY = /£\s?\d[\d,.]*(?:\s?(?:million|billion|bn|m|k)\b)?/gi;

/** Numbers written in words, not joined to a unit: "eleven social workers", not "a five-year settlement". */
const NUMBER_WORDS = "(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|dozen)(?!-)";

/** "A third of social workers" and "Eleven international social workers" are figures; "the third monitoring visit" is not. */
const FIGURE = new RegExp(`\\d|\\b(?:half|a third|a quarter|two thirds|three quarters|majority|minority|${NUMBER_WORDS})\\b`, "i");

const FACT_PATTERNS: Record<Exclude<Intent, "general">, RegExp> = {
  count: FIGURE,
  sum: new RegExp(MONEY.source, "i"),
  figure: FIGURE,
  // "has led to delays" is no person leading anything.
  // A name with its role after it, or a role before it: "Chief Fire Officer Andrea Quayle", "The Director … is Priya Nandakumar",
  // under a label naming a role ("Responsible officer: Marcus Fell", "Prepared by: Samir Bhatt"), or beside one between commas.
  person: new RegExp(
    `${PERSON}.*\\b(?:HMI\\b|[Ii]nspector|[Dd]irector|led(?! to\\b)|lead(?! to\\b)|[Cc]hair|carried out by)|${PERSON}, [^,.;]{0,60}?\\b(?:Manager|Head of|Officer|Auditor)\\b|\\b(?:led(?! to\\b)|carried out by|inspectors were)\\b.*${PERSON}|` +
      `\\b(?:Officer|Director|Inspector|Executive|Chair(?:man)?|Leader|Constable|Commissioner|Superintendent|Headteacher|Mayor)\\b(?:[^.]{0,60}?\\s(?:is|was))?\\s+${PERSON}|` +
      `\\b(?:[Oo]fficer|[Oo]wner|[Ll]ead|[Aa]uthor|[Cc]ontact|[Mm]anager|[Cc]hair(?:man|person)?|by|[Rr]eport of):\\s+${PERSON}|` +
      // A sentence saying who someone is: "The responsible individual is Susan Okafor."
      `\\b(?:is|was)\\s+${PERSON}\\.?$|` +
      // A name under its title: "Dr Emeka Haverford declared an interest", "Councillor Denise Holloway moved the motion".
      `\\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Professor|Sir|Dame)\\.? [A-Z][a-z]+ [A-Z][a-z'-]+\\b|` +
      // Members named by surname in a list, as minutes record a vote: "Against (7): Councillors Farrow, Jagger and Yates".
      `\\b(?:Councillors|Cllrs)\\.? [A-Z][a-z'-]+(?:, [A-Z][a-z'-]+)*,? and [A-Z][a-z'-]+\\b|` +
      // A role set beside the name between commas: "The DCS, Gareth Oyelaran, has created…", "an interim Director of Housing, Oluwaseun Treadgold, …".
      `\\b(?:[A-Z]{2,5}|[Dd]irector|[Oo]fficer|[Ee]xecutive|[Mm]anager|[Ll]eader|[Cc]hair(?:man)?|[Ii]nspector)(?: (?:of|for|and|[A-Z][\\w'’]*)){0,4},\\s+${PERSON},`,
  ),
  date: new RegExp(`\\b(?:\\d{1,2} )?(?:${MONTH_NAMES.join("|")}) \\d{4}\\b|\\b(?:19|20)\\d{2}\\b`),
  // A length of time, or of road for "how long is the bus lane?": "within 8 weeks", "15 months", "1.2 km", or a
  // figure beside its unit's name, as a table row gives it: "Average days to complete repairs | 15.4 | 9.2".
  duration: new RegExp(`^(?=[\\s\\S]*(?:${FIGURE.source}))(?=[\\s\\S]*\\b(?:minutes?|hours?|days?|weeks?|months?|years?|terms?|miles?|metres?|kilometres?|km)\\b)`, "i"),
};

/** True when a sentence holds what a question of this intent asks for: a figure, a name, a date, a length of time. */
export function holdsFact(intent: Intent, text: string): boolean {
  if (intent === "general") return false;
  const figures = intent === "count" ? text.replace(NOT_FIGURES, "").replace(MONEY, "") : intent === "figure" || intent === "duration" ? text.replace(NOT_FIGURES, "") : text;
  return FACT_PATTERNS[intent].test(figures);
}

/** A person's name anywhere in a text. */
const NAMED = new RegExp(PERSON);

/** Stemmed column names a table lists people under: "Owner", "Lead officer", "Responsible". */
const ROLE_COLUMNS = ["owner", "lead", "respons", "offic", "author", "contact"];

/**
 * True when a table row read with its header names a person in a column for the role asked
 * about: "… | Alistair Tremayne | 18 January 2018" under "Owner" for "who owns the action?".
 */
const namesUnderRole = (text: string, read: Set<string>, asked: Set<string>) => NAMED.test(text) && ROLE_COLUMNS.some((t) => read.has(t) && asked.has(t));

/**
 * True for a labelled date line whose label names what the question asks the date of: "Date of
 * visit:" for "when did the visit take place?", "Inspection dates:", "Report published:".
 */
function datesAsked(text: string, subject: Pick<Concept, "alternatives">[]): boolean {
  if (!LABELLED.test(text)) return false;
  const label = new Set(terms(text.slice(0, text.indexOf(":"))));
  return subject.some((c) => wordedIn(c, label));
}

/** A number of things: "2,380", "six", not a share ("38%") or a date. */
const COUNT = new RegExp(`(?<![\\w.,£])(?:\\d[\\d,]*(?!\\.?\\d|\\s?%|\\s?per ?cent)|\\b${NUMBER_WORDS}\\b)`, "gi");

/** What a count question counts, in its own words: "case managers" in "how many case managers did the YJS have?". */
const COUNTED = /\b(?:how many|numbers? of)\s+((?:[\w'’-]+\s+){0,2}[\w'’-]+)/gi;

/** Words enough after a number to hold what it counts: "2,380 education, health and care (EHC) plans". */
const COUNTED_WITHIN = 6;

/** The subject concepts a count question counts; none when it words them otherwise. */
export function countedIn(question: string, subject: Pick<Concept, "alternatives">[]): Pick<Concept, "alternatives">[] {
  const phrase = [...question.matchAll(COUNTED)].pop()?.[1];
  const asked = new Set(terms(phrase ?? ""));
  return subject.filter((c) => wordedIn(c, asked));
}

/**
 * True when a number counts what a "how many" question counts: "412 children were in care",
 * "six findings", "the number of households … had risen from 96 to 214", not "38% of EHC plans
 * were issued within 20 weeks".
 */
export function counts(text: string, counted: Pick<Concept, "alternatives">[]): boolean {
  if (counted.length === 0) return true;
  const plain = text.replace(NOT_FIGURES, " ");
  const countsAfter = (at: number) => {
    const after = new Set(terms(plain.slice(at).split(/\s+/, COUNTED_WITHIN + 1).join(" ")));
    return counted.every((c) => wordedIn(c, after));
  };
  for (const m of plain.matchAll(COUNT)) if (countsAfter(m.index + m[0].length)) return true;
  return [...plain.matchAll(/\bnumbers? of\s/gi)].some((m) => countsAfter(m.index + m[0].length) && plain.slice(m.index).search(COUNT) >= 0);
}

/** Scores every sentence of the retrieved passages against the question. */
export function scoreSentences(index: LoadedIndex, facts: CorpusFacts, query: PreparedQuery, queryVector: ArrayLike<number>, hits: Hit[]): ScoredSentence[] {
  const dims = index.manifest.embedder.dimensions;
  // A concept weighs what its question wording is worth (the sum of its terms' IDF); metadata
  // counts a quarter and is left out of the total, so naming a place never lowers coverage.
  // A question of nothing else ("what did the May 2018 monitoring visit find?") is covered by its metadata.
  // A word no document uses ("youngsters" with no synonym listed) cannot tell sentences apart, and is left out.
  const weighted = query.concepts
    .map((c) => ({ alternatives: c.alternatives, kind: c.kind, weight: conceptValue(index, c) * (c.metadata ? METADATA_WEIGHT : 1), metadata: c.metadata }))
    .filter((c) => c.weight > 0);
  const sum = (list: typeof weighted) => list.reduce((n, c) => n + c.weight, 0);
  const total = sum(weighted.filter((c) => !c.metadata)) || sum(weighted) || 1;
  const out: ScoredSentence[] = [];
  const share = (termsOf: Set<string>) => {
    let matched = 0;
    for (const c of weighted) {
      let best = 0;
      for (const alt of c.alternatives) best = Math.max(best, alt.filter((t) => termsOf.has(t)).length / alt.length);
      matched += c.weight * best;
    }
    return Math.min(1, matched / total);
  };
  // Of a table's rows, which score alike when read with one header, the one naming the place, ward
  // or body asked about comes first: "| Thornbury | 79.7 |…" for life expectancy in Thornbury.
  // The subject as the question words it, or as exactly as its acronym does: a synonym group's
  // looser wordings ("recruitment" for "agency staff") do not make a sentence whole. A word no
  // document uses ("kids") gives way to its synonyms. The word for the kind of figure asked
  // ("percentage", "cost") is held by the figure itself.
  const subject = weighted
    .filter((c) => !c.metadata && !(query.intent !== "general" && c.alternatives[0].every((t) => FIGURE_WORDS.has(t))))
    .map((c) => (c.kind === "synonym" && c.alternatives[0].every((t) => index.lexical.postings.has(t)) ? { alternatives: [c.alternatives[0]] } : c));
  const counted = query.intent === "count" ? countedIn(query.question, subject) : [];
  const labels = weighted.filter((c) => c.metadata);
  const labelWeight = sum(labels) || 1;
  const namesLabels = (termsOf: Set<string>) => sum(labels.filter((c) => wordedIn(c, termsOf))) / labelWeight;
  // Every word the question's subject may be worded with: "owns" is asked as "owner" too.
  const asked = new Set(weighted.filter((c) => !c.metadata).flatMap((c) => c.alternatives.flat()));
  // Of a table's rows, for a figure that names none, the total answers: "Total | 83 | 101 | 112 | 127".
  const asksFigure = query.intent === "count" || query.intent === "figure" || query.intent === "sum";
  // A heading that names the question's whole subject and nothing else ("Section 8: Registered manager's
  // response" for "What was the registered manager's response?") is what its sentences answer, though none repeats it.
  const namedBy = (heading: string[]) => {
    const own = new Set(heading);
    return own.size > 0 && subject.length > 0 && subject.every((c) => wordedIn(c, own)) && heading.every((t) => subject.some((c) => c.alternatives.some((alt) => alt.includes(t))));
  };
  for (const hit of hits) {
    const context = share(facts.contextTerms.get(hit.passage.id)!);
    const heading = facts.sectionTerms.get(hit.passage.id)!;
    const underNamed = namedBy(heading);
    const sentences = hit.passage.sentenceIds.map((id) => index.sentenceById.get(id)!);
    const cosine = sentences.map((s) => cosineRow(queryVector, index.sentenceVectors, s.row, dims));
    // A table's rows are read as one: the encoder makes little of "Total | 83 | 101", so each row
    // takes the closest row's cosine, and what the rows say, not how the encoder reads their figures, tells them apart.
    const rowCosine = Math.max(-1, ...cosine.filter((_, k) => sentences[k].tableRow));
    sentences.forEach((sentence, k) => {
      // A line that only restates its document's title says nothing the answer's heading does not.
      if (facts.titleLines.has(sentence.row)) return;
      const own = facts.sentenceTerms[sentence.row];
      // Matched as it is read (a table row with its header, an item with its one-word heading); its length is its own.
      // BM25's length normalisation: the same words in a short sentence say more than in a long one.
      const read = underNamed ? new Set([...facts.readTerms[sentence.row], ...heading]) : facts.readTerms[sentence.row];
      const coverage = Math.min(1, (share(read) * (1 + LENGTH_K)) / (1 + (LENGTH_K * own.size) / facts.averageSentenceTerms));
      const dense = sentence.tableRow ? rowCosine : cosine[k];
      const fact = holdsFact(query.intent, sentence.searchText) || (query.intent === "person" && sentence.tableRow && namesUnderRole(sentence.searchText, facts.readTerms[sentence.row], asked));
      const w = SENTENCE_WEIGHTS;
      const denseNorm = Math.max(0, Math.min(1, (dense - DENSE_FLOOR) / DENSE_SPAN));
      const factBonus = fact && (coverage >= FACT_COVERAGE || context >= FACT_CONTEXT) ? w.fact : 0;
      const score = w.coverage * coverage + w.context * context + w.dense * denseNorm + w.passage * hit.score + factBonus + (sentence.tableRow ? w.names * Math.max(namesLabels(own), asksFigure && TOTAL_ROW.test(sentence.searchText) ? 1 : 0) : 0);
      const whole =
        (subject.length > 0 && subject.every((c) => wordedIn(c, facts.readTerms[sentence.row])) && (query.intent !== "count" || counts(sentence.searchText, counted))) ||
        // Its label may name the event by a word that labels documents too: "Inspection dates:" for "when was the school inspected?".
        (query.intent === "date" && fact && datesAsked(sentence.searchText, weighted)) ||
        // A name in the role asked about answers "who chaired…?" whole: "Mrs F M Oborski (Chairman), …".
        (query.intent === "person" && fact && !!query.role && wordedIn(query.role, facts.readTerms[sentence.row]));
      out.push({ sentence, coverage, context, dense, passage: hit.score, fact, whole, header: facts.tableHeaders.has(sentence.row), score });
    });
  }
  return out.sort((a, b) => b.score - a.score);
}
