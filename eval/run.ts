import { join } from "node:path";
import { configFromEnv } from "../indexer/config.js";
import { buildIndex } from "../indexer/build-index.js";
import { loadEngine } from "../server/load-engine.js";
import { createApp } from "../server/app.js";
import type { Fusion } from "../server/retrieve/search.js";
import { loadQuestionSet, presentSets, SHARED_SEEDS, type ResolvedQuestion } from "./question-set.js";
import { recallOf, score, type Outcome, type Scores } from "./score.js";
import { exitOnFailure, UsageError } from "../indexer/user-error.js";
import { plainDecimal, readCommandLine } from "../indexer/command-line.js";

type App = ReturnType<typeof createApp>;

async function post(app: App, path: string, body: unknown) {
  const res = await app.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return res.json() as Promise<any>;
}

/** Asks one question through the API and checks every citation through /api/verify. */
async function run(app: App, q: ResolvedQuestion): Promise<Outcome> {
  const started = performance.now();
  const answer = await post(app, "/api/ask", { question: q.question });
  const ms = performance.now() - started;
  let exact = 0;
  for (const c of answer.citations) {
    const v = await post(app, "/api/verify", { documentId: c.documentId, start: c.start, end: c.end, quote: c.quote });
    if (v.valid) exact++;
  }
  return {
    question: q,
    abstained: answer.abstained,
    cited: answer.citations.map((c: any) => ({ documentId: c.documentId, start: c.start, end: c.end })),
    citedChars: answer.citations.reduce((n: number, c: any) => n + c.quote.length, 0),
    exact,
    inexact: answer.citations.length - exact,
    ms,
  };
}

function report(name: string, s: Scores) {
  const pct = (x: number) => x.toFixed(2);
  console.log(
    `${name.padEnd(7)} questions ${s.questions} · recall ${pct(s.recall)} · hit ${pct(s.hit)} · precision ${pct(s.precision)} · exactness ${(s.exactness * 100).toFixed(0)}% · ` +
      `abstained ${s.correctAbstentions}/${s.unanswerable} not-in-docs · false abstentions ${s.falseAbstentions}/${s.answerable} · ` +
      `cited chars ${Math.round(s.citedChars)} · p50 ${s.p50.toFixed(1)} ms · p95 ${s.p95.toFixed(1)} ms`,
  );
}

const USAGE = "Usage: npm run eval [-- --fusion=weighted|bm25|dense|rrf --dense-weight=0.3 --verbose]";
const FUSIONS: Fusion[] = ["weighted", "bm25", "dense", "rrf"];

/** The search settings to evaluate, from the command line; anything else is refused with the usage. */
function searchSettings(values: { fusion?: string; "dense-weight"?: string }) {
  const { fusion, "dense-weight": weight } = values;
  if (fusion !== undefined && !FUSIONS.includes(fusion as Fusion)) throw new UsageError(`--fusion=${fusion} is not a fusion; use one of ${FUSIONS.join(", ")}. ${USAGE}`);
  const denseWeight = plainDecimal(weight ?? "");
  if (weight !== undefined && !(denseWeight >= 0 && denseWeight <= 1)) throw new UsageError(`--dense-weight=${weight} must be a decimal number from 0 to 1, such as 0.3. ${USAGE}`);
  return { ...(fusion ? { fusion: fusion as Fusion } : {}), ...(weight !== undefined ? { denseWeight } : {}) };
}

/** `npm run eval`: scores both question sets through the API; see USAGE for the options. */
async function main() {
  const { values } = readCommandLine(USAGE, { fusion: { type: "string" }, "dense-weight": { type: "string" }, verbose: { type: "boolean", default: false } });
  const search = searchSettings(values);
  const config = configFromEnv();
  await buildIndex(config);
  const engine = await loadEngine(join(config.dataDir, "index"), config.embedder);
  engine.search = search;
  const app = createApp(engine);
  await post(app, "/api/ask", { question: "warm up the model and caches" });
  const verbose = values.verbose;
  const { sets, skipped } = presentSets();
  for (const line of skipped) console.log(line);
  for (const set of sets) {
    const questions = loadQuestionSet(set.path, engine.index, [SHARED_SEEDS, config.seedsDir]);
    const outcomes: Outcome[] = [];
    for (const q of questions) outcomes.push(await run(app, q));
    report(set.name, score(outcomes));
    const kinds = [...new Set(outcomes.filter((o) => o.question.spans.length > 0).map((o) => o.question.kind))];
    console.log(`        recall by kind: ${kinds.map((k) => `${k} ${score(outcomes.filter((o) => o.question.kind === k)).recall.toFixed(2)}`).join(" · ")}`);
    if (verbose) {
      for (const o of outcomes) {
        const r = o.question.spans.length ? recallOf(o).toFixed(2) : o.abstained ? "ok" : "SHOULD ABSTAIN";
        if (r !== "1.00" && r !== "ok") console.log(`  ${o.question.id} [${o.question.kind}] ${o.abstained ? "ABSTAINED " : ""}${r}  ${o.question.question}`);
      }
    }
  }
  await engine.embedder.close();
}

main().catch(exitOnFailure);
