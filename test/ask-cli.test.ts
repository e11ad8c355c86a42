import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { seedEngine } from "./helpers/engine.js";

/** Runs `npm run ask -- …` as npm does, and collects what it prints. */
function ask(args: string[]): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/ask-cli.ts", ...args], { cwd: fileURLToPath(new URL("..", import.meta.url)) });
  let stdout = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout })));
}

beforeAll(async () => {
  // The command reads the seed index: build it first when this file runs before any other.
  await (await seedEngine()).embedder.close();
});

describe("npm run ask", () => {
  it("prints an abstention's reason, then the nearby passages it offers, each with where to find it", async () => {
    const { code, stdout } = await ask(["What percentage of Gloucestershire's care leavers are not in education, employment or training?"]);
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines.slice(0, 3)).toEqual(["The documents do not answer this question.", "", "Nearby passages, not an answer:"]);
    expect(lines.filter((l) => l.startsWith("- "))).toHaveLength(3);
    expect(lines[5]).toMatch(/^ {4}2018-06-08-ofsted-gloucestershire-monitoring-visit-3 characters \d+–\d+$/);
  });

  it("prints an answer with its numbered references", async () => {
    const { code, stdout } = await ask(["What percentage of children received a return home interview in July 2017?"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Found in \d documents? \(2017(–2018)?\)\.\n/);
    expect(stdout).toContain("\nReferences\n[1] ");
    expect(stdout).not.toContain("Nearby passages");
  });

  it("joins words without quotes into one question, and takes one that starts with \"-\" after a second --", async () => {
    const answer = await ask(["what did inspectors say about missing children?"]);
    expect(answer.code).toBe(0);
    expect(answer.stdout).toMatch(/^Found in \d documents/);
    expect(await ask(["what", "did", "inspectors", "say", "about", "missing", "children?"])).toEqual(answer);
    // The "-" is part of the question the encoder reads, so the quotes may differ a little from the answer above.
    const dashed = await ask(["--", "-what did inspectors say about missing children?"]);
    expect(dashed.code).toBe(0);
    expect(dashed.stdout).toMatch(/^Found in \d documents/);
    expect(dashed.stdout).toContain("\nReferences\n[1] ");
  });
});
