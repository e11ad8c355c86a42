import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { configFromEnv } from "../indexer/config.js";
import { loadEngine } from "../server/load-engine.js";
import { retrieve } from "../server/answer/ask.js";
import { loadQuestionSet } from "./question-set.js";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * `npm run calibrate`: for every question, the evidence of the best sentence found and
 * where the expected sentences rank. Used to set the abstention threshold and the
 * selection settings on the question sets as a whole, never on one question.
 */
async function main() {
  const config = configFromEnv();
  const engine = await loadEngine(join(config.dataDir, "index"), config.embedder);
  const rows: string[] = [];
  for (const path of [here("../../shared/eval/sample-questions.json"), here("../test/eval/questions.json")]) {
    for (const q of loadQuestionSet(path, engine.index, [here("../../shared/seeds"), config.seedsDir])) {
      const { outside, scored } = await retrieve(engine, { question: q.question });
      const best = scored[0];
      const { query } = await retrieve(engine, { question: q.question });
      const idfOf = (t: string) => { const post = engine.index.lexical.postings.get(t); return post ? Math.log(engine.index.passages.length / (post.length / 2)) : 0; };
      const rare = [...query.terms].filter(([t, w]) => w >= 1 && idfOf(t) > 0).sort((a, b) => idfOf(b[0]) - idfOf(a[0])).slice(0, 2).map(([t]) => t);
      const passageTerms = best ? new Set(engine.index.passageById.get(best.sentence.passageId)!.searchText.toLowerCase().split(/\W+/)) : new Set<string>();
      const top5 = scored.slice(0, 5).map((s) => engine.facts.sentenceTerms[s.sentence.row]);
      const support = rare.map((t) => (top5.some((set) => set.has(t)) ? t.toUpperCase() : t)).join(",");
      const ranks = q.spans.map((e) => {
        const i = scored.findIndex((s) => s.sentence.documentId === e.documentId && s.sentence.start < e.end && e.start < s.sentence.end);
        return i === -1 ? "-" : String(i + 1);
      });
      rows.push(
        [q.id, q.spans.length ? "ans" : "NOT", outside ? "OUT" : "   ", best?.score.toFixed(2), best?.coverage.toFixed(2), best?.dense.toFixed(2), support, ranks.join(",")].join("\t"),
      );
    }
  }
  console.log("id\tkind\tout\tscore\tcover\tdense\tranks of expected sentences");
  console.log(rows.join("\n"));
  await engine.embedder.close();
}

main();
