import { join } from "node:path";
import { configFromEnv } from "../indexer/config.js";
import { loadEngine } from "../server/load-engine.js";
import { retrieve } from "../server/answer/ask.js";
import { loadQuestionSet, presentSets, SHARED_SEEDS } from "./question-set.js";
import { exitOnFailure } from "../indexer/user-error.js";
import { readCommandLine } from "../indexer/command-line.js";
import { overlaps } from "./score.js";

/**
 * `npm run calibrate`: for every question, the evidence of the best sentence found and
 * where the expected sentences rank. Used to set the abstention threshold and the
 * selection settings on the question sets as a whole, never on one question.
 */
async function main() {
  readCommandLine("Usage: npm run calibrate", {});
  const config = configFromEnv();
  const engine = await loadEngine(join(config.dataDir, "index"), config.embedder);
  const rows: string[] = [];
  const { sets, skipped } = presentSets();
  for (const line of skipped) console.log(line);
  for (const { path } of sets) {
    for (const q of loadQuestionSet(path, engine.index, [SHARED_SEEDS, config.seedsDir])) {
      const { outside, scored } = await retrieve(engine, { question: q.question });
      const best = scored[0];
      const ranks = q.spans.map((e) => {
        const i = scored.findIndex((s) => overlaps(s.sentence, e));
        return i === -1 ? "-" : String(i + 1);
      });
      rows.push(
        [q.id, q.spans.length ? "ans" : "NOT", outside ? "OUT" : "   ", best?.score.toFixed(2), best?.coverage.toFixed(2), best?.dense.toFixed(2), ranks.join(",")].join("\t"),
      );
    }
  }
  console.log("id\tkind\tout\tscore\tcover\tdense\tranks of expected sentences");
  console.log(rows.join("\n"));
  await engine.embedder.close();
}

main().catch(exitOnFailure);
