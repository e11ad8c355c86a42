import { rmSync } from "node:fs";
import { mkdir, open, readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { IndexerError } from "../read-documents.js";

/** How long a lock may stand empty while its maker writes its process id into it. */
const FRESH_MS = 5_000;

/** True while a process with this id runs: signal 0 tests for it without touching it. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Holds the data folder for one build at a time, so that `npm start`, `npm run eval` and
 * `npm run index` started together neither clear each other's half-written index nor race
 * to swap theirs in. A lock left by a process that died is taken over. Returns the release.
 */
export async function lockBuilds(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "EEXIST" || error.code === "ENOTDIR") throw new IndexerError(`The data folder ${dataDir} is a file, or lies inside one. Set VERBATIM_DATA to a folder.`);
    throw error;
  });
  const path = join(dataDir, ".build.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const file = await open(path, "wx");
      await file.writeFile(String(process.pid));
      await file.close();
      // Ctrl-C exits at once (see indexer/build-with-progress.ts): the lock goes with the process, not after it.
      const onExit = () => rmSync(path, { force: true });
      process.once("exit", onExit);
      return async () => {
        process.off("exit", onExit);
        await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const written = (await readFile(path, "utf8").catch(() => "")).trim();
      const holder = Number(written);
      // An empty lock is one another build has just made and not yet signed: taken, unless it is old.
      const justMade = written === "" && Date.now() - (await stat(path).then((s) => s.mtimeMs, () => 0)) < FRESH_MS;
      if (justMade || (Number.isInteger(holder) && holder > 0 && running(holder))) {
        const who = justMade ? "" : ` (process ${holder})`;
        throw new IndexerError(`Another build of the index in ${dataDir} is running${who}. Wait for it to finish, then try again.`);
      }
      await rm(path, { force: true });
    }
  }
  throw new IndexerError(`Could not lock ${dataDir} for building: another build keeps taking it. Wait for it to finish, then try again.`);
}
