import { stemmer } from "stemmer";

/**
 * How text becomes search terms, at index time and at query time alike: lower case,
 * accents and apostrophes folded, stop words dropped, and each word stemmed.
 */

const STOP_WORDS = new Set(
  ("a an and are as at be been being but by can could did do does for from had has have how i if in into is it its " +
    "may might more most no not of on or our shall should so such than that the their them then there these they " +
    "this those to was we were what when where which while who whom why will with would you your about also any " +
    "he she him his her hers us me my mine it's i'm " +
    "all some other over under up out very just only").split(" "),
);

/**
 * Irregular past forms, which Porter's stemmer leaves apart from their verb: "overspent" must
 * find "overspend", "led" "lead", "found" "find". Ordinary English, not any document's wording.
 */
const IRREGULAR = new Map(
  Object.entries({
    spend: "spent", overspend: "overspent", underspend: "underspent", lead: "led", pay: "paid", make: "made", keep: "kept",
    hold: "held", seek: "sought", bring: "brought", buy: "bought", teach: "taught", think: "thought", tell: "told",
    sell: "sold", send: "sent", build: "built", meet: "met", find: "found", give: "gave given", take: "took taken",
    write: "wrote written", begin: "began begun", choose: "chose chosen", fall: "fell fallen", rise: "rose risen",
    grow: "grew grown", know: "knew known", see: "saw seen", go: "went gone", come: "came", run: "ran", leave: "left",
    feel: "felt", hear: "heard", say: "said", lose: "lost", understand: "understood", undertake: "undertook undertaken",
    withdraw: "withdrew withdrawn", oversee: "oversaw overseen", deal: "dealt", mean: "meant", stand: "stood",
    show: "shown", draw: "drew drawn", fly: "flew flown", drive: "drove driven", speak: "spoke spoken", die: "dying", lie: "lying", tie: "tying",
  }).flatMap(([verb, forms]) => forms.split(" ").map((form) => [form, verb] as const)),
);

/** Porter's stemmer: "assessments", "assessed" and "assessing" meet at "assess"; "spent" meets "spend". Numbers stay as written. */
export function stem(word: string): string {
  if (/\d/.test(word)) return word;
  // Porter takes the "s" off "previous" ("previou") but not off "previously" ("previous"): both are "previou".
  // It leaves "die" whole but makes "died" and "dies" "di": all three are "di".
  return stemmer(IRREGULAR.get(word) ?? word).replace(/ous$/, "ou").replace(/ie$/, "i");
}

/** Text to match as written inside a pattern: "St. Mary's (North)" with its "." and brackets escaped. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Folds case, accents, curly quotes and dashes, leaving words separated by spaces. */
export function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    // "B&B" is one word, "bandb": as two letters it would match every "Mrs B" and "(b)".
    .replace(/([a-z])&([a-z])/g, "$1and$2")
    .replace(/'s\b/g, "")
    .replace(/[^a-z0-9%£]+/g, " ")
    .trim();
}

/** "May" next to a day or a year is the month, not the verb: "24 May", "May 2017". */
const isMonthMay = (word: string, before: string | undefined, after: string | undefined) =>
  word === "may" && (/^\d{1,2}$/.test(before ?? "") || /^(?:19|20)\d{2}$/.test(after ?? ""));

/** Search terms of a text, in order, stop words removed. */
export function terms(text: string): string[] {
  const folded = fold(text);
  if (!folded) return [];
  const all = folded.split(" ");
  return all.filter((w, i) => !STOP_WORDS.has(w) || isMonthMay(w, all[i - 1], all[i + 1])).map(stem);
}

/** True when a text is written in capitals throughout ("UPDATE ON THE IMPROVEMENT PLAN"): its case tells nothing. */
export function isShouted(text: string): boolean {
  const letters = text.replace(/[^A-Za-z]/g, "");
  return letters.length >= 8 && letters === letters.toUpperCase();
}

/**
 * The text the sentence encoder is given: a line in capitals goes in lower case. USE-lite
 * reads capitals as other words: "WHAT DID INSPECTORS SAY ABOUT MISSING CHILDREN?" sits at
 * a cosine of 0.46 from the same question in sentence case, and 0.99 in lower case.
 */
export const encoderText = (text: string): string => (isShouted(text) ? text.toLowerCase() : text);

/** Every word of a text, folded but not stemmed or filtered: for phrase and duplicate matching. */
export function words(text: string): string[] {
  const folded = fold(text);
  return folded ? folded.split(" ") : [];
}
