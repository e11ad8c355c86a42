import { configFromEnv } from "./config.js";
import { buildWithProgress } from "./build-with-progress.js";
import { exitOnFailure } from "./user-error.js";
import { readCommandLine } from "./command-line.js";

/** `npm run index [-- --force]`: builds the index, showing progress, then a summary. */
async function main(): Promise<void> {
  const { force } = readCommandLine("Usage: npm run index [-- --force]", { force: { type: "boolean", default: false } }).values;
  await buildWithProgress(configFromEnv(), force);
}

main().catch(exitOnFailure);
