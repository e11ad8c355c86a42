import type { LoadedIndex } from "../../indexer/contract/load-index.js";
import type { Embedder } from "../../indexer/embedders/embedder.js";
import type { CorpusFacts } from "../retrieve/corpus-facts.js";
import type { SynonymGroups } from "../retrieve/synonyms.js";
import type { AskRequest, AskResponse, Filters, Related } from "../http/schemas.js";
import type { Passage, Sentence } from "../../indexer/contract/schemas.js";
import { passes } from "../retrieve/filters.js";
import { conceptKey, namePlaces, prepareQuery, unshout, wordedIn, type Concept, type PreparedQuery } from "../retrieve/prepare-query.js";
import { searchPassages, type Hit, type SearchOptions } from "../retrieve/search.js";
import { narrowTo, opensWithLabel, publisherNotOfPlace } from "./narrow.js";
import { periodAsked, writtenFrom } from "./dates-asked.js";
import { escapeRegExp, stem, terms } from "../../indexer/contract/normalise.js";
import { holdsFact, scoreSentences, type ScoredSentence } from "./score-sentences.js";
import { defaultSelectOptions, introduces, leadOf, selectSentences, withContext } from "./select-sentences.js";
import { NOT_A_QUESTION, outsideTheDocuments, subjectNotSearched, tooWeak } from "./abstain.js";
import { isPleasantry, NOT_NAMES } from "../retrieve/question-words.js";
import { noneMatch } from "./none-match.js";
import { conceptValue } from "../retrieve/bm25.js";
import { composeAnswer, sectionInSource, sourceUrl } from "./compose-answer.js";
import { resolveFollowUp } from "./follow-up.js";

/** Everything answering needs, loaded once at start. */
export interface Engine {
  index: LoadedIndex;
  facts: CorpusFacts;
  embedder: Embedder;
  synonyms: SynonymGroups;
  search?: Partial<SearchOptions>;
}

/** Prepares a question with everything the engine knows of the documents' wording and places. */
export const prepareFor = (engine: Engine, question: string): PreparedQuery =>
  prepareQuery(namePlaces(question, engine.facts.properPlaces), engine.facts.acronyms, engine.synonyms, engine.facts.metadataTerms, engine.facts.shortForms);

/** A name in capitals is an acronym ("FFD", "SENDs"): a subject, not a place or body to look in. */
const ACRONYM = /^[A-Z]{2,}s?$/;

/** A follow-up that speaks of the earlier subject: "is it working?", "what did she find?", "why are they so high?". */
const LEANS_ON_IT = /\b(?:it|its|they|them|their|he|him|his|she|her)\b/i;

/**
 * A follow-up that names a subject of its own the documents use ("what about caseloads?")
 * asks about that subject in the setting of the earlier question, whose words then count as the setting
 * does: where to look, not what to find. One that adds only a place, a year or another name keeps
 * the earlier subject whole ("and in Gloucestershire?", "how does that compare with England?"),
 * and so does one that says something of it ("is it working?" after "what is the FFD?").
 */
function asFollowUp(query: PreparedQuery, own: PreparedQuery | undefined, index: LoadedIndex): PreparedQuery {
  // A word no document uses ("and the percentage?") is no subject to turn to: the earlier one stays.
  // Nor is a name to hold the earlier subject against ("how does that compare with England?"),
  // though an acronym is a subject ("what about the FFD?").
  const named = new Set((own?.names ?? []).filter((n) => !ACRONYM.test(n)).flatMap((n) => terms(n)));
  const isName = (c: Concept) => c.alternatives[0].every((t) => named.has(t));
  const subject = new Set((own?.concepts ?? []).filter((c) => !c.metadata && conceptValue(index, c) > 0 && !isName(c)).map(conceptKey));
  // The earlier subject stays whole; a name the follow-up adds is where to look, as a place is.
  if (subject.size === 0 || LEANS_ON_IT.test(own?.question ?? "")) return named.size === 0 ? query : { ...query, concepts: query.concepts.map((c) => (isName(c) ? { ...c, metadata: true } : c)) };
  return { ...query, concepts: query.concepts.map((c) => (subject.has(conceptKey(c)) ? c : { ...c, metadata: true })) };
}

/** A name the documents use, always with a capital, that is not a place any document is about, an acronym, a label or a question word. */
function isOtherName(name: string, facts: CorpusFacts): boolean {
  const lower = name.toLowerCase();
  if (NOT_NAMES.has(lower) || !facts.vocabulary.has(lower) || ACRONYM.test(name)) return false;
  return !facts.places.has(lower) && !facts.metadataTerms.has(stem(lower)) && !facts.lowerCaseWords.has(lower);
}

/** True when the question's subject is only the parts it names: "What does Policy H6 say?", not "How many homes does Policy H1 require?". */
function asksOnlyFor(parts: string[], query: PreparedQuery): boolean {
  const labels = new Set(parts.flatMap((part) => terms(part)));
  return parts.length > 0 && query.concepts.every((c) => c.metadata || c.alternatives[0].every((t) => labels.has(t)));
}

/** What a question after a figure asks for: a count, a sum of money, a rate or share. */
const FIGURES = new Set(["count", "sum", "figure"]);

/** The most passages naming someone in the role asked about that join the search's. */
const ROLE_PASSAGES = 3;

/** How much of the rest of the question a role holder's passage, headings and document must hold. */
const ROLE_CONTEXT = 0.5;

/**
 * For "who chaired the panel?", the passages that name someone in that role ("Mrs F M Oborski
 * (Chairman)"), in the documents that best match the rest of the question, though they share no
 * other word with it: a membership list is found by its document, not its words.
 */
function withRoleHolders(engine: Engine, query: PreparedQuery, hits: Hit[], filters: Filters, about?: (p: Passage) => boolean): Hit[] {
  const { role } = query;
  if (query.intent !== "person" || !role) return hits;
  const { index, facts } = engine;
  const have = new Set(hits.map((h) => h.passage.id));
  const rest = query.concepts.filter((c) => !c.metadata && conceptKey(c) !== conceptKey(role) && conceptValue(index, c) > 0);
  const total = rest.reduce((n, c) => n + conceptValue(index, c), 0);
  if (total === 0) return hits;
  const holds = (p: Passage) =>
    p.sentenceIds.some((id) => {
      const s = index.sentenceById.get(id)!;
      return wordedIn(role, facts.readTerms[s.row]) && holdsFact("person", s.searchText);
    });
  // Only the passages using a wording of the role are read: the postings list them, row and count in turn.
  const rows = new Set(role.alternatives.flatMap((alt) => (index.lexical.postings.get(alt[0]) ?? []).filter((_, k) => k % 2 === 0)));
  const candidates = [...rows]
    .map((row) => ({ passage: index.passages[row], row }))
    .filter(({ passage }) => !have.has(passage.id) && passes(passage, filters) && (!about || about(passage)) && holds(passage))
    .map(({ passage, row }) => ({ passage, row, share: rest.filter((c) => wordedIn(c, facts.contextTerms.get(passage.id)!)).reduce((n, c) => n + conceptValue(index, c), 0) / total }))
    .filter((c) => c.share >= ROLE_CONTEXT)
    .sort((a, b) => b.share - a.share)
    .slice(0, ROLE_PASSAGES);
  return [...hits, ...candidates.map(({ passage, row, share }) => ({ passage, row, score: share, lexical: 0, dense: 0 }))];
}

/** Passages close to the question: offered beside an abstention, never as an answer. */
const RELATED = 3;

/** What retrieval found for a question, before an answer is composed. */
export interface Retrieval {
  query: PreparedQuery;
  /** The question as answered, when the conversation changed it. */
  interpretedAs?: string;
  /** Set when the question names something no document covers, a place the filters leave out, or a subject nothing searched mentions. */
  outside?: string;
  /** The filters searched with: the request's, and the first day a source must be written on to speak to the question. */
  filters: Filters;
  /** Numbered paragraphs the question asks to read ("what does paragraph 5.12 say?"). */
  paragraphs: string[];
  /** Labelled parts the search was narrowed to ("policy h6" for "what does Policy H6 say?"). */
  parts: string[];
  /** True for a table row that is one of those parts: "2.4 | Improve police attendance…" for "action 2.4". */
  rowOfPart: (sentence: Sentence) => boolean;
  hits: Hit[];
  scored: ScoredSentence[];
  embedMs: number;
  searchMs: number;
}

/**
 * Finds the passages and sentences that bear on a question: the conversation resolved,
 * the question prepared, what it names (places, a year, a speaker, dates) used to narrow
 * the search, passages ranked, sentences scored.
 */
export async function retrieve(engine: Engine, request: AskRequest): Promise<Retrieval> {
  const { index, facts, embedder } = engine;
  // Turns typed in capitals read in ordinary case before they are joined, so a place in "AND IN GLOUCESTERSHIRE?" still filters.
  const plain = (text: string) => unshout(text, facts.acronyms, facts.metadataTerms);
  const history = (request.history ?? []).map((turn) => ({ ...turn, content: plain(turn.content) }));
  const resolved = resolveFollowUp(plain(request.question), history, facts.places, (word) => isOtherName(word, facts));
  const prepared = asFollowUp(prepareFor(engine, resolved.question), resolved.own ? prepareFor(engine, resolved.own) : undefined, index);
  const interpretedAs = resolved.followUp ? resolved.question : undefined;
  // Why nothing is searched, or nothing searched can answer: a retrieval with no hits and a reason.
  const stop = (outside: string, filters: Filters = request.filters ?? {}, embedMs = 0, searchMs = 0): Retrieval => ({ query: prepared, interpretedAs, outside, filters, paragraphs: [], parts: [], rowOfPart: () => false, hits: [], scored: [], embedMs, searchMs });
  const outside = isPleasantry(prepared.question) ? NOT_A_QUESTION : outsideTheDocuments(prepared, facts, index);
  if (outside) return stop(outside);

  const places = prepared.names.map((n) => facts.places.get(n.toLowerCase())).filter((p): p is string => !!p);
  // A town, ward or hospital the documents always write with a capital ("Fenhurst") is where to
  // look, as a place is: not for a question after a person, whom documents spell differently, nor
  // for one comparing with it ("how does that compare with England?"), which the figures beside it answer.
  const compares = /\b(?:compar\w*|than|versus|vs|against)\b/i.test(prepared.question);
  // Nor is the body the question asks to have spoken ("what did Cabinet resolve…?"): that says whose documents, not which passages.
  const spoke = new Set(prepared.speaker.flatMap((c) => c.alternatives[0]));
  const others = prepared.intent === "person" || compares ? [] : prepared.names.filter((n) => isOtherName(n, facts) && !terms(n).every((t) => spoke.has(t)));
  const notByPublisher = publisherNotOfPlace(prepared.question, places, facts);
  if (notByPublisher) return stop(notByPublisher);
  const filters: Filters = { ...request.filters };
  const { about, paragraphs, parts, rowOfPart, names, documentNames, titled, outside: notNamed } = narrowTo(prepared, places, others, facts, index, filters);
  if (notNamed) return stop(notNamed, filters);
  // A name a whole document is about says where to look, as a place does, not what to find there.
  // The whole name, with the capitalised words the question writes beside it: "Ashgrove House".
  const wholeName = (name: string) => new RegExp(`(?:[A-Z][\\w'’-]*\\s+)*${escapeRegExp(name)}(?:\\s+[A-Z][\\w'’-]*)*`).exec(prepared.question)?.[0] ?? name;
  const where = new Set((documentNames ?? []).flatMap((name) => terms(wholeName(name))));
  const query = where.size === 0 ? prepared : { ...prepared, concepts: prepared.concepts.map((c) => (c.alternatives[0].every((t) => where.has(t)) ? { ...c, metadata: true } : c)) };
  const from = writtenFrom(query.question);
  if (from && !filters.from) filters.from = from;

  const embedStart = performance.now();
  const [vector] = await embedder.embed([query.embedText]);
  const embedMs = performance.now() - embedStart;
  const searchStart = performance.now();
  const found = withRoleHolders(engine, query, searchPassages(index, query, vector, { ...engine.search, filters, about }), filters, about);
  // A figure for a year of account ("how much did it overspend in 2019/20?") is in a passage that names
  // that year, heading or title included; another year's figure is no answer.
  const period = FIGURES.has(query.intent) ? periodAsked(query.question) : undefined;
  const hits = period ? found.filter((h) => period.pattern.test(`${h.passage.source.title}\n${h.passage.section.join("\n")}\n${h.passage.searchText}`)) : found;
  if (period && found.length > 0 && hits.length === 0) return stop(`None of the passages closest to the question mentions ${period.asWritten}.`, filters, embedMs, performance.now() - searchStart);
  // Nothing passes the filters within what the question names: say which, and what would.
  const named = [...places, ...names];
  if (hits.length === 0) return stop(noneMatch(index, filters, about && named.length > 0 ? { about, named } : undefined), filters, embedMs, performance.now() - searchStart);
  // What the question names, or the filters, may leave out every passage using its subject's words.
  // A paragraph or part asked for speaks to it whatever its words; so may an answer to "who…" or "when…".
  const narrowed = !!about || Object.values(filters).some((v) => v !== undefined && (!Array.isArray(v) || v.length > 0));
  const wordsMatter = paragraphs.length === 0 && parts.length === 0 && query.intent !== "person" && query.intent !== "date";
  const unsearched = narrowed && wordsMatter && hits.length > 0 ? subjectNotSearched(query, hits, facts, named, titled) : undefined;
  if (unsearched) return stop(unsearched, filters, embedMs, performance.now() - searchStart);
  const scored = scoreSentences(index, facts, query, vector, hits);
  // The sentence or table row that opens with the label asked for is that part itself, and answers first:
  // "| KPI 14 | …" for "what was the status of KPI 14?", though "KPI 01" shares as many words; so is
  // the row its number opens in a table of its kind, "2.4 | Improve police attendance…" for "action 2.4".
  if (parts.length > 0) {
    const best = scored[0]?.score ?? 0;
    const opensPart = opensWithLabel(parts);
    for (const s of scored) if (opensPart(s.sentence.searchText) || rowOfPart(s.sentence)) s.score = Math.max(s.score, best + 0.01);
    scored.sort((a, b) => b.score - a.score);
  }
  return { query, interpretedAs, filters, paragraphs, parts, rowOfPart, hits, scored, embedMs, searchMs: performance.now() - searchStart };
}

/**
 * Answers a question from the documents in their own words, or abstains with a reason.
 * The same path serves the API, the command line and the evaluation.
 */
export async function ask(engine: Engine, request: AskRequest): Promise<AskResponse> {
  const started = performance.now();
  const { index, facts } = engine;
  const { query, interpretedAs, outside, filters, paragraphs, parts, rowOfPart, hits, scored, embedMs, searchMs } = await retrieve(engine, request);
  const abstain = (reason: string, related?: Related[]): AskResponse => ({
    answer: reason,
    abstained: true,
    reason,
    citations: [],
    ...(related && related.length > 0 ? { related } : {}),
    ...(interpretedAs ? { interpretedAs } : {}),
    timings: { totalMs: performance.now() - started, embedMs, searchMs, composeMs: 0 },
  });
  if (outside) return abstain(outside);

  const composeStart = performance.now();
  // A paragraph or a labelled part the question names speaks to it, whatever its words.
  if (paragraphs.length === 0 && parts.length === 0 && tooWeak(scored[0])) {
    const related = hits.slice(0, RELATED).map(({ passage: p }) => ({
      text: index.sentenceById.get(p.sentenceIds[0])!.searchText,
      documentId: p.documentId,
      documentTitle: p.source.title,
      date: p.source.date,
      section: sectionInSource(p.section, p.source),
      start: p.start,
      end: p.end,
      url: sourceUrl(p.documentId, p.start, p.end),
    }));
    return abstain("The documents do not answer this question.", related);
  }
  const byId = new Map(scored.map((s) => [s.sentence.id, s]));
  const unscored = (sentence: ScoredSentence["sentence"]): ScoredSentence => ({ sentence, coverage: 0, context: 0, dense: 0, passage: 0, fact: false, whole: false, header: facts.tableHeaders.has(sentence.row), score: 0 });
  // A sentence's neighbour in its passage, as scored; else the one beside it in the document, though
  // unretrieved, where the text goes on across passages in the same section: a table's next row (a
  // table split between passages has its header row in the first), what a lead-in introduces, or,
  // before a passage's first sentence, the last of the passage before in the same paragraph, where a
  // long paragraph was cut.
  const neighbour = (s: ScoredSentence, step: -1 | 1): ScoredSentence | undefined => {
    const ids = index.passageById.get(s.sentence.passageId)!.sentenceIds;
    const inPassage = byId.get(ids[ids.indexOf(s.sentence.id) + step] ?? "");
    if (inPassage) return inPassage;
    const beside = index.sentences[s.sentence.row + step];
    if (beside?.documentId !== s.sentence.documentId) return undefined;
    const sameSection = beside.section.join("\n") === s.sentence.section.join("\n");
    const rowOfTable = s.sentence.tableRow && beside.tableRow && sameSection;
    const paragraphGoesOn = step === -1 && ids[0] === s.sentence.id && beside.paragraph === s.sentence.paragraph && sameSection && !facts.titleLines.has(beside.row);
    // A passage's last sentence that introduces what follows ("Nadia Kowalczyk, Chair of the Forum, said:") goes on into the next.
    const introducesNext = step === 1 && ids[ids.length - 1] === s.sentence.id && introduces(s) && sameSection;
    return rowOfTable || paragraphGoesOn || introducesNext ? (byId.get(beside.id) ?? unscored(beside)) : undefined;
  };
  const limit = request.maxCitations ?? defaultSelectOptions.maxCitations;
  // A paragraph asked for by number, or a part asked for by its label alone ("what does Policy H6
  // say?"), is read whole, in order, best-matching passages first: the paragraph's own sentences,
  // not a table's rows that share its passage.
  const read = (s: ScoredSentence | undefined): s is ScoredSentence => !!s && (paragraphs.length === 0 || paragraphs.includes(s.sentence.paragraph ?? ""));
  // A part that is a table's row ("| M4 | Guarantee…") is that row under its header, not the rows beside it.
  const ownRows = (sentences: ScoredSentence[]) =>
    sentences.some((s) => rowOfPart(s.sentence)) ? sentences.filter((s) => !s.sentence.tableRow || s.header || rowOfPart(s.sentence)) : sentences;
  const whole =
    paragraphs.length > 0 || asksOnlyFor(parts, query) ? hits.flatMap((h) => ownRows(h.passage.sentenceIds.map((id) => byId.get(id)).filter(read))).slice(0, limit) : undefined;
  const selected = whole ?? selectSentences(scored, { maxCitations: limit, factsOnly: query.intent !== "general" }, (s) => facts.sentenceTerms[s.row]);
  const chosen = whole ?? withContext(selected, neighbour, limit, query.intent !== "general");
  const lead = query.intent === "general" || whole ? undefined : leadOf(selected, chosen);
  const { answer, citations } = composeAnswer(index, chosen, lead, !!whole);
  return {
    answer,
    abstained: false,
    citations,
    ...(interpretedAs ? { interpretedAs } : {}),
    timings: { totalMs: performance.now() - started, embedMs, searchMs, composeMs: performance.now() - composeStart },
  };
}
