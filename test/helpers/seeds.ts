import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The project's seed documents, read from disk: file name → original text. */
export const SEEDS_DIR = fileURLToPath(new URL("../../seeds/", import.meta.url));

export function readSeeds(): Map<string, string> {
  return new Map(readdirSync(SEEDS_DIR).sort().map((f) => [f, readFileSync(`${SEEDS_DIR}${f}`, "utf8")]));
}
