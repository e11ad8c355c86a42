import type { LoadedIndex } from "../../indexer/contract/load-index.js";
import { stem, terms, words } from "../../indexer/contract/normalise.js";
import { MONTH_NAMES } from "../../indexer/contract/dates.js";
import { UNKNOWN_PLACE, type Sentence } from "../../indexer/contract/schemas.js";
import { DIVISION_WORDS, isDivision } from "../../indexer/parse/heading-shape.js";
import { LABELLED } from "../../indexer/parse/lines.js";
import { INSPECTORATES } from "../../indexer/parse/publishers.js";

/** What the server works out once from a loaded index, so no query has to. */
export interface CorpusFacts {
  /** Every folded word of every passage, title and publisher: a name outside it is mentioned nowhere. */
  vocabulary: Set<string>;
  /** Every folded word of the documents' whole text: a letterhead, an address and a page's header and footer too. */
  textWords: Set<string>;
  /** All passages' words, folded and space-separated, for finding a quoted phrase. */
  foldedText: string;
  /** Words written in capitals in the passages ("FFD", "CAMHS"): an acronym is matched case and all. */
  capitals: Set<string>;
  /** Years written anywhere in the documents. */
  years: Set<number>;
  /** The years each document writes, by document id. */
  yearsByDocument: Map<string, Set<number>>;
  /** Earliest and latest document years. */
  firstYear: number | null;
  lastYear: number | null;
  /** Each document's place, lower case → as written. */
  places: Map<string, string>;
  /**
   * The places the documents always write with a capital, lower case → as written: typed in
   * lower case ("missing children in wales") they still name the place. Not "March" or "Reading",
   * which are also a month and a word.
   */
  properPlaces: Map<string, string>;
  /** Words the documents write in lower case somewhere: a capitalised word not among them is a name ("Fenhurst"). */
  lowerCaseWords: Set<string>;
  /** Stemmed terms of each sentence, row for row with `index.sentences`. */
  sentenceTerms: Set<string>[];
  /**
   * The terms each sentence is read with, row for row: its own, a table row's caption and header
   * ("Total | 83 | 101" is households in temporary accommodation), and the word of a one-word
   * heading above it ("Recommendations"). The same Set as `sentenceTerms` where nothing is added.
   */
  readTerms: Set<string>[];
  /** The rows, by sentence row, that head a table with rows below them in the same passage. */
  tableHeaders: Set<number>;
  /** The rows, by sentence row, that only restate their document's title: a letter's subject line, a cover's title line. */
  titleLines: Set<number>;
  /** How many distinct terms a sentence has on average. */
  averageSentenceTerms: number;
  /** Terms that label documents rather than say anything: places, publishers, kinds, months, years. */
  metadataTerms: Set<string>;
  /** Stemmed terms of each passage, section headings included, by passage id. */
  passageTerms: Map<string, Set<string>>;
  /**
   * What a passage is read in, by passage id: its terms, and its source's title and publisher, as
   * a heading above all its sections ("Joint Strategic Needs Assessment" for every passage of the JSNA).
   */
  contextTerms: Map<string, Set<string>>;
  /** Each passage's innermost heading in the words that name its subject (see `headingTerms`). */
  sectionTerms: Map<string, string[]>;
  /**
   * Each document's stemmed terms in order, passage by passage, with its title and publisher (its
   * parts' too), by document id: what it speaks of and whose it is, for finding a phrase in it.
   */
  documentText: Map<string, string>;
  /**
   * Each document's cover, stemmed, by document id: its first short lines, before any prose. A name
   * there ("Name of home: Ashgrove House", "Brightwater Family Fostering Limited") is what the whole document is about.
   */
  coverText: Map<string, string>;
  /** Shortenings of the documents' acronyms that the documents use only for them, stemmed: "ffd" → "front door". */
  shortForms: ShortForms;
  /**
   * The acronyms a question may use, lower case → long form: those the documents define, and
   * each publisher's initials, as readers name it ("CQC" for the Care Quality Commission)
   * though its report may never write them.
   */
  acronyms: Record<string, string>;
  /** Every source a citation can name, a document or a part of a pack, with its publisher and its document's place. */
  sources: { documentId: string; publisher: string; place: string }[];
  /**
   * Each source's title, a document's or a pack part's, with the stemmed terms of it and of its
   * kind between spaces: how a question may name it ("the carers strategy", "the inspection report").
   */
  titles: Map<string, string>;
  /** How a question may name each publisher, folded: its name, and its initials unless a document defines them otherwise ("care quality commission", "cqc"). */
  publisherWordings: Map<string, string[]>;
}

/** An acronym, and the stemmed shortening of its long form that stands for it ("ffd" → "front door"). */
export type ShortForms = Map<string, string>;

/**
 * The endings of each acronym's long form that, in these documents, mostly appear as part
 * of it: "front door" is almost always "Family Front Door", so a question about "the front
 * door team" means the FFD. "Children's services" is not shortened from "Director of
 * Children's Services": most of its uses are not his title.
 */
export function findShortForms(acronyms: Record<string, string>, passageTerms: string[][]): ShortForms {
  const text = ` ${passageTerms.map((t) => t.join(" ")).join(" | ")} `;
  const uses = (phrase: string[]) => {
    const needle = ` ${phrase.join(" ")} `;
    let count = 0;
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) count++;
    return count;
  };
  const out: ShortForms = new Map();
  for (const [acronym, long] of Object.entries(acronyms)) {
    const full = terms(long);
    const whole = uses(full);
    // Longest ending first: "safeguarding children board" before "children board".
    for (let k = 1; full.length - k >= 2; k++) {
      const ending = full.slice(k);
      if (whole > uses(ending) / 2) {
        out.set(acronym, ending.join(" "));
        break;
      }
    }
  }
  return out;
}

/**
 * The word of a one-word heading ("Recommendations", "5. Findings", "Section 7: Recommendations"), which names what every
 * item under it is, though no item repeats it. A longer heading ("The experiences and progress
 * of children…") is a topic, counted with the passage's context instead.
 */
function labelTerms(section: string[]): string[] {
  const label = headingTerms(section[section.length - 1] ?? "");
  return label.length === 1 ? label : [];
}

/** A heading's own label, which names no subject: "Section 8:", "Part 2 –", "Appendix B.". */
const HEADING_LABEL = new RegExp(`^(?:${DIVISION_WORDS})\\s+[\\w.]+\\s*[:.–—-]?\\s*`, "i");

/** The words a heading names its subject with: "registered manag respons" for "Section 8: Registered manager's response". */
export const headingTerms = (heading: string): string[] => terms(heading.replace(HEADING_LABEL, "")).filter((t) => !/\d/.test(t));

/**
 * Each sentence's terms as it is read: a table row below the first with its table's caption or
 * lead-in (or the division heading it sits under) and its header row, and any sentence with its one-word heading.
 */
function readWith(index: LoadedIndex, sentenceTerms: Set<string>[], headers: Set<number>): Set<string>[] {
  const read = [...sentenceTerms];
  for (const passage of index.passages) {
    const label = labelTerms(passage.section);
    let table: Set<string> | undefined;
    // A table first in its passage under a division's heading is read with it, as with a caption: "SECTION 8: SIGN-OFF", "Appendix C: Fees".
    const heading = passage.section[passage.section.length - 1] ?? "";
    let before: Set<string> | undefined = isDivision(heading) ? new Set(headingTerms(heading)) : undefined;
    for (const id of passage.sentenceIds) {
      const { row, tableRow } = index.sentenceById.get(id)!;
      const extra = [...label, ...(tableRow && table ? table : [])];
      if (extra.length > 0) read[row] = new Set([...sentenceTerms[row], ...extra]);
      // A table's rows are read with the caption or lead-in before the table, and its header row if it has one.
      if (!tableRow) table = undefined;
      else table ??= new Set([...(before ?? []), ...(headers.has(row) ? sentenceTerms[row] : [])]);
      before = sentenceTerms[row];
    }
  }
  return read;
}

/** A line's words alone: a title joined " – " from two lines reads as the lines do. */
const folded = (text: string) => words(text).join(" ");

/** How much longer a title may be than the lines it joins: " – " between each of a few lines. */
const TITLE_JOINS = 8;

/** True for a sentence that is its document's title, as a letter's subject line or a cover's title line is. */
export const restatesTitle = (sentence: Pick<Sentence, "searchText" | "source">) =>
  // Most sentences are nowhere near their title's length, and folding every one would slow loading a large index.
  Math.abs(sentence.searchText.length - sentence.source.title.length) <= TITLE_JOINS && folded(sentence.searchText) === folded(sentence.source.title);

/** Years, years of account, dates and units of money, which a column's label may hold: "2023/24", "31 March 2024", "£000s". */
const LABEL_NUMBERS = new RegExp(`\\b(?:\\d{1,2} )?(?:${MONTH_NAMES.join("|")})? ?(?:19|20)\\d{2}(?:[–/-]\\d{2,4})?\\b|£0+s?\\b`, "gi");

/** A cell that is a figure: "11,862", "(129)", "15/36", "10:31", "26%". */
const FIGURE_CELL = /^[£(–-]?\d[\d,.:/]*\)?%?$/;

/** A table row's cells, however the text was laid out: tabs, pipes or runs of spaces. */
const cellsOf = (text: string) =>
  text
    .split(/\t|\s*\|\s*|\s{2,}/)
    .map((cell) => cell.replace(/[*_]/g, "").trim().toLowerCase())
    .filter((cell) => cell.length > 0);

/**
 * The rows that head a table, by sentence row: a table's first row, of labels over figures
 * below it in its passage, unless it is the first of the data, sharing a cell with a row below
 * ("Children who need help and protection | Inadequate" over "Adoption performance | Inadequate").
 * A passage opening partway down a table opens with data.
 */
function findTableHeaders(index: LoadedIndex): Set<number> {
  const headers = new Set<number>();
  for (const passage of index.passages) {
    let table: Sentence[] = [];
    const end = () => {
      // The text as written, whose tabs and pipes the search text folds away.
      const cells = (s: Sentence) => cellsOf(index.documentById.get(s.documentId)!.text.slice(s.start, s.end));
      const first = table[0];
      const [labels, ...rows] = table.map(cells);
      const below = new Set(rows.flat());
      const above = index.sentences[first.row - 1];
      const opensTable = !(above?.tableRow && above.documentId === first.documentId);
      // No label is a figure ("11,862", "15/36"), though one may hold a year or a date, nor ends in a colon as a label beside its value does.
      const labelsOnly = labels.every((cell) => !FIGURE_CELL.test(cell.replace(LABEL_NUMBERS, "").trim()) && !cell.endsWith(":"));
      // A glossary's first term ("ASYE | Assessed and supported year in employment") is no header:
      // labels are one word each ("Judgement | Grade"), or stand over figures.
      const overFigures = labels.every((cell) => !cell.includes(" ")) || rows.some((row) => row.some((cell) => /\d/.test(cell)));
      if (rows.length > 0 && opensTable && labelsOnly && overFigures && !labels.some((cell) => below.has(cell))) headers.add(first.row);
      table = [];
    };
    for (const id of passage.sentenceIds) {
      const sentence = index.sentenceById.get(id)!;
      if (sentence.tableRow) table.push(sentence);
      else if (table.length > 0) end();
    }
    if (table.length > 0) end();
  }
  return headers;
}

/**
 * The most lines a cover takes, and the longest: a longer line is prose, and ends it. A labelled
 * line may run longer: "Proposal: Closure of Brookside Day Centre, Fenside, and re-provision of…".
 */
const COVER_LINES = 8;
const COVER_LINE_CHARS = 100;
const COVER_LABELLED_CHARS = 160;

/** A document's cover: its first short lines, up to the first line of prose. */
function coverOf(text: string): string {
  const lines = text.split("\n").map((line) => line.trim()).filter((line) => line.length > 0).slice(0, COVER_LINES);
  const prose = lines.findIndex((line) => line.length > (LABELLED.test(line) ? COVER_LABELLED_CHARS : COVER_LINE_CHARS));
  return (prose === -1 ? lines : lines.slice(0, prose)).join("\n");
}

/** Words that name a kind of body, which label documents however the documents write them. */
const BODY_WORDS = new Set(["council", "county", "borough", "district", "city", "metropolitan", "commission", "inspectorate", "ombudsman"]);

/** Words a body's initials skip: "Local Government and Social Care Ombudsman" is the LGSCO. */
const NOT_INITIALLED = new Set(["of", "and", "for", "the", "in", "&"]);

/** A publisher's initials, when its name has two or more words: "Care Quality Commission" → "CQC". */
export function initials(name: string): string | undefined {
  const named = name.split(/\s+/).filter((w) => !NOT_INITIALLED.has(w.toLowerCase()) && /^[A-Z]/.test(w));
  // A word in capitals gives all its letters: "HM Inspectorate of Constabulary…" is HMICFRS.
  return named.length >= 2 ? named.map((w) => (/^[A-Z]+$/.test(w) ? w : w[0])).join("") : undefined;
}

/** Kinds of body that a question may name a publisher by alone: "what did the Ombudsman find?". */
const BODY_KINDS = new Set(["ombudsman", "inspectorate", "regulator", "commissioner"]);

/**
 * The initials a title's opening name is known by, though the documents never write them: "JTAI"
 * for "Joint targeted area inspection of the multi-agency response…", "AGS" for "Annual Governance
 * Statement 2020/21". Three to five words, up to the first joining word or dash.
 */
export function titleInitials(title: string): { short: string; long: string } | undefined {
  const opening = title.split(/\s+(?:of|in|for|on|into|to|and|by|with|at|from|about)\s+|\s*[–—:]\s*|\s+-\s+/i)[0];
  const named = opening.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w));
  if (named.length < 3 || named.length > 5) return undefined;
  return { short: named.map((w) => w[0]).join("").toUpperCase(), long: words(named.join(" ")).join(" ") };
}

/** A document's own labels: its title and publisher, and its parts'. */
const labelsOf = (d: LoadedIndex["documents"][number]) => [d.title, d.publisher, ...d.parts.flatMap((p) => [p.title, p.publisher])];

/** Derives the corpus facts from an index: vocabulary, years, places and sentence terms. */
export function corpusFacts(index: LoadedIndex): CorpusFacts {
  const vocabulary = new Set<string>();
  const capitals = new Set<string>();
  const years = new Set<number>();
  const lowerCase = new Set<string>();
  // Content only: a place named just in a letterhead address is not something the documents discuss.
  for (const p of index.passages) {
    for (const w of words(p.searchText)) vocabulary.add(w);
    for (const m of p.searchText.matchAll(/\b[A-Z]{2,}\b/g)) capitals.add(m[0]);
    for (const m of p.searchText.matchAll(/(?<![\w'’-])[a-z]+\b/g)) lowerCase.add(m[0]);
  }
  const yearsByDocument = new Map<string, Set<number>>();
  const textWords = new Set<string>();
  for (const doc of index.documents) {
    for (const w of words(doc.text)) textWords.add(w);
    for (const w of words(labelsOf(doc).join(" "))) vocabulary.add(w);
    const own = new Set([...doc.text.matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => Number(m[0])));
    yearsByDocument.set(doc.id, own);
    for (const year of own) years.add(year);
  }
  const docYears = index.documents.flatMap((d) => [d.date, ...d.parts.map((p) => p.date)]).filter((d): d is string => !!d).map((d) => Number(d.slice(0, 4)));
  // Kinds too: "the inspection report" or "the monitoring visit letter" says which document, not what
  // about; so does "published in January 2017".
  const sentenceTerms = index.sentences.map((s) => new Set(terms(s.searchText)));
  const passageTermLists = index.passages.map((p) => terms(p.searchText));
  const sources = index.documents.flatMap((d) => [d.publisher, ...d.parts.map((p) => p.publisher)].map((publisher) => ({ documentId: d.id, publisher, place: d.place })));
  const publishers = new Set(sources.map((s) => s.publisher));
  // A publisher's name labels documents by its own words ("Ofsted", "Worcestershire County Council"),
  // not by the everyday words in it: "care" in the Care Quality Commission is what social care papers are about.
  const publisherWords = [...publishers].flatMap((name) => words(name)).filter((w) => BODY_WORDS.has(w) || !lowerCase.has(w));
  const labels = [...index.documents.flatMap((d) => [d.place, d.kind, ...d.parts.map((p) => p.kind)]), ...publisherWords];
  const months = MONTH_NAMES.map((m) => stem(m.toLowerCase()));
  const places = new Map(index.documents.filter((d) => d.place !== UNKNOWN_PLACE).map((d) => [d.place.toLowerCase(), d.place]));
  const metadataTerms = new Set([...terms(`${labels.join(" ")} published publication issued`), ...months, ...[...years].map(String)]);
  const acronyms = { ...index.acronyms };
  const publisherWordings = new Map<string, string[]>();
  // "The Ombudsman", "the regulator": a body's kind names it when no other publisher is of that kind.
  const kindOf = (publisher: string) => words(publisher).find((w) => BODY_KINDS.has(w));
  const kinds = [...publishers].map(kindOf);
  for (const publisher of publishers) {
    const name = words(publisher).join(" ");
    const kind = kindOf(publisher);
    publisherWordings.set(publisher, kind && kinds.filter((k) => k === kind).length === 1 ? [name, kind] : [name]);
    const short = initials(publisher);
    // The documents' own definition wins: their "DCS" is not a publisher's.
    if (!short || Object.hasOwn(acronyms, short.toLowerCase())) continue;
    acronyms[short.toLowerCase()] = name;
    publisherWordings.get(publisher)!.push(short.toLowerCase());
    capitals.add(short);
    metadataTerms.add(stem(short.toLowerCase()));
  }
  // A body the documents name only in full, which a reader may name by its initials: "the CQC" for the
  // Care Quality Commission in a Healthwatch report that never writes "CQC".
  const folded = ` ${index.passages.map((p) => words(p.searchText).join(" ")).join(" | ")} `;
  for (const { name } of INSPECTORATES) {
    const short = initials(name);
    const full = words(name).join(" ");
    if (!short || Object.hasOwn(acronyms, short.toLowerCase()) || !folded.includes(` ${full} `)) continue;
    acronyms[short.toLowerCase()] = full;
    capitals.add(short);
  }
  for (const title of new Set(index.documents.flatMap((d) => [d.title, ...d.parts.map((p) => p.title)]))) {
    const named = titleInitials(title);
    // The documents' own acronyms win, and initials that spell a word they use are that word.
    if (!named || Object.hasOwn(acronyms, named.short.toLowerCase()) || vocabulary.has(named.short.toLowerCase())) continue;
    acronyms[named.short.toLowerCase()] = named.long;
    capitals.add(named.short);
  }
  const ownWords = new Map(index.documents.map((d) => [d.id, labelsOf(d).map((label) => terms(label).join(" "))]));
  index.passages.forEach((p, row) => ownWords.get(p.documentId)!.push(passageTermLists[row].join(" ")));
  const documentText = new Map([...ownWords].map(([id, pieces]) => [id, ` ${pieces.join(" | ")} `]));
  const tableHeaders = findTableHeaders(index);
  return {
    metadataTerms,
    vocabulary,
    textWords,
    capitals,
    foldedText: folded,
    years,
    yearsByDocument,
    firstYear: docYears.length ? Math.min(...docYears) : null,
    lastYear: docYears.length ? Math.max(...docYears) : null,
    places,
    lowerCaseWords: lowerCase,
    properPlaces: new Map([...places].filter(([lower]) => words(lower).every((w) => !lowerCase.has(w) && !months.includes(stem(w))))),
    sentenceTerms,
    readTerms: readWith(index, sentenceTerms, tableHeaders),
    tableHeaders,
    titleLines: new Set(index.sentences.filter(restatesTitle).map((s) => s.row)),
    averageSentenceTerms: sentenceTerms.reduce((n, t) => n + t.size, 0) / Math.max(1, sentenceTerms.length),
    passageTerms: new Map(index.passages.map((p, row) => [p.id, new Set(passageTermLists[row])])),
    documentText,
    coverText: new Map(index.documents.map((d) => [d.id, ` ${terms(coverOf(index.documentById.get(d.id)!.text)).join(" ")} `])),
    sectionTerms: new Map(index.passages.map((p) => [p.id, headingTerms(p.section[p.section.length - 1] ?? "")])),
    contextTerms: new Map(index.passages.map((p, row) => [p.id, new Set([...passageTermLists[row], ...terms(`${p.source.title} ${p.source.publisher}`)])])),
    shortForms: findShortForms(index.acronyms, passageTermLists),
    acronyms,
    sources,
    titles: new Map(index.passages.map((p) => [p.source.title, ` ${terms(p.source.title).join(" ")} | ${terms(p.source.kind).join(" ")} `])),
    publisherWordings,
  };
}
