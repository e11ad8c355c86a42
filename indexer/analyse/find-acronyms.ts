import { words } from "../contract/normalise.js";

/**
 * "Family Front Door (FFD)", "independent reviewing officers (IROs)", "Public Law Outline (PLO)",
 * and in mixed case, "Deprivation of Liberty Safeguards (DoLS)": two capitals at least.
 */
const DEFINITION = /((?:[A-Za-z][\w'-]*,?\s+){1,8})\(((?=(?:[a-z]*[A-Z]){2})[A-Z][A-Za-z]{1,6}?)s?\)/g;
const SMALL_WORDS = new Set(["and", "or", "of", "for", "the", "a", "an", "in", "on", "to", "with", "&"]);

/** The long form that an acronym's letters spell out from the words just before it. */
function longForm(before: string, acronym: string): string | undefined {
  const candidate = before.trim().replace(/,/g, "").split(/\s+/);
  for (let take = 1; take <= Math.min(candidate.length, acronym.length * 2); take++) {
    const phrase = candidate.slice(-take);
    if (SMALL_WORDS.has(phrase[0].toLowerCase())) continue;
    const content = phrase.filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
    // "multi-agency risk assessment conferences (MARAC)" spells its hyphenated word's parts too.
    const initials = content.map((w) => w[0]).join("").toUpperCase();
    const hyphenated = content.flatMap((w) => w.split("-")).map((w) => w[0]).join("").toUpperCase();
    // "Deprivation of Liberty Safeguards (DoLS)" spells its small words too.
    const every = phrase.map((w) => w[0]).join("").toUpperCase();
    const letters = acronym.toUpperCase();
    if (initials === letters || hyphenated === letters || every === letters) return words(phrase.join(" ")).join(" ");
  }
  return undefined;
}

/**
 * Finds the acronyms a set of texts defines for itself, as "long form (ABC)",
 * and returns each acronym (lower case) with its long form, for query expansion.
 */
export function findAcronyms(texts: string[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (const text of texts) {
    for (const m of text.matchAll(DEFINITION)) {
      const acronym = m[2];
      const long = longForm(m[1], acronym);
      if (long && !found[acronym.toLowerCase()]) found[acronym.toLowerCase()] = long;
    }
  }
  return found;
}
