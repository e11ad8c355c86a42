import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { IndexerError } from "../indexer/read-documents.js";
import { EmbedderError } from "../indexer/embedders/embedder.js";
import { StartupError } from "../server/load-engine.js";
import { failureMessage, UserError } from "../indexer/user-error.js";

const BAD_EMBEDDER = 'VERBATIM_EMBEDDER="bogus" is not an embedder. Use "use-lite" or "transformers:<model id>", e.g. "transformers:Xenova/bge-small-en-v1.5".\n';

/** Runs one of the project's commands as `npm` does, and collects what it prints. */
function run(script: string, env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd: fileURLToPath(new URL("..", import.meta.url)), env: { ...process.env, ...env } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

describe("a command that fails on something the user can fix", () => {
  it("npm run index prints the message alone, no stack, and exits 1", async () => {
    expect(await run("indexer/cli.ts", { VERBATIM_EMBEDDER: "bogus" })).toEqual({ code: 1, stdout: "", stderr: BAD_EMBEDDER });
  });

  it("npm start's server prints the message alone, no stack, and exits 1", async () => {
    expect(await run("server/main.ts", { VERBATIM_EMBEDDER: "bogus" })).toEqual({ code: 1, stdout: "", stderr: BAD_EMBEDDER });
  });
});

describe("npm run ask", () => {
  const USAGE = 'Usage: npm run ask -- "your question" [--json]\n';

  it("prints its usage and exits 2 without a question, or with an option it does not know", async () => {
    expect(await run("server/ask-cli.ts", {}, [])).toEqual({ code: 2, stdout: "", stderr: USAGE });
    expect(await run("server/ask-cli.ts", {}, ["--json"])).toEqual({ code: 2, stdout: "", stderr: USAGE });
    expect(await run("server/ask-cli.ts", {}, ["--jsn", "What about caseloads?"])).toEqual({ code: 2, stdout: "", stderr: `Unknown option --jsn. ${USAGE}` });
  });
});

describe("failureMessage", () => {
  it("gives a user's problem as its message, and a bug with its stack", () => {
    for (const error of [new UserError("Fix A."), new IndexerError("Fix A."), new EmbedderError("Fix A."), new StartupError("Fix A.")]) {
      expect(failureMessage(error)).toBe("Fix A.");
    }
    const bug = new TypeError("x is undefined");
    expect(failureMessage(bug)).toBe(bug.stack);
    expect(failureMessage(bug).startsWith("TypeError: x is undefined\n    at ")).toBe(true);
  });
});
