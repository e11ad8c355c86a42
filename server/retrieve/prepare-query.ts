import { terms, words } from "../../indexer/contract/normalise.js";
import { NOT_NAMES, QUESTION_WORDS } from "./question-words.js";
import { synonymsIn, type SynonymGroups } from "./synonyms.js";

/** What kind of fact a question asks for; such questions lead with the sentence that holds it. */
export type Intent = "figure" | "person" | "date" | "general";

export interface PreparedQuery {
  question: string;
  /** Stemmed search terms with weights: the question's own 1, expansions less. */
  terms: Map<string, number>;
  /** Text for the sentence encoder: the question with acronyms spelled out. */
  embedText: string;
  /** Capitalised names and acronyms the question uses ("Herefordshire", "SEND"). */
  names: string[];
  years: number[];
  intent: Intent;
}

/** Weight of a term that came from an acronym or synonym rather than the question itself. */
const EXPANSION_WEIGHT = 0.5;

/** An interrogative that opens a question or a clause of it, followed by a verb: "who led…", "when was…". */
const ASKS = (words: string) => new RegExp(`(?:^|[,;?]\\s*|\\band\\s+)(?:${words})\\b`, "i");
const AUXILIARY = "(?:is|was|were|are|did|does|do|has|had|have|will|would|should|can|could)";

function intentOf(question: string): Intent {
  const q = question.trim();
  if (ASKS(`(?:what|which) (?:percentage|proportion|share|number|figure|rate)|how (?:many|much|often)`).test(q) || /%|\bper ?cent/i.test(q)) return "figure";
  if (ASKS(`who(?:se)? ${AUXILIARY}|who \\w+ed|which (?:inspectors?|officers?|person|people|director)`).test(q)) return "person";
  if (ASKS(`when ${AUXILIARY}|what (?:date|year|month|day)|how long ago`).test(q)) return "date";
  return "general";
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

function add(into: Map<string, number>, list: string[], weight: number) {
  for (const t of list) if (!QUESTION_WORDS.has(t)) into.set(t, Math.max(into.get(t) ?? 0, weight));
}

/**
 * Turns a question into search terms: folded, stemmed, question words dropped, with
 * the documents' own acronyms and the synonym list expanding it both ways.
 * @example prepareQuery("What about the FFD?", { ffd: "family front door" }, [])
 */
export function prepareQuery(question: string, acronyms: Record<string, string>, synonyms: SynonymGroups): PreparedQuery {
  const weights = new Map<string, number>();
  const content = words(question).filter((w) => !QUESTION_WORDS.has(w));
  add(weights, terms(content.join(" ")), 1);

  const folded = ` ${words(question).join(" ")} `;
  const spelled: string[] = [];
  for (const [acronym, long] of Object.entries(acronyms)) {
    // "FFD" or "FFDs" in the question adds "family front door"; the long form adds "FFD".
    if (new RegExp(` ${acronym}s? `).test(folded)) {
      add(weights, terms(long), EXPANSION_WEIGHT);
      spelled.push(long);
    } else if (folded.includes(` ${long} `)) {
      add(weights, [acronym], EXPANSION_WEIGHT);
    }
  }
  const { alternatives } = synonymsIn(question, synonyms);
  for (const phrase of alternatives) add(weights, terms(phrase), EXPANSION_WEIGHT);

  return {
    question,
    terms: weights,
    embedText: spelled.length > 0 ? `${question} (${spelled.join(", ")})` : question,
    names: namesIn(question),
    years: [...question.matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => Number(m[0])),
    intent: intentOf(question),
  };
}
