import { join } from "node:path";
import { configFromEnv } from "../indexer/config.js";
import { createApp } from "./app.js";
import { loadEngine } from "./load-engine.js";
import { exitOnFailure, UsageError } from "../indexer/user-error.js";
import { readCommandLine } from "../indexer/command-line.js";
import { displayDate } from "./answer/compose-answer.js";
import type { AskResponse, Citation, Related } from "./http/schemas.js";

// npm keeps the first "--" for itself, so a question that starts with "-" needs a second one
// to be read as words rather than options.
const USAGE = [
  'Usage: npm run ask -- "your question" [--json]',
  "Words without quotes are joined into one question: npm run ask -- missing children",
  'A question that starts with "-" goes after a second --: npm run ask -- -- "-what did inspectors say?"',
].join("\n");

function reference(c: Citation): string {
  const where = [c.section.join(" › "), c.paragraph ? `para ${c.paragraph}` : ""].filter(Boolean).join(", ");
  const within = c.within ? ` (${c.within.label} of ${c.within.title})` : "";
  return `[${c.n}] ${c.documentTitle}, ${c.publisher}, ${displayDate(c.date)}${within}${where ? ` — ${where}` : ""}\n    ${c.documentId} characters ${c.start}–${c.end}`;
}

function nearby(r: Related): string {
  return `- ${r.text}\n    ${r.documentTitle}, ${displayDate(r.date)}${r.section.length ? ` — ${r.section.join(" › ")}` : ""}\n    ${r.documentId} characters ${r.start}–${r.end}`;
}

/**
 * `npm run ask -- "question"` prints the answer and numbered references, or beside an
 * abstention the nearby passages it offers; `--json` prints
 * exactly the body that POST /api/ask returns, for scripts.
 */
async function main() {
  const { values, positionals } = readCommandLine(USAGE, { json: { type: "boolean", default: false } }, true);
  const question = positionals.join(" ");
  if (!question.trim()) throw new UsageError(positionals.length > 0 ? `The question is empty. ${USAGE}` : USAGE);
  const config = configFromEnv();
  const engine = await loadEngine(join(config.dataDir, "index"), config.embedder);
  // Through the HTTP app, so the output is exactly what the API returns, errors included.
  const res = await createApp(engine).request("/api/ask", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question }) });
  const body = await res.json();
  await engine.embedder.close();
  if (values.json) {
    console.log(JSON.stringify(body, null, 2));
  } else if (!res.ok) {
    console.error(body.error.message);
  } else {
    const answer = body as AskResponse;
    if (answer.interpretedAs) console.log(`Answered as: ${answer.interpretedAs}\n`);
    console.log(answer.answer);
    if (answer.citations.length > 0) console.log(`\nReferences\n${answer.citations.map(reference).join("\n")}`);
    if (answer.related?.length) console.log(`\nNearby passages, not an answer:\n${answer.related.map(nearby).join("\n")}`);
  }
  process.exit(res.ok ? 0 : 1);
}

main().catch(exitOnFailure);
