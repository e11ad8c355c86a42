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
  const seen = new Map<string, number[]>();
  const vocabularies = texts.map((t) => new Set(words(t)));
  const quoted = texts.map((t) => shingles(quotations(t)));
  return texts.map((text, i) => {
    const own = shingles(text);
    const hits = new Map<number, number>();
    for (const s of own) for (const j of seen.get(s) ?? []) hits.set(j, (hits.get(j) ?? 0) + 1);
    let best: number | null = null;
    let bestShare = 0;
    for (const [j, n] of hits) {
      const share = n / own.size;
      if (share < containment || share <= bestShare) continue;
      const sameWords = [...vocabularies[i]].every((w) => vocabularies[j].has(w));
      const quotes = () => [...own].filter((s) => quoted[j].has(s)).length / own.size >= containment;
      if (sameWords && !quotes()) [best, bestShare] = [j, share];
    }
    for (const s of own) {
      const list = seen.get(s);
      if (list) list.push(i);
      else seen.set(s, [i]);
    }
    return best;
  });
}
