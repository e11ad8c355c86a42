import type { BuildResult, Progress } from "./build-index.js";

/** "1.4 MB" */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "1 document", "5 documents". */
export const counted = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** "[#######.....] 640/1900 texts · 5 documents, 420 passages · 182/s · 7 s left" */
export function formatProgress(p: Progress): string {
  const width = 20;
  const filled = Math.round((p.done / Math.max(1, p.total)) * width);
  const bar = `[${"#".repeat(filled)}${".".repeat(width - filled)}]`;
  return `${bar} ${p.done}/${p.total} texts embedded · ${counted(p.documents, "document")}, ${counted(p.passages, "passage")} · ${Math.round(p.rate)}/s · ${Math.ceil(p.secondsLeft)} s left`;
}

/** The closing summary of a build. */
export function formatSummary(r: BuildResult): string {
  return (
    `Indexed ${counted(r.documents, "document")}: ${counted(r.passages, "passage")}, ${counted(r.sentences, "sentence")} ` +
    `(${counted(r.embedded, "text")} embedded, ${r.reused} reused) in ${r.seconds.toFixed(1)} s. Index size ${formatBytes(r.bytes)}.`
  );
}
