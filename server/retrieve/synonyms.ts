import { readFileSync } from "node:fs";
import { z } from "zod/v4";
import { words } from "../../indexer/contract/normalise.js";

const Phrases = z.array(z.string().min(1));
const SynonymFileSchema = z.object({
  _about: z.string().optional(),
  groups: z.array(z.union([Phrases.min(2), z.object({ phrases: Phrases.min(1), narrower: Phrases.min(1) }).strict()])),
});

/**
 * Phrases that mean the same thing for search, each folded to plain words, and the narrower
 * phrases a question using one of them also searches: asking for "judgements" finds
 * "inadequate", but asking about "inadequate" services must not find "outstanding" ones.
 */
export type SynonymGroups = { phrases: string[]; narrower: string[] }[];

/** The synonym list that ships with Verbatim: server/synonyms.json. */
export const DEFAULT_SYNONYMS_FILE = new URL("../synonyms.json", import.meta.url);

/** Reads a synonym file; a malformed one is an error that names the file and the problem. */
export function loadSynonyms(file: URL | string = DEFAULT_SYNONYMS_FILE): SynonymGroups {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`Cannot read the synonym list ${String(file)}: ${(error as Error).message}`);
  }
  const parsed = SynonymFileSchema.safeParse(raw);
  if (!parsed.success) {
    const [where, at] = parsed.error.issues[0].path;
    throw new Error(
      where === "groups" && typeof at === "number"
        ? `The synonym list ${String(file)} has a malformed group ${at + 1}: write two or more phrases, ["phrase", "other phrase"], or { "phrases": ["phrase"], "narrower": ["narrower phrase"] }.`
        : `The synonym list ${String(file)} must be { "groups": [["phrase", "other phrase"], …] }: ${parsed.error.issues[0].message}`,
    );
  }
  const fold = (list: string[]) => [...new Set(list.map((phrase) => words(phrase).join(" ")))];
  return parsed.data.groups.map((g) => (Array.isArray(g) ? { phrases: fold(g), narrower: [] } : { phrases: fold(g.phrases), narrower: fold(g.narrower) }));
}

/** For each group the text uses: the phrases it uses, and the group's other phrases. */
export function synonymsIn(text: string, groups: SynonymGroups): { used: string[]; others: string[] }[] {
  const padded = ` ${words(text).join(" ")} `;
  return groups.flatMap(({ phrases, narrower }) => {
    const used = phrases.filter((phrase) => padded.includes(` ${phrase} `));
    return used.length > 0 ? [{ used, others: [...phrases.filter((phrase) => !used.includes(phrase)), ...narrower] }] : [];
  });
}
