import type { LoadedIndex } from "../../indexer/contract/load-index.js";
import type { Sentence } from "../../indexer/contract/schemas.js";

/**
 * The first row of a table row's table, which may have begun in the passage before, but not under
 * another heading: the row itself when it is the first. It heads the table if it is a header row.
 */
export function tableStart(index: LoadedIndex, row: Sentence): Sentence {
  const section = row.section.join("\n");
  let first = row.row;
  for (let above = index.sentences[first - 1]; above?.tableRow && above.documentId === row.documentId && above.section.join("\n") === section; above = index.sentences[first - 1]) first--;
  return index.sentences[first];
}
