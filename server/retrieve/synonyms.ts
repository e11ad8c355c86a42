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
  return parsed.data.groups.map((g) => g.map((phrase) => words(phrase).join(" ")));
}

/** Phrases from the groups that the text uses, and the other phrases of those groups. */
export function synonymsIn(text: string, groups: SynonymGroups): { used: string[]; alternatives: string[] } {
  const padded = ` ${words(text).join(" ")} `;
  const used: string[] = [];
  const alternatives: string[] = [];
  for (const group of groups) {
    const hits = group.filter((phrase) => padded.includes(` ${phrase} `));
    if (hits.length === 0) continue;
    used.push(...hits);
    alternatives.push(...group.filter((phrase) => !hits.includes(phrase)));
  }
  return { used, alternatives };
}
