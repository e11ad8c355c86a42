import type { IndexerConfig } from "./config.js";
import { buildIndex, type Progress } from "./build-index.js";
import { counted, formatChanges, formatProgress, formatSummary } from "./progress.js";

/**
 * Builds the index as `npm run index` and `npm start` do: progress on stderr (a live line on a
 * terminal, a line every 2 s in a log), then a summary, the files skipped and the files renamed or removed.
 */
export async function buildWithProgress(config: IndexerConfig, force = false): Promise<void> {
  const live = process.stderr.isTTY;
  let lastLine = 0;
  const onProgress = (p: Progress) => {
    if (live) process.stderr.write(`\r${formatProgress(p)}\x1b[K`);
    else if (p.done === p.total || Date.now() - lastLine > 2000) {
      lastLine = Date.now();
      process.stderr.write(`${formatProgress(p)}\n`);
    }
  };
  console.log(`Indexing ${config.seedsDir} into ${config.dataDir}/index`);
  // Ctrl-C mid-build: the new index is in a temporary folder, so the old one stays intact.
  const stop = () => {
    process.stderr.write("\nStopped. The previous index, if any, is unchanged.\n");
    process.exit(130);
  };
  process.once("SIGINT", stop);
  try {
    const result = await buildIndex(config, { force, onProgress });
    if (live && result.embedded > 0) process.stderr.write("\n");
    for (const s of result.skipped) console.warn(`Skipped ${s.file}: ${s.reason}.`);
    if (result.upToDate) {
      const counts = `${counted(result.documents, "document")}, ${counted(result.passages, "passage")}, ${counted(result.sentences, "sentence")}`;
      console.log(`The index is up to date: ${counts} (checked in ${result.seconds.toFixed(2)} s). Use --force to rebuild.`);
    } else console.log(formatSummary(result));
    for (const line of formatChanges(result.changes)) console.log(line);
  } finally {
    process.off("SIGINT", stop);
  }
}
