import type { BuildResult, FileChanges, Progress } from "./build-index.js";

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

/**
 * What a re-index dropped, renamed and added, a line each: a renamed or removed file's
 * citation links stop opening, and nobody should learn that from a broken link.
 */
export function formatChanges({ added, removed, renamed }: FileChanges): string[] {
  return [
    ...renamed.map((r) => `Renamed ${r.from} to ${r.to}: its document id changed, so links to its old passages no longer open.`),
    ...removed.map((file) => `Removed ${file}: it is no longer in the documents folder, so links to its passages no longer open.`),
    ...(added.length > 0 ? [`Added ${added.join(", ")}.`] : []),
  ];
}

/** The closing summary of a build. */
export function formatSummary(r: BuildResult): string {
  return (
    `Indexed ${counted(r.documents, "document")}: ${counted(r.passages, "passage")}, ${counted(r.sentences, "sentence")} ` +
    `(${counted(r.embedded, "text")} embedded, ${r.reused} reused) in ${r.seconds.toFixed(1)} s. Index size ${formatBytes(r.bytes)}.`
  );
}
