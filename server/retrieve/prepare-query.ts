import { escapeRegExp, isShouted, stem, terms, words } from "../../indexer/contract/normalise.js";
import { NOT_NAMES, QUESTION_WORDS } from "./question-words.js";
import { synonymsIn, type SynonymGroups } from "./synonyms.js";
import type { ShortForms } from "./corpus-facts.js";

/**
 * What kind of fact a question asks for: a count ("how many…"), a sum of money ("how much did
 * it cost?"), another figure (a share, a rate), a person, a date, or none in particular. Such
 * questions lead with the sentence that holds it.
 */
export type Intent = "count" | "sum" | "figure" | "person" | "date" | "duration" | "general";

export interface PreparedQuery {
  question: string;
  /** What the question asks about, each with the ways the documents may word it. */
  concepts: Concept[];
  /** Text for the sentence encoder: the question with acronyms spelled out. */
  embedText: string;
  /** Capitalised names and acronyms the question uses ("Herefordshire", "SEND"). */
  names: string[];
  /** Phrases the question puts in quotation marks: terms it expects the documents to use. */
  quoted: string[];
  years: number[];
  intent: Intent;
  /** Who the question asks to have spoken, as concepts ("inspectors", "the task group"): where to look. */
  speaker: Concept[];
  /** For a question after a person, the role it asks who held, as the verb after "who": "chair" in "who chaired the panel?". */
  role?: Concept;
}

/**
 * An interrogative that opens a question or a clause of it, followed by a verb: "who led…",
 * "when was…", or a follow-up joined to the question before it ("… — who led it?").
 */
const ASKS = (words: string) => new RegExp(`(?:^|[,;?—]\\s*|\\band\\s+)(?:(?:by|in|for|to|on|at|of|from|with) )?(?:${words})\\b`, "i");
const AUXILIARY = "(?:is|was|were|are|did|does|do|has|had|have|will|would|should|can|could)";

/** A search typed as words, not asked ("attendance rate in Carreg"): no question word or verb opens it. */
const KEYWORDS = /^(?!(?:what|which|who|whose|whom|when|where|why|how|is|are|was|were|do|does|did|can|could|has|have|had|should|will|would|tell|give|show|list|describe|explain|summarise|summarize|compare)\b)/i;

/** Words that make "how much" a question after money: "how much did it cost?", not "how much has caseload fallen?". */
const MONEY_ASKED = /£|\b(?:costs?|costing|spend|spent|spending|pay|paid|payments?|budgets?|money|fund(?:s|ed|ing)?|prices?|fees?|overspen[dt]|underspen[dt]|sav(?:e|ed|ings?)|income|grants?|invest(?:ed|ment)?|worth)\b/i;

function intentOf(question: string): Intent {
  const q = question.trim();
  // "What was the number…", "what is the smoking rate…": the figure's word may come a few words in.
  const whatIsThe = `(?:what|which) (?:is|was|are|were) (?:the |its |their )?(?:[\\w'-]+ ){0,3}`;
  if (ASKS(`how many|(?:what|which) number|${whatIsThe}number`).test(q) || (KEYWORDS.test(q) && /\bnumber of\b/i.test(q))) return "count";
  if (ASKS(`how much|${whatIsThe}(?:cost|budget|price|fee|spend|overspend|underspend|saving)s?\\b`).test(q) && MONEY_ASKED.test(q)) return "sum";
  if (ASKS(`(?:what|which) (?:percentage|proportion|share|figure|rate)|${whatIsThe}(?:percentage|proportion|share|figure|rate|average|total)\\b|how (?:much|often)`).test(q) || /%|\bper ?cent/i.test(q)) return "figure";
  if (KEYWORDS.test(q) && /\b(?:percentage|proportion|rate)\b/i.test(q)) return "figure";
  if (ASKS(`who(?:se)? ${AUXILIARY}|who (?:\\w+ed|\\w+s|wrote|led|ran|made|gave|took|sent|said|told|found|saw|met|chose|brought|spoke|signed)|which (?:inspectors?|officers?|person|people|director|councillors?|members?)`).test(q)) return "person";
  if (ASKS(`when ${AUXILIARY}|what (?:date|year|month|day)|how long ago`).test(q)) return "date";
  if (ASKS(`how long`).test(q)) return "duration";
  return "general";
}

/** Joins a follow-up to the question it follows: "What did inspectors say about missing children — in Gloucestershire?". */
export const TURN_JOINER = " — ";

/**
 * What a question asks for, a follow-up's own words first: after "How many households were in
 * temporary accommodation — and how much did it cost?" the figure asked for is a sum, not a count.
 */
function intentOfTurn(question: string): Intent {
  const turn = question.split(TURN_JOINER).pop()!;
  const own = intentOf(turn);
  return own !== "general" || turn === question ? own : intentOf(question);
}

/**
 * Capitalised words and acronyms that may name a place, person or body: "Herefordshire",
 * "SEND". Short capitals ("OK") and words with symbols ("B&Bs") are everyday words.
 */
function namesIn(question: string): string[] {
  const names: string[] = [];
  for (const m of question.matchAll(/(?<![\w&])(?:[A-Z][a-z]{2,}|[A-Z]{3,6})(?:['’]s|s)?(?![\w&])/g)) {
    const word = m[0].replace(/['’]s$/, "");
    if (!NOT_NAMES.has(word.toLowerCase())) names.push(word);
  }
  return [...new Set(names)];
}

/**
 * One thing the question asks about, and the ways the documents may word it: the
 * question's own words first, then its acronym, long form or synonyms. A sentence
 * covers the concept when it uses any of the ways.
 */
export interface Concept {
  alternatives: string[][];
  /** Where the alternatives came from: an acronym's forms are exact equivalents, synonyms near ones. */
  kind: "word" | "acronym" | "synonym";
  /**
   * A place, publisher, month or year: it says where to look, not what to find. In "what has
   * Ofsted said about Worcestershire's front door", the front door is the subject.
   */
  metadata: boolean;
}

/** A concept as the question words it: "famili front door", the same whichever copy of the concept carries it. */
export const conceptKey = (concept: Pick<Concept, "alternatives">): string => concept.alternatives[0].join(" ");

/** True when a set of terms holds one of a concept's wordings whole. */
export const wordedIn = (concept: Pick<Concept, "alternatives">, termsOf: Set<string>): boolean => concept.alternatives.some((alt) => alt.every((t) => termsOf.has(t)));

const meaningful = (list: string[]) => list.filter((t) => !QUESTION_WORDS.has(t));

/**
 * Who the question asks to have spoken: "inspectors" in "what did inspectors say about missing
 * children?", "the ombudsman" in "what has the ombudsman found about delays?".
 */
export const SPEAKER = /\b(?:did|do|does|has|have|had)\s+((?:[\w'’-]+\s+){1,4}?)(?:say|said|find|found|conclude|concluded|report|reported|note|noted|write|wrote|comment|commented|observe|observed|think|thought|make of|tell|told|recommend|recommended|decide|decided|resolve|resolved|agree|agreed|propose|proposed|suggest|suggested)\b/i;

/**
 * The concepts naming who the question asks to have spoken, when it asks about something
 * besides. They say where to look, not what to find: otherwise, among one council's papers,
 * every sentence saying "inspectors saw…" outranks the ones about missing children.
 */
function speakerOf(question: string, concepts: Concept[]): Concept[] {
  const speaker = new Set(terms(SPEAKER.exec(question)?.[1] ?? ""));
  // A publisher named by its acronym ("the CQC") speaks too; other labels ("Ofsted", "the council") only say where to look.
  const spoken = (c: Concept) => (!c.metadata || c.kind === "acronym") && c.alternatives[0].every((t) => speaker.has(t));
  return concepts.every((c) => c.metadata || spoken(c)) ? [] : concepts.filter(spoken);
}

/** The verb after "who" that names a role: "chaired", "signed", not "is" or "did". */
const WHO_DID = new RegExp(`\\bwho\\s+(?!${AUXILIARY}\\b)([a-z]+)\\b`, "i");

/** The concept naming the role a question after a person asks who held: "chair" in "who chaired the panel?". */
function roleOf(question: string, concepts: Concept[]): { role?: Concept } {
  const verb = WHO_DID.exec(question.split(TURN_JOINER).pop()!)?.[1];
  const term = verb ? terms(verb)[0] : undefined;
  const role = term ? concepts.find((c) => c.alternatives[0].length === 1 && c.alternatives[0][0] === term) : undefined;
  return role ? { role } : {};
}

/**
 * A question typed in capitals, in ordinary case: otherwise every short word would read
 * as an acronym no document uses ("No document mentions SAY"), and the sentence encoder
 * would read different words. The documents' own acronyms stay in capitals, and places,
 * publishers and months get theirs back, so they still name what they name.
 */
export function unshout(question: string, acronyms: Record<string, string>, metadataTerms: Set<string>): string {
  if (!isShouted(question)) return question;
  return question.toLowerCase().replace(/[a-z]+/g, (w) => (Object.hasOwn(acronyms, w) ? w.toUpperCase() : metadataTerms.has(stem(w)) ? w[0].toUpperCase() + w.slice(1) : w));
}

/**
 * A place typed in lower case with its capital back, when the documents always write it with
 * one: "missing children in wales" then names Wales, and the search narrows to it.
 */
export function namePlaces(question: string, properPlaces: Map<string, string>): string {
  let named = question;
  for (const [lower, written] of properPlaces) {
    named = named.replace(new RegExp(`(?<![\\w'’-])${escapeRegExp(lower)}(?![\\w-])`, "g"), written);
  }
  return named;
}

/** "When did the inspection take place?": happening, not a place. */
const TAKE_PLACE = /\b(?:take|takes|took|taken|taking) place\b/gi;

/** "How long…" asks for a time, and "long" is not its subject: it would find "long-service awards". */
const HOW_LONG = /\bhow long\b/gi;

/** A place followed by the kind of council it is: "Pellingham County Council", "Scarrow Bay Borough Council". */
const COUNCIL_KIND = /\b([A-Z][a-z]+) ((?:county borough|metropolitan borough|london borough|county|city|borough|district) council)\b/gi;

/**
 * Turns a question into search terms and concepts: folded, stemmed, question words
 * dropped, with the documents' own acronyms and the synonym list as alternatives.
 * @example prepareQuery("What about the FFD?", { ffd: "family front door" }, [])
 */
export function prepareQuery(
  asked: string,
  acronyms: Record<string, string>,
  synonyms: SynonymGroups,
  metadataTerms: Set<string> = new Set(),
  shortForms: ShortForms = new Map(),
): PreparedQuery {
  const question = unshout(asked, acronyms, metadataTerms);
  let plain = meaningful(terms(words(question.replace(TAKE_PLACE, " ").replace(HOW_LONG, " ")).filter((w) => !QUESTION_WORDS.has(w)).join(" ")));
  const concepts: Concept[] = [];
  const claim = (kind: Concept["kind"], own: string[], others: string[][]) => {
    const mine = meaningful(own);
    if (mine.length === 0) return;
    plain = plain.filter((t) => !mine.includes(t));
    const wordings = [mine, ...others.map(meaningful)].filter((a) => a.length > 0);
    const distinct = wordings.filter((a, i) => wordings.findIndex((b) => b.join(" ") === a.join(" ")) === i);
    // "The council" labels the documents, whatever other wordings the synonym list gives it ("local authority");
    // so does an acronym of a label ("CQC", the Care Quality Commission, a publisher).
    const labels = (wording: string[]) => wording.length > 0 && wording.every((t) => metadataTerms.has(t));
    concepts.push({ alternatives: distinct, kind, metadata: labels(mine) || (kind === "acronym" && distinct.some(labels)) });
  };

  const folded = ` ${words(question).join(" ")} `;
  const stemmed = ` ${terms(question).join(" ")} `;
  const spelled: string[] = [];
  for (const [acronym, long] of Object.entries(acronyms)) {
    // As the documents' terms have it: "CAMHS" is stemmed "camh" there, as any word ending in s is.
    const term = stem(acronym);
    // "FFD" or "FFDs" in the question may be written "family front door", and the other way round.
    if (new RegExp(` ${acronym}s? `).test(folded)) {
      claim("acronym", [term], [terms(long)]);
      // Written out as well ("the director of children's services … the DCS"), it is still one thing asked about.
      // Its words go once each: "children" asked about elsewhere in the question stays.
      if (folded.includes(` ${long} `)) {
        for (const t of terms(long)) if (plain.includes(t)) plain.splice(plain.indexOf(t), 1);
      }
      spelled.push(long);
    } else if (folded.includes(` ${long} `)) {
      claim("acronym", terms(long), [[term]]);
    } else if (shortForms.has(acronym) && stemmed.includes(` ${shortForms.get(acronym)} `)) {
      // "the front door team": the documents' own shortening of "Family Front Door (FFD)".
      claim("acronym", shortForms.get(acronym)!.split(" "), [[term], terms(long)]);
    }
  }
  for (const { used, others } of synonymsIn(question, synonyms)) {
    claim("synonym", terms(used.join(" ")), others.map((phrase) => terms(phrase)));
  }
  // "Pellingham County Council": after a place the documents know, the kind of council names it too, even where its own papers are another body's.
  const councilKinds = new Set(
    [...question.matchAll(COUNCIL_KIND)].filter((m) => metadataTerms.has(stem(m[1].toLowerCase()))).flatMap((m) => terms(m[2])),
  );
  for (const t of new Set(plain)) concepts.push({ alternatives: [[t]], kind: "word", metadata: metadataTerms.has(t) || councilKinds.has(t) });
  const speaker = speakerOf(question, concepts);

  return {
    question,
    concepts: concepts.map((c) => (speaker.includes(c) ? { ...c, metadata: true } : c)),
    embedText: spelled.length > 0 ? `${question} (${spelled.join(", ")})` : question,
    names: namesIn(question),
    quoted: [...question.matchAll(/(?:^|[\s(])['‘"“]([^'’"”]{3,60})['’"”](?=[\s?.,;:)]|$)/g)].map((m) => m[1]),
    years: [...question.matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => Number(m[0])),
    intent: intentOfTurn(question),
    speaker,
    ...roleOf(question, concepts),
  };
}
