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

/** Strips inflections so "assessments", "assessed" and "assessing" meet at "assess". */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  // "ss", "us" and "is" endings are not plurals: "process", "status", "analysis".
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:sses|shes|ches|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed") && !w.endsWith("eed")) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith("ly")) w = w.slice(0, -2);
  if (w.length > 6 && /(?:ment|ness)$/.test(w)) w = w.slice(0, -4);
  else if (w.length > 6 && /(?:ation|ition)$/.test(w)) w = w.slice(0, -3);
  // Doubled consonants left by a cut suffix: "planned" → "plann" → "plan".
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ll|ss|ff|zz)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

/** Folds case, accents, curly quotes and dashes, leaving words separated by spaces. */
export function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b/g, "")
    .replace(/[^a-z0-9%£]+/g, " ")
    .trim();
}

/** Search terms of a text, in order, stop words removed. */
export function terms(text: string): string[] {
  const folded = fold(text);
  if (!folded) return [];
  return folded
    .split(" ")
    .filter((w) => !STOP_WORDS.has(w))
    .map(stem);
}

/** Every word of a text, folded but not stemmed or filtered: for phrase and duplicate matching. */
export function words(text: string): string[] {
  const folded = fold(text);
  return folded ? folded.split(" ") : [];
}
