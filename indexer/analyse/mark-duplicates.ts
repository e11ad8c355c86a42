import { words } from "../contract/normalise.js";

/** Share of a text's word triples found in an earlier text for it to count as a near-duplicate. */
const DUPLICATE_CONTAINMENT = 0.8;
const SHINGLE = 3;

function shingles(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  if (w.length < SHINGLE) out.add(w.join(" "));
  for (let i = 0; i + SHINGLE <= w.length; i++) out.add(w.slice(i, i + SHINGLE).join(" "));
  return out;
}

/**
 * The parts of a text inside quotation marks. An apostrophe ("children's") has a letter on
 * both sides, so it neither opens nor closes a quotation.
 */
function quotations(text: string): string {
  return [...text.matchAll(/(?<=^|[\s(:—–-])['‘"“](?=\S)(.+?)(?<=\S)['’"”](?=$|[\s.,;:)!?])/gs)].map((m) => m[1]).join(" | ");
}

/**
 * For each text, the index of an earlier text that contains nearly all of its word
 * triples and every one of its words, or null: the same words, give or take punctuation
 * and omissions, but never a changed word ("adequate" is no repeat of "inadequate").
 * The agenda repeats the Ofsted letter in its slides: those repeats point back to the letter.
 * A text that holds the words only inside quotation marks is quoting them, not their
 * source: the council's report that quotes the letter "'the local authority has taken
 * steps…'" comes first, but the letter's own sentence is the original.
 */
export function findNearDuplicates(texts: string[], containment = DUPLICATE_CONTAINMENT): (number | null)[] {
  const shingled = texts.map(shingles);
  const vocabularies = texts.map((t) => new Set(words(t)));
  const quoted = texts.map((t) => shingles(quotations(t)));
  // Earlier texts by the words they use. A repeat uses every word of the text it repeats, so
  // only the earlier texts holding its rarest word need checking: for templated paragraphs
  // that differ in one figure, that is a handful rather than every one before.
  const holding = new Map<string, number[]>();
  return texts.map((_, i) => {
    const own = shingled[i];
    let rarest: number[] | undefined;
    for (const w of vocabularies[i]) {
      const list = holding.get(w) ?? [];
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    let best: number | null = null;
    let bestShare = 0;
    for (const j of rarest ?? []) {
      let n = 0;
      for (const s of own) if (shingled[j].has(s)) n++;
      const share = n / own.size;
      if (share < containment || share <= bestShare) continue;
      const sameWords = [...vocabularies[i]].every((w) => vocabularies[j].has(w));
      const quotes = () => [...own].filter((s) => quoted[j].has(s)).length / own.size >= containment;
      if (sameWords && !quotes()) [best, bestShare] = [j, share];
      // Nothing beats a whole repeat, and the earliest is the original.
      if (bestShare === 1) break;
    }
    for (const w of vocabularies[i]) {
      const list = holding.get(w);
      if (list) list.push(i);
      else holding.set(w, [i]);
    }
    return best;
  });
}
