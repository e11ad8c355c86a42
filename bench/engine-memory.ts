// Run as a child process by run.ts: loads the engine in a fresh process, as `npm start`
// does, and prints one JSON line of timings and memory. A fresh process, because the
// benchmark's own has built indexes and holds another embedder, which would inflate RSS.
import { configFromEnv } from "../indexer/config.js";

const indexDir = process.argv[2];
const rssBefore = process.memoryUsage().rss;
const importStart = performance.now();
const { loadEngine } = await import("../server/load-engine.js");
const importMs = performance.now() - importStart;
const loadStart = performance.now();
const engine = await loadEngine(indexDir, configFromEnv({ VERBATIM_EMBEDDER: "use-lite" }).embedder);
const loadMs = performance.now() - loadStart;
const after = process.memoryUsage();
// One question, so memory reflects a server that has answered something.
const { ask } = await import("../server/answer/ask.js");
await ask(engine, { question: "What did inspectors say about children who go missing?" });
const afterQuery = process.memoryUsage();
console.log(JSON.stringify({ rssBefore, importMs, loadMs, after, afterQuery }));
