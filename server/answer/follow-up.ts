import { TURN_JOINER } from "../retrieve/prepare-query.js";
import { words } from "../../indexer/contract/normalise.js";
import { isPleasantry, QUESTION_WORDS } from "../retrieve/question-words.js";
import type { Turn } from "../http/schemas.js";

const CONNECTOR = /^\s*(?:and|but|also|so|then|what about|how about|and what about|what of|same for|and for|and in)\b[\s,]*/i;
const PRONOUN = /\b(?:it|its|they|them|their|that|this|those|these|there|he|she|his|her)\b/i;
/** "Are there…" and "there is" point at nothing said before. */
const EXISTENTIAL = /\b(?:is|are|was|were) there\b|\bthere (?:is|are|was|were|have|has)\b/gi;
/** A question that opens this way and names a subject of its own is a whole question. */
const OPENER = /^\s*(?:what|which|who|whose|whom|when|where|why|how|is|are|was|were|do|does|did|can|could|should|would|will|has|have|had)\b/i;
/** A year, or a financial year: "2021", "2021/22", "2021-22". */
const YEAR = /\b(?:19|20)\d{2}(?:[/-]\d{2}(?:\d{2})?)?\b/;

/** A question with this few words of its own leans on the one before. */
const SHORT = 4;

function contentWords(text: string): string[] {
  return words(text).filter((w) => !QUESTION_WORDS.has(w) && w.length > 2);
}

/**
 * True when a question cannot stand alone: it opens with "and…", leans on a pronoun in a
 * few words ("is that still the case?"), names only a place or a year ("how many in
 * Gloucestershire?"), is a fragment ("the percentage?") or only question words ("by when?").
 * "How many social workers are there?" and "what did Ofsted say about dragons?" are whole
 * questions, and "???" is none.
 */
export function isFollowUp(question: string, places: Map<string, string> = new Map()): boolean {
  if (CONNECTOR.test(question)) return true;
  const own = contentWords(question);
  // "By when?", "why?": question words alone ask about what was said before; "???" asks nothing.
  if (own.length === 0) return words(question).length > 0;
  if (PRONOUN.test(question.replace(EXISTENTIAL, "")) && own.length <= SHORT) return true;
  const subject = own.filter((w) => !places.has(w) && !YEAR.test(w));
  if (subject.length === 0) return true;
  return !OPENER.test(question) && own.length <= SHORT - 2;
}

/**
 * Reads a question in the light of the conversation: "and in Gloucestershire?" after
 * "what did inspectors say about missing children?" becomes one question about both.
 * Places named in the new question replace places named before, and other names (`isName`:
 * a ward, a town) other names. `own` is what the new question adds, its connector taken off.
 */
export function resolveFollowUp(
  question: string,
  history: Turn[],
  places: Map<string, string>,
  isName: (word: string) => boolean = () => false,
): { question: string; followUp: boolean; own?: string } {
  // "thanks" is a reply, and "???" says nothing: neither is a question to carry on.
  const previous = history.filter((t) => t.role === "user" && !isPleasantry(t.content) && contentWords(t.content).length > 0).map((t) => t.content);
  if (previous.length === 0 || isPleasantry(question) || !isFollowUp(question, places)) return { question, followUp: false };
  // Earlier follow-ups resolve in turn, so a chain of "and…" questions keeps its topic.
  let context = previous[0];
  for (const turn of previous.slice(1)) context = resolveFollowUp(turn, [{ role: "user", content: context }], places, isName).question;
  // A place goes with the council named after it: "in the care of Brackley Vale Council" loses "Brackley Vale Council".
  const drop = (text: string, name: string, flags: string) =>
    text.replace(new RegExp(`\\s*\\b(?:in |for |by )?${name}(?:'s)?(?: (?:(?:County|City|Borough|District|Metropolitan Borough|County Borough) )?Council)?\\b`, flags), "");
  const namesPlace = (text: string) => [...places.keys()].filter((p) => new RegExp(`\\b${p}\\b`, "i").test(text));
  if (namesPlace(question).length > 0) {
    for (const place of namesPlace(context)) context = drop(context, place, "gi");
  }
  // So do other names of the kind ("what about Northgate?" after a question about Castlegate ward).
  const otherNames = (text: string) => [...text.matchAll(/\b[A-Z][a-z]+\b/g)].map((m) => m[0]).filter(isName);
  if (otherNames(question).length > 0) {
    for (const name of otherNames(context)) context = drop(context, name, "g");
  }
  // So do years: "and in 2023?" after "…the vacancy rate in 2021?" asks about 2023 alone.
  if (YEAR.test(question)) context = context.replace(new RegExp(`\\s*\\b(?:in |for |during |at )?${YEAR.source}`, "gi"), "");
  const own = question.replace(CONNECTOR, "").trim();
  return { question: `${context.replace(/[?.!\s]+$/, "")}${TURN_JOINER}${own}`, followUp: true, own };
}
