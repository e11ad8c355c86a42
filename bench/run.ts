import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { configFromEnv } from "../indexer/config.js";
import { readCommandLine } from "../indexer/command-line.js";
import { exitOnFailure } from "../indexer/user-error.js";
import { loadEngine } from "../server/load-engine.js";
import { changedReindex, coldBuild, unchangedReindex, type ColdBuild } from "./bench-index.js";
import { benchEmbedder } from "./bench-embedder.js";
import { benchQueries } from "./bench-queries.js";
import { mb, ms, msSince, percentile, sec, spread } from "./stats.js";
import { printTable, type Row, type Section } from "./table.js";
import { presentSets } from "../eval/question-set.js";
import { removeTempFolders, tempFolder } from "./temp-folders.js";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
/** The questions of every question set that is there; a missing one is said so, not a crash. */
function readQuestions(): string[] {
  const { sets, skipped } = presentSets();
  for (const line of skipped) console.log(line);
  const all = sets.flatMap(({ path }) => (JSON.parse(readFileSync(path, "utf8")) as { question: string }[]).map((q) => q.question));
  return [...new Set(all)];
}

async function engineInFreshProcess(indexDir: string) {
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", here("engine-memory.ts"), indexDir], { cwd: here("..") });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as { rssBefore: number; importMs: number; loadMs: number; after: NodeJS.MemoryUsage; afterQuery: NodeJS.MemoryUsage };
}

const load = () => loadavg().map((x) => x.toFixed(2)).join(" / ");

const embeddedVsReused = (b: { embedded: number; reused: number }) => `texts embedded ${b.embedded}, vectors reused ${b.reused}`;

const coldRows = (b: ColdBuild): Row[] => [
  [`threads = ${b.threads}: build time`, sec(b.result.seconds)],
  [`threads = ${b.threads}: sentences / s (whole build)`, `${(b.result.sentences / b.result.seconds).toFixed(1)} sentences/s`],
  [`threads = ${b.threads}: sentences / s (embedding loop)`, `${b.embedRate.toFixed(1)} sentences/s`],
  [`threads = ${b.threads}: CPU time, all threads`, `${sec(b.cpuSeconds)} · ${(b.result.sentences / b.cpuSeconds).toFixed(1)} sentences per CPU-second · ${(b.cpuSeconds / b.result.seconds).toFixed(2)} cores busy on average`],
];

/** `npm run bench`: measures indexing, embedding, answering and memory, and prints the figures. Asserts nothing. */
async function main() {
  const cpu = cpus();
  console.log(`Verbatim benchmark · ${cpu[0]?.model ?? "unknown cpu"} · ${cpu.length} cores · ${(totalmem() / 2 ** 30).toFixed(1)} GiB · Node ${process.version}`);
  console.log(`Load average (1 / 5 / 15 min) at start: ${load()}. Other work on the machine slows every figure below.`);
  // The default embedder, whatever the environment says: these figures are USE-lite's.
  // VERBATIM_DATA is a throwaway folder so nothing here can touch data/; each build picks its own.
  const base = configFromEnv({ ...process.env, VERBATIM_EMBEDDER: "use-lite", VERBATIM_SEEDS: here("../seeds"), VERBATIM_DATA: await tempFolder("unused") });
  const questions = readQuestions();
  const short = [...questions].sort((a, b) => a.length - b.length);

  // The embedder first, so its load time is this process's first.
  const emb = await benchEmbedder(short.slice(0, 50), short.slice(50, 60));
  const two = await coldBuild(base, 2);
  const one = await coldBuild(base, 1);
  const atTwo = { ...base, dataDir: two.dataDir, threads: 2 };
  const unchanged = await unchangedReindex(atTwo);
  const changed = await changedReindex(atTwo, emb.embedder);

  const loadStart = performance.now();
  const engine = await loadEngine(join(one.dataDir, "index"), base.embedder);
  const engineLoadMs = msSince(loadStart);
  const rssHere = process.memoryUsage().rss;
  const q = await benchQueries(engine, questions);
  const fresh = await engineInFreshProcess(join(one.dataDir, "index"));

  const r = two.result;
  const sections: Section[] = [
    {
      title: `1. Cold index build of seeds/ (${r.documents} documents, ${r.passages} passages, ${r.sentences} sentences)`,
      rows: [
        ...coldRows(two),
        ...coldRows(one),
        ["speed-up from the second thread", `${(one.result.seconds / two.result.seconds).toFixed(2)}× (build), ${(two.embedRate / one.embedRate).toFixed(2)}× (embedding)`],
        ["index size on disk", mb(r.bytes)],
        ...two.files.map(({ name, bytes }): Row => [`  ${name}`, mb(bytes)]),
      ],
    },
    { title: "2. Re-index, nothing changed (5 runs)", rows: [["median", `${ms(unchanged.median * 1000)} (runs: ${unchanged.runs.map((s) => (s * 1000).toFixed(1)).join(", ")} ms)`], ["every run found the index up to date", unchanged.allUpToDate ? "yes" : "NO"]] },
    {
      title: `3. Re-index after appending one sentence to ${changed.file}`,
      rows: [
        ["untouched copy of seeds counted as up to date", changed.copyUpToDate ? "yes" : "NO"],
        ["as `npm run index` (starts its own embedder)", `${sec(changed.cold.seconds)} · ${embeddedVsReused(changed.cold)}`],
        ["with an embedder already loaded", `${sec(changed.warm.seconds)} · ${embeddedVsReused(changed.warm)}`],
      ],
    },
    {
      title: "4. Embedder (USE-lite, in this thread)",
      rows: [
        ["load (initModel; modules already imported)", ms(emb.loadMs)],
        [`one query, ${emb.samples.length} questions after 10 warm-up`, `median ${ms(emb.median)} · p95 ${ms(emb.p95)}`],
      ],
    },
    {
      title: `5. Warm queries through createApp(engine).request() (${questions.length} questions × 3 passes, after 1 warm-up)`,
      rows: [
        ["loadEngine over the temp index (this process)", ms(engineLoadMs)],
        ["POST /api/ask timings.totalMs", spread(q.totalMs)],
        ["  of which embedMs / searchMs / composeMs (p50)", [q.parts.embedMs, q.parts.searchMs, q.parts.composeMs].map((x) => ms(percentile(x, 50))).join(" / ")],
        ["POST /api/ask wall time (request → parsed JSON)", spread(q.wallMs)],
        ["GET /api/search wall time", `p50 ${ms(percentile(q.searchWallMs, 50))} · p95 ${ms(percentile(q.searchWallMs, 95))}`],
        ["answers that abstained (first pass)", `${q.abstained} of ${questions.length}`],
        ["requests that did not return 200", q.failures.length ? q.failures.join("\n" + " ".repeat(4)) : "none"],
      ],
    },
    {
      title: "6. Memory",
      rows: [
        ["fresh process: RSS before loading anything", mb(fresh.rssBefore)],
        ["fresh process: import + loadEngine", `${ms(fresh.importMs)} + ${ms(fresh.loadMs)}`],
        ["fresh process: RSS after loadEngine", `${mb(fresh.after.rss)} · heap used ${mb(fresh.after.heapUsed)}`],
        ["fresh process: RSS after one answer", mb(fresh.afterQuery.rss)],
        ["this process: RSS after loadEngine (after builds)", mb(rssHere)],
      ],
    },
  ];
  printTable(sections);
}

try {
  readCommandLine("Usage: npm run bench (it takes no options)", {});
} catch (error) {
  exitOnFailure(error);
}
const started = performance.now();
try {
  await main();
} finally {
  await removeTempFolders();
  console.log(`Benchmark took ${sec(msSince(started) / 1000)}; temp folders removed. Load average at end: ${load()}.`);
}
