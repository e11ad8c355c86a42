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

function intentOf(question: string): Intent {
  const q = question.toLowerCase();
  if (/\b(?:what|which) (?:percentage|proportion|share|number|figure)|\bhow (?:many|much|often|long)|\bpercent|%|\bratio\b/.test(q)) return "figure";
  if (/\bwho\b|\bwhich (?:inspector|officer|person|people|director)|\bnamed?\b/.test(q)) return "person";
  if (/\bwhen\b|\bwhat (?:date|year|month|day)\b|\bhow long ago\b/.test(q)) return "date";
  return "general";
}

/** Capitalised words and acronyms that may name a place, person or body. */
function namesIn(question: string): string[] {
  const names: string[] = [];
  for (const m of question.matchAll(/\b[A-Z][A-Za-z&'’-]*[A-Za-z]\b/g)) {
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
