import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { IndexerError } from "../indexer/read-documents.js";
import { EmbedderError } from "../indexer/embedders/embedder.js";
import { StartupError } from "../server/load-engine.js";
import { failureMessage, UsageError, UserError } from "../indexer/user-error.js";
import { plainDecimal } from "../indexer/command-line.js";

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
    expect(await run("server/main.ts", { PORT: "abc" })).toEqual({ code: 1, stdout: "", stderr: 'PORT must be a whole number from 1 to 65535, not "abc". Unset it to listen on 3000.\n' });
  });
});

describe("a command given arguments it cannot take", () => {
  const ASK = [
    'Usage: npm run ask -- "your question" [--json]',
    "Words without quotes are joined into one question: npm run ask -- missing children",
    'A question that starts with "-" goes after a second --: npm run ask -- -- "-what did inspectors say?"',
  ].join("\n");
  const EVAL = "Usage: npm run eval [-- --fusion=weighted|bm25|dense|rrf --dense-weight=0.3 --verbose]";

  it("npm run ask prints its usage and exits 2 without a question, or with an option it does not know", async () => {
    expect(await run("server/ask-cli.ts", {})).toEqual({ code: 2, stdout: "", stderr: `${ASK}\n` });
    expect(await run("server/ask-cli.ts", {}, ["--json"])).toEqual({ code: 2, stdout: "", stderr: `${ASK}\n` });
    expect(await run("server/ask-cli.ts", {}, ["--jsn", "What about caseloads?"])).toEqual({ code: 2, stdout: "", stderr: `Unknown option '--jsn'. ${ASK}\n` });
  });

  it("npm run ask says how to ask a question that starts with \"-\", and that an empty one is empty", async () => {
    expect(await run("server/ask-cli.ts", {}, ["-what did inspectors say"])).toEqual({ code: 2, stdout: "", stderr: `Unknown option '-w'. ${ASK}\n` });
    for (const blank of ["", " \t "]) {
      expect(await run("server/ask-cli.ts", {}, ["--json", blank])).toEqual({ code: 2, stdout: "", stderr: `The question is empty. ${ASK}\n` });
    }
  });

  it("npm run index, npm start, npm run bench and npm run calibrate refuse a mistyped option before doing any work", async () => {
    expect(await run("indexer/cli.ts", {}, ["--forse"])).toEqual({ code: 2, stdout: "", stderr: "Unknown option '--forse'. Usage: npm run index [-- --force]\n" });
    expect(await run("server/main.ts", {}, ["3000"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "Unexpected argument '3000'. Usage: npm start (set PORT and HOST in the environment to choose where it listens)\n",
    });
    expect(await run("bench/run.ts", {}, ["--quick"])).toEqual({ code: 2, stdout: "", stderr: "Unknown option '--quick'. Usage: npm run bench (it takes no options)\n" });
    expect(await run("eval/calibrate.ts", {}, ["-v"])).toEqual({ code: 2, stdout: "", stderr: "Unknown option '-v'. Usage: npm run calibrate\n" });
  });

  it("every command prints its usage on stdout and exits 0 when asked for help, whatever else is on the line", async () => {
    const usages = {
      "server/ask-cli.ts": ASK,
      "indexer/cli.ts": "Usage: npm run index [-- --force]",
      "server/main.ts": "Usage: npm start (set PORT and HOST in the environment to choose where it listens)",
      "eval/run.ts": EVAL,
      "eval/calibrate.ts": "Usage: npm run calibrate",
      "bench/run.ts": "Usage: npm run bench (it takes no options)",
    };
    for (const [script, usage] of Object.entries(usages)) {
      expect(await run(script, {}, ["--help"])).toEqual({ code: 0, stdout: `${usage}\n`, stderr: "" });
    }
    expect(await run("indexer/cli.ts", {}, ["--forse", "-h"])).toEqual({ code: 0, stdout: "Usage: npm run index [-- --force]\n", stderr: "" });
  });

  it("npm run eval names a fusion or a dense weight it cannot use", async () => {
    expect(await run("eval/run.ts", {}, ["--fusion=max"])).toEqual({ code: 2, stdout: "", stderr: `--fusion=max is not a fusion; use one of weighted, bm25, dense, rrf. ${EVAL}\n` });
    for (const weight of ["2", "0x1", "1e-1", " "]) {
      expect(await run("eval/run.ts", {}, [`--dense-weight=${weight}`])).toEqual({
        code: 2,
        stdout: "",
        stderr: `--dense-weight=${weight} must be a decimal number from 0 to 1, such as 0.3. ${EVAL}\n`,
      });
    }
    expect(await run("eval/run.ts", {}, ["--verbose=yes"])).toEqual({ code: 2, stdout: "", stderr: `Option '--verbose' does not take an argument. ${EVAL}\n` });
  });
});

describe("failureMessage", () => {
  it("gives a user's problem as its message, and a bug with its stack", () => {
    for (const error of [new UserError("Fix A."), new UsageError("Fix A."), new IndexerError("Fix A."), new EmbedderError("Fix A."), new StartupError("Fix A.")]) {
      expect(failureMessage(error)).toBe("Fix A.");
    }
    const bug = new TypeError("x is undefined");
    expect(failureMessage(bug)).toBe(bug.stack);
    expect(failureMessage(bug).startsWith("TypeError: x is undefined\n    at ")).toBe(true);
  });
});

describe("plainDecimal", () => {
  it("reads digits with an optional fraction, trimmed, and nothing Number() would also take", () => {
    expect(["8080", " 0.3 ", "1", "0", "007"].map(plainDecimal)).toEqual([8080, 0.3, 1, 0, 7]);
    for (const text of ["", " ", "1e3", "0x50", "0b1", "0o7", "Infinity", "-1", "+1", ".3", "3.", "1_000", "1 000"]) expect(plainDecimal(text)).toBeNaN();
  });
});
