import { serve } from "@hono/node-server";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { configFromEnv } from "../indexer/config.js";
import { createApp } from "./app.js";
import { loadEngine } from "./load-engine.js";
import { exitOnFailure } from "../indexer/user-error.js";
import { readCommandLine } from "../indexer/command-line.js";

/** Starts the server over the built index: `npm start` runs the indexer first. */
async function main() {
  readCommandLine("Usage: npm start (set PORT and HOST in the environment to choose where it listens)", {});
  const config = configFromEnv();
  const engine = await loadEngine(join(config.dataDir, "index"), config.embedder);
  const app = createApp(engine, { webDir: fileURLToPath(new URL("../web", import.meta.url)) });
  const port = Number(process.env.PORT) || 3000;
  const host = process.env.HOST || "127.0.0.1";
  serve({ fetch: app.fetch, port, hostname: host }, () => {
    const { documents, passages } = { documents: engine.index.documents.length, passages: engine.index.passages.length };
    console.log(`Verbatim is serving ${documents} documents (${passages} passages) at http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
  });
}

main().catch(exitOnFailure);
