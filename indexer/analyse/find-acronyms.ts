import { words } from "../contract/normalise.js";

/** "Family Front Door (FFD)", "independent reviewing officers (IROs)", "Public Law Outline (PLO)". */
const DEFINITION = /((?:[A-Za-z][\w'-]*\s+){1,8})\(([A-Z]{2,6})s?\)/g;
const SMALL_WORDS = new Set(["and", "of", "for", "the", "in", "on", "to", "&"]);

/** The long form that an acronym's letters spell out from the words just before it. */
function longForm(before: string, acronym: string): string | undefined {
  const candidate = before.trim().split(/\s+/);
  for (let take = acronym.length; take <= Math.min(candidate.length, acronym.length * 2); take++) {
    const phrase = candidate.slice(-take);
    const initials = phrase.filter((w) => !SMALL_WORDS.has(w.toLowerCase())).map((w) => w[0].toUpperCase()).join("");
    if (initials === acronym && !SMALL_WORDS.has(phrase[0].toLowerCase())) return words(phrase.join(" ")).join(" ").replace(/s$/, "");
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
