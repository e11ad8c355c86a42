import type { LoadedIndex } from "../../indexer/contract/load-index.js";
import type { Passage, Sentence } from "../../indexer/contract/schemas.js";
import type { Filters } from "../http/schemas.js";
import { anyOf, mentions, passes } from "../retrieve/filters.js";
import { englishList } from "./english-list.js";
import { escapeRegExp, stem, terms, words } from "../../indexer/contract/normalise.js";
import { QUESTION_WORDS } from "../retrieve/question-words.js";
import type { CorpusFacts } from "../retrieve/corpus-facts.js";
import { SPEAKER, type Concept, type PreparedQuery } from "../retrieve/prepare-query.js";
import { yearAsked } from "./dates-asked.js";
import { tableStart } from "./table-start.js";

/** "paragraph 5.12", "para 4.2", "paragraphs 12 and 13", a minute's "minute 68.2": numbered paragraphs the question asks to read. */
const PARAGRAPH_REF = /\b(?:para(?:graph)?s?\.?|minutes?(?=\s+\d+\.\d))\s+(\d+(?:\.\d+)*)(?:\s*(?:and|or|,|&)\s*(\d+(?:\.\d+)*))?/gi;

/** The paragraph numbers a question names: ["5.12"] for "What does paragraph 5.12 say?". */
export function paragraphsAsked(question: string): string[] {
  return [...question.matchAll(PARAGRAPH_REF)].flatMap((m) => [m[1], m[2]].filter((n): n is string => !!n));
}

/**
 * "Policy H6", "Recommendation 3", "Key recommendation 3", "matter of concern 2", "Lesson 5", "mitigation M4",
 * "Appendix A", "Table 1", "minute 36/17", "section 3.2", "condition 4", "allegation 3", "reason 2": a labelled
 * part of a document the question names.
 */
const PART_REF =
  /\b(policy|priority|(?:key |improvement |statutory )?recommendation|(?:(?:matters?|causes?) of )?concern|lesson|mitigation|appendix|annex|chapter|part|action|objective|finding|kpi|question|table|minute|item|section|condition|allegation|reason)\s+(\d+\/\d+|[a-z]{0,3}\d+(?:\.\d+)*[a-z]?|[a-z])\b/gi;

/** Parts a document heads by their number alone: "36/17 BETTER CARE FUND" is minute 36/17, "5. Update on…" item 5, "3.2 What we are doing" section 3.2. */
const NUMBERED_ONLY = /^(?:minute|item|section)$/i;

/**
 * A section of an Act, not of the document: "section 17 of the Children Act 1989", "section 47 enquiries",
 * "the section 114 report". A document's own section is numbered with a point ("section 3.2") or said to be its ("section 7 of the report").
 */
const STATUTE_SECTION = (question: string, at: number, number: string) =>
  !number.includes(".") && !/^\s+of\s+the\s+(?![^?.,;]*\bAct\b)/i.test(question.slice(at));

/** A labelled part a question names: "policy h6" to look for, "Policy H6" as the question wrote it. */
interface Part {
  label: string;
  asWritten: string;
  /** Matches where a heading or a sentence opens with the label ("Policy H6: Houses in…"). */
  opens: RegExp;
  /** The paragraph number the part has in a list headed by its kind: "6" under "Recommendations" for "recommendation 6". */
  number: string;
  /** Matches a heading that names the part's kind: "Recommendations", "Key recommendations". */
  kind: RegExp;
  /** True for a part known only by its number, heading it or its paragraph: a sentence opening "36 children…" is no minute 36. */
  headingOnly: boolean;
}

/**
 * The labelled parts a question names: "Policy H6" in "What does Policy H6 say?".
 * A label of one letter counts in capitals only: "Appendix A", not "finding a way".
 */
export function partsAsked(question: string): Part[] {
  return [...question.matchAll(PART_REF)]
    .filter((m) => /\d/.test(m[2]) || /^[A-Z]$/.test(m[2]))
    .filter((m) => !/^section$/i.test(m[1]) || !STATUTE_SECTION(question, m.index + m[0].length, m[2]))
    .map((m) => {
      const label = `${m[1]} ${m[2]}`.toLowerCase();
      const byNumber = NUMBERED_ONLY.test(m[1]);
      const opens = byNumber ? new RegExp(`^(?:${m[1]}\\s+)?${escapeRegExp(m[2])}(?:$|[\\s:.–—|-])`, "i") : opening(label);
      return { label, asWritten: m[0], opens, number: m[2], kind: kindPattern(m[1]), headingOnly: byNumber };
    });
}

/**
 * A heading naming a part's kind, in any of its forms: "Key recommendations" for key recommendation 3,
 * "MATTERS OF CONCERN" for matter of concern 2, "MITIGATING ACTIONS" for mitigation M4.
 */
const kindPattern = (kind: string) => {
  const word = kind.split(" ").pop()!.toLowerCase();
  return new RegExp(`\\b(?:${word}s?|${stem(word)}\\w*)\\b`, "i");
};

/** Text that opens with a part's label, after any section number: a heading ("2.4 Recommendation 4: …"), a sentence, or a table row or cell ("| KPI 14 | New benefit claims…"). */
const opening = (label: string) => new RegExp(`(?:^|\\n|[.!?;|]\\s+)(?:\\|\\s*)?(?:\\d+(?:\\.\\d+)*\\.?\\s+)?${escapeRegExp(label)}(?:$|[\\s:.–—|-])`, "i");

/**
 * A test for the table rows a part's number opens, in a table whose header, caption or heading names the
 * part's kind: "2.4<tab>Improve police attendance…" under "Ref | Action | Owner" is action 2.4.
 */
function rowsOfPart(index: LoadedIndex, part: Part): (sentence: Sentence) => boolean {
  // Numbered alone ("6"), or after its kind's initial ("R6" in a table of recommendations); the kind is the word before the number.
  const initial = part.label.split(" ").slice(-2)[0][0];
  const number = new RegExp(`^\\|?\\s*(?:${initial})?${escapeRegExp(part.number)}\\.?(?:\\s|\\|)`, "i");
  return (sentence) => {
    if (!sentence.tableRow || !number.test(sentence.searchText)) return false;
    // The table's first row, though the table began in the passage before, and the caption or lead-in above it.
    const first = tableStart(index, sentence).row;
    const heads = [...[index.sentences[first], index.sentences[first - 1]].filter((s) => s?.documentId === sentence.documentId).map((s) => s.searchText), ...sentence.section];
    return heads.some((text) => part.kind.test(text));
  };
}

/** A test, built once, for a sentence that opens with one of the labels: "Recommendation 3: The Board should…", "| KPI 14 | …". */
export function opensWithLabel(labels: string[]): (text: string) => boolean {
  const patterns = labels.map(opening);
  return (text) => patterns.some((pattern) => pattern.test(text));
}

/**
 * True when a passage sits under a heading that opens with the label, or one of its sentences or table rows
 * does ("Recommendation 3: The Board should…"), or it is the item so numbered under a heading naming
 * the kind: "6. monitor the disproportionate number…" under "Recommendations" is recommendation 6.
 */
const underPart = (passage: Passage, part: Part) =>
  passage.section.some((heading) => part.opens.test(heading)) ||
  (part.headingOnly ? passage.paragraph === part.number || !!passage.paragraph?.startsWith(`${part.number}.`) : part.opens.test(passage.searchText) || (passage.paragraph === part.number && passage.section.some((heading) => part.kind.test(heading))));

/** The most words of a heading a part runs on into: "Recommendations", "Management response". */
const SUB_HEADING_WORDS = 2;

/**
 * The passages a labelled part runs on into: the short heading that follows it in the same section
 * and says what the part asks, not a new subject. "Cause of concern 1" runs on into the
 * "Recommendations" after it; a finding into its "Management response". A part known by its number
 * alone runs on into nothing.
 */
function runsOn(index: LoadedIndex, facts: CorpusFacts, part: Part): Set<string> {
  const out = new Set<string>();
  if (part.headingOnly) return out;
  let inside: Passage | undefined;
  // The headings above the part's that what it runs on into shares: the top one, "Responding to the public", if it has one.
  let above: string[] = [];
  let into: string | undefined;
  for (const passage of index.passages) {
    const innermost = passage.section[passage.section.length - 1] ?? "";
    const at = passage.section.findIndex((heading) => part.opens.test(heading));
    if (at >= 0) {
      inside = passage;
      above = passage.section.slice(0, Math.min(at, 1));
      into = undefined;
      continue;
    }
    const sameSection = !!inside && passage.documentId === inside.documentId && above.every((heading, k) => passage.section[k] === heading);
    const words = facts.sectionTerms.get(passage.id)!.length;
    const short = words > 0 && words <= SUB_HEADING_WORDS && !part.kind.test(innermost);
    if (sameSection && short && (into === undefined || into === innermost)) {
      into = innermost;
      out.add(passage.id);
    } else inside = undefined;
  }
  return out;
}

/**
 * The documents that are the speaker's or name it, when those are some but not all of them: "the
 * task group" in "what did the task group recommend…?" is one report's, "the CQC" the Care Quality
 * Commission's, while "inspectors" are in every inspection letter and narrow nothing.
 */
function speakersDocuments(speaker: Concept[], facts: CorpusFacts): Set<string> | undefined {
  if (speaker.length === 0) return undefined;
  const names = (text: string) => speaker.every((c) => c.alternatives.some((alt) => text.includes(` ${alt.join(" ")} `)));
  const documents = new Set([...facts.documentText].filter(([, text]) => names(text)).map(([id]) => id));
  return documents.size > 0 && documents.size < facts.documentText.size ? documents : undefined;
}

/**
 * The publishers a question asks to have spoken: Ofsted in "what has Ofsted said about the
 * Family Front Door?". What they wrote answers it, not a council's paper reporting them.
 */
function publishersSpeaking(question: string, facts: CorpusFacts): Set<string> {
  const speaker = ` ${words(SPEAKER.exec(question)?.[1] ?? "").join(" ")} `;
  return new Set([...facts.publisherWordings].filter(([, wordings]) => wordings.some((w) => speaker.includes(` ${w} `))).map(([publisher]) => publisher));
}

/**
 * Why a publisher the question names cannot speak to the place it names: "What is the CQC rating
 * for Calderbrook?" when none of the Care Quality Commission's documents is about or names
 * Calderbrook. Another body's judgement of the place is no answer. Undefined when one can.
 */
export function publisherNotOfPlace(question: string, places: string[], facts: CorpusFacts): string | undefined {
  if (places.length === 0) return undefined;
  const asked = ` ${words(question).join(" ")} `;
  const named = [...facts.publisherWordings].filter(([, wordings]) => wordings.some((w) => asked.includes(` ${w} `))).map(([publisher]) => publisher);
  const names = (documentId: string, name: string) => facts.documentText.get(documentId)!.includes(` ${terms(name).join(" ")} `);
  for (const publisher of named) {
    // Its document about the place or naming it, or a document about the place that names it (a council's paper on its inspection).
    const speaksOf = (place: string) =>
      facts.sources.some((s) => (s.publisher === publisher && (s.place === place || names(s.documentId, place))) || (s.place === place && names(s.documentId, publisher)));
    if (!places.some(speaksOf)) return `No document from the publisher ${publisher} is about or mentions ${englishList(places)}.`;
  }
  return undefined;
}

/** Words that end a document's name: "the carers strategy", "the local authority assessment", "the monitoring visit". */
const DOCUMENT_WORDS = new Set(
  terms("report strategy plan minutes letter review evaluation agenda update survey audit consultation inspection visit assessment statement decision response framework challenge"),
);

/** The titles a question names, and the words it names them by. */
interface TitlesNamed {
  titles: Set<string>;
  words: string[];
}

/**
 * The sources a question names by title, when those are some but not all of them: "the carers
 * strategy" in "what does the carers strategy say about breaks?" names "Redmarsh All-Age Carers
 * Strategy 2022–2027". Two words or more of the title, in its order, or an acronym of them,
 * ending the question's phrase with a word for a document, or any of its words before the word
 * its kind ends in ("the consultation report"); "the monitoring visit feedback" names
 * feedback, not the visit's letter. A kind names the sources of that kind: "the inspection report".
 */
export function titlesNamed(question: string, facts: CorpusFacts): TitlesNamed | undefined {
  // Each word's term, or null for a word that names nothing: "the", "what", "say".
  const term = (w: string) => (QUESTION_WORDS.has(w) && !DOCUMENT_WORDS.has(stem(w)) ? null : (terms(w)[0] ?? null));
  const asWritten = words(question);
  // An acronym the documents define may stand for a title's words: "the JSNA" for the Joint Strategic
  // Needs Assessment. Or be one of them: "the SEND inspection" for "Area SEND inspection of Westmere".
  const plain = asWritten.map(term);
  const readings = asWritten.some((w) => Object.hasOwn(facts.acronyms, w))
    ? [plain, asWritten.flatMap((w) => (Object.hasOwn(facts.acronyms, w) ? terms(facts.acronyms[w]) : [term(w)]))]
    : [plain];
  const wordings = [...facts.titles];
  const titles = new Set<string>();
  const named = new Set<string>();
  // A document the question asks about is its subject, not where to look: "what did the committee resolve about the Auditor's Annual Report?".
  const askedAbout = (start: number) => {
    let k = start - 1;
    while (k >= 0 && /^(?:the|a|an|its|their|this|that)$/.test(asWritten[k])) k--;
    return k >= 0 && /^(?:about|regarding|concerning|on)$/.test(asWritten[k]);
  };
  for (const asked of readings) {
    asked.forEach((last, end) => {
      // The phrase ends there, or goes on with what labels a document: "the inspection report published in 2017".
      const next = asked[end + 1];
      if (!last || !DOCUMENT_WORDS.has(last) || (next && !facts.metadataTerms.has(next))) return;
      let phrase = end;
      while (phrase > 0 && asked[phrase - 1]) phrase--;
      if (asked === plain && askedAbout(phrase)) return;
      // "The independent review of disproportionality" is a review of that, whatever else is titled "Independent Review…".
      const of = asked === plain && /^(?:of|into)$/.test(asWritten[end + 1] ?? "") ? asked[end + 2] : null;
      for (let start = end - 1; start >= 0 && asked[start]; start--) {
        const run = asked.slice(start, end + 1) as string[];
        // "the youth justice report", "the consultation report": words of the title, and the word its kind ends in ("inspection report").
        const byKind = (wording: string) => end - start >= 1 && wording.includes(` ${run.slice(0, -1).join(" ")} `) && wording.endsWith(` ${last} `);
        const having = wordings
          .filter(([, wording]) => (wording.includes(` ${run.join(" ")} `) || byKind(wording)) && (!of || wording.includes(` ${of} `)))
          .map(([title]) => title);
        if (having.length === 0 || having.length === wordings.length) continue;
        having.forEach((title) => titles.add(title));
        run.forEach((t) => named.add(t));
      }
    });
  }
  return titles.size > 0 ? { titles, words: [...named] } : undefined;
}

/** Which passages a question is about beyond the filters, or why none is. */
export interface Narrowing {
  about?: (passage: Passage) => boolean;
  /** The paragraphs the question asks to read: each is quoted whole. */
  paragraphs: string[];
  /** The labels of the parts the search is narrowed to ("policy h6"), which speak to the question whatever their words. */
  parts: string[];
  /** True for a table row that is one of those parts: "2.4 | Improve police attendance…" for "action 2.4". */
  rowOfPart: (sentence: Sentence) => boolean;
  /** The names other than places the search is narrowed to ("Fenhurst"). */
  names: string[];
  /** Of those, the names whole documents are about, their title or cover naming them ("Ashgrove House"): where to look, not what to find. */
  documentNames?: string[];
  /** The titles the search is narrowed to, and the question's words that named them. */
  titled?: TitlesNamed;
  outside?: string;
}

/**
 * Narrows a search to what the question names, within the filters: a place the documents are
 * about, as those documents' passages and any other passage that names it (a county's assessment
 * names its districts); a year it asks about; the documents of the speaker it names, and what a
 * publisher it asks to have spoken wrote, when it wrote any of them; numbered
 * paragraphs ("what does paragraph 5.12 say?"); and labelled parts, when a heading opens with
 * the label ("What does Policy H6 say?").
 */
export function narrowTo(query: PreparedQuery, places: string[], names: string[], facts: CorpusFacts, index: LoadedIndex, filters: Filters): Narrowing {
  const paragraphs = paragraphsAsked(query.question);
  const parts = partsAsked(query.question);
  // A part is under its heading, or its numbered paragraph, or a row of a table of its kind ("2.4" in a table of actions).
  const partRows = new Map(parts.map((part) => [part, rowsOfPart(index, part)]));
  const runOn = new Map(parts.map((part) => [part, runsOn(index, facts, part)]));
  const inPart = (p: Passage, part: Part) =>
    underPart(p, part) || runOn.get(part)!.has(p.id) || (!part.headingOnly && p.sentenceIds.some((id) => partRows.get(part)!(index.sentenceById.get(id)!)));
  const year = yearAsked(query.question);
  const spokenBy = speakersDocuments(query.speaker, facts);
  const publishers = publishersSpeaking(query.question, facts);
  const titled = titlesNamed(query.question, facts);
  // Nothing narrowed, and why when there is a reason.
  const unnarrowed = (outside?: string): Narrowing => ({ paragraphs, parts: [], rowOfPart: () => false, names: [], ...(outside ? { outside } : {}) });
  if (places.length === 0 && names.length === 0 && paragraphs.length === 0 && parts.length === 0 && year === undefined && !spokenBy && !titled && publishers.size === 0) return unnarrowed();
  const placeTerms = places.map((place) => terms(place));
  const nameTerms = names.map((name) => terms(name));
  const inPlaces = (p: Passage) => places.length === 0 || places.some((place, k) => p.source.place === place || mentions(facts, p, placeTerms[k]));
  // Names a document's title holds, every one the question gives ("MINUTES of a meeting of the Health and Wellbeing Board…"), name all of it.
  const namingTitles = new Set([...facts.titles].filter(([, wording]) => nameTerms.length > 0 && nameTerms.every((t) => wording.includes(` ${t.join(" ")} `))).map(([title]) => title));
  // So do names its cover gives: "What did the visitor find at Ashgrove House?" of a report whose cover names the home.
  const namingCovers = new Set([...facts.coverText].filter(([, wording]) => nameTerms.length > 0 && nameTerms.every((t) => wording.includes(` ${t.join(" ")} `))).map(([id]) => id));
  const named = (p: Passage) => namingTitles.has(p.source.title) || namingCovers.has(p.documentId) || nameTerms.some((t) => mentions(facts, p, t));
  // Any of the places ("Worcestershire and Gloucestershire"), and any of the other names within them
  // ("Abbey ward in Sandling"), unless none of those passages names one.
  const byName = names.length > 0 && index.passages.some((p) => passes(p, filters) && inPlaces(p) && named(p));
  const ofPlace = (p: Passage) => inPlaces(p) && (!byName || named(p));
  // A year is a document's: a letter of 2010 cannot speak of 2018, but an inspection report that
  // dates its fieldwork "2016" speaks of 2016 in passages that never write it.
  const ofYear = (p: Passage) => year === undefined || !!p.source.date?.startsWith(String(year)) || !!facts.yearsByDocument.get(p.documentId)?.has(year);
  const inParagraph = (p: Passage) => paragraphs.length === 0 || (p.paragraph !== null && paragraphs.includes(p.paragraph));
  const searched = index.passages.filter((p) => passes(p, filters));
  // Filters that leave nothing are the reason to give (see `noneMatch`), not what the question names.
  if (searched.length === 0) return unnarrowed();
  if (!searched.some(ofPlace)) {
    const outsideFilters = !!filters.places?.length && !places.some((n) => anyOf(filters.places, n));
    const outside = outsideFilters
      ? `The question names ${englishList(places, "and")}, but the filters search only ${englishList(filters.places!, "and")}.`
      : `None of the documents searched is from or mentions ${englishList(places)}, which the question names.`;
    return unnarrowed(outside);
  }
  if (!searched.some((p) => ofPlace(p) && ofYear(p))) {
    const which = places.length > 0 ? `No document about ${englishList(places, "or")}` : "No document searched";
    return unnarrowed(`${which} is dated in or mentions ${year}.`);
  }
  // The speaker narrows only where that leaves something to search.
  const bySpeaker = !!spokenBy && searched.some((p) => ofPlace(p) && ofYear(p) && spokenBy.has(p.documentId));
  // So does a title.
  const byTitle = !!titled && searched.some((p) => ofPlace(p) && ofYear(p) && (!bySpeaker || spokenBy!.has(p.documentId)) && titled.titles.has(p.source.title));
  const byAllButPublisher = (p: Passage) => ofPlace(p) && ofYear(p) && (!bySpeaker || spokenBy!.has(p.documentId)) && (!byTitle || titled!.titles.has(p.source.title));
  // So does a publisher asked to have spoken.
  const byPublisher = publishers.size > 0 && searched.some((p) => byAllButPublisher(p) && publishers.has(p.source.publisher));
  const inPlace = (p: Passage) => byAllButPublisher(p) && (!byPublisher || publishers.has(p.source.publisher));
  if (!searched.some((p) => inPlace(p) && inParagraph(p))) {
    return unnarrowed(`No document searched has a paragraph numbered ${englishList(paragraphs)}.`);
  }
  // A part no document searched so much as names is not in them: "What does Policy Z9 say?".
  const unnamed = parts.filter((part) => !searched.some((p) => inPlace(p) && (p.searchText.toLowerCase().includes(part.label) || inPart(p, part))));
  if (unnamed.length > 0) return unnarrowed(`No document searched has ${/^[aeiou]/i.test(unnamed[0].asWritten) ? "an" : "a"} ${englishList(unnamed.map((part) => part.asWritten))}.`);
  // A part is looked for under its heading; named only in passing ("(Policy H4)"), it narrows nothing.
  const inParts = (p: Passage) => parts.some((part) => inPart(p, part));
  const byPart = parts.length > 0 && searched.some((p) => inPlace(p) && inParagraph(p) && inParts(p));
  return {
    about: (p) => inPlace(p) && inParagraph(p) && (!byPart || inParts(p)),
    paragraphs,
    parts: byPart ? parts.map((part) => part.label) : [],
    rowOfPart: (sentence) => byPart && parts.some((part) => partRows.get(part)!(sentence)),
    names: byName ? names : [],
    documentNames: byName && namingTitles.size + namingCovers.size > 0 ? names : [],
    ...(byTitle ? { titled } : {}),
  };
}
