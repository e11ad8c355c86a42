import { readFileSync } from "node:fs";
import { z } from "zod/v4";
import { words } from "../../indexer/contract/normalise.js";

const SynonymFileSchema = z.object({ _about: z.string().optional(), groups: z.array(z.array(z.string().min(1)).min(2)) });

/** Groups of phrases that mean the same thing for search, each phrase folded to plain words. */
export type SynonymGroups = string[][];

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
    throw new Error(`The synonym list ${String(file)} must be { "groups": [["phrase", "other phrase"], …] }: ${parsed.error.issues[0]?.message}`);
  }
  return parsed.data.groups.map((g) => [...new Set(g.map((phrase) => words(phrase).join(" ")))]);
}

/** For each group the text uses: the phrases it uses, and the group's other phrases. */
export function synonymsIn(text: string, groups: SynonymGroups): { used: string[]; others: string[] }[] {
  const padded = ` ${words(text).join(" ")} `;
  return groups.flatMap((group) => {
    const used = group.filter((phrase) => padded.includes(` ${phrase} `));
    return used.length > 0 ? [{ used, others: group.filter((phrase) => !used.includes(phrase)) }] : [];
  });
}
