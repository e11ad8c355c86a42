import { parseDateOrMonthLine } from "../contract/dates.js";
import type { SourceMeta } from "./metadata.js";

/** Citation fields a document may state for itself in front matter, overriding what is read from its text. */
const FIELDS = ["title", "publisher", "place", "kind", "date"] as const;

export interface FrontMatter {
  /** Where the block ends in the text: just after its closing "---". */
  end: number;
  fields: Partial<SourceMeta>;
}

/** "2019-05-01" or "1 May 2019" as an ISO date, "2019-05" or "May 2019" as an ISO month; undefined for anything else. */
function frontMatterDate(value: string): string | undefined {
  if (/^\d{4}-(?:0[1-9]|1[0-2])$/.test(value)) return value;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : undefined;
  }
  return parseDateOrMonthLine(value);
}

/**
 * The YAML front matter that opens many Markdown files ("---", "title: Budget report",
 * "date: 2019-05-01", "---"): its extent, so it is not quoted as a sentence, and the citation
 * fields it states. Only simple "key: value" lines count; anything else means the opening
 * "---" is a rule, not front matter. Unknown keys are passed over.
 */
export function readFrontMatter(text: string): FrontMatter | undefined {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open) return undefined;
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(open[0].length);
  const closing = close.exec(rest);
  if (!closing) return undefined;
  const block = rest.slice(0, closing.index).split(/\r?\n/).filter((l) => l.trim() !== "");
  const fields: Partial<SourceMeta> = {};
  for (const line of block) {
    const m = /^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*)$/.exec(line);
    // An indented line continues a list or mapping under a key Verbatim does not read.
    if (!m) {
      if (/^[ \t]/.test(line)) continue;
      return undefined;
    }
    const key = m[1].toLowerCase() as (typeof FIELDS)[number];
    const value = m[2].trim().replace(/^(["'])(.*)\1$/, "$2").trim();
    if (!FIELDS.includes(key) || value === "") continue;
    if (key === "date") {
      const date = frontMatterDate(value);
      if (date) fields.date = date;
    } else fields[key] = value;
  }
  return { end: open[0].length + closing.index + closing[0].length, fields };
}
