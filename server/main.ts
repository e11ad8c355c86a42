import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { configFromEnv } from "../indexer/config.js";
import { createApp } from "./app.js";
import { loadEngine } from "./load-engine.js";
import { exitOnFailure } from "../indexer/user-error.js";
import { readCommandLine } from "../indexer/command-line.js";
import { counted } from "../indexer/progress.js";
import { buildWithProgress } from "../indexer/build-with-progress.js";
import { listen, listenAddress, serverUrl } from "./listen.js";

/**
 * `npm start`: brings the index up to date with the documents, then serves it. Its settings
 * are read first, so a mistyped PORT or option is refused before a build, not after one.
 */
async function main() {
  readCommandLine("Usage: npm start (set PORT and HOST in the environment to choose where it listens)", {});
  const { port, host } = listenAddress(process.env);
  const config = configFromEnv();
  await buildWithProgress(config);
  const engine = await loadEngine(join(config.dataDir, "index"), config.embedder);
  const app = createApp(engine, { webDir: fileURLToPath(new URL("../web", import.meta.url)) });
  await listen(app, port, host);
  const { documents, passages } = engine.index;
  console.log(`Verbatim is serving ${counted(documents.length, "document")} (${counted(passages.length, "passage")}) at ${serverUrl(port, host)}`);
}

main().catch(exitOnFailure);
