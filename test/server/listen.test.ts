import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { connect, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { listen, listenAddress, listenFailure, serverUrl } from "../../server/listen.js";
import { UserError } from "../../indexer/user-error.js";

describe("where the server listens", () => {
  it("reads PORT and HOST, defaulting to 127.0.0.1:3000", () => {
    expect(listenAddress({})).toEqual({ port: 3000, host: "127.0.0.1" });
    expect(listenAddress({ PORT: " 8080 ", HOST: "0.0.0.0" })).toEqual({ port: 8080, host: "0.0.0.0" });
    expect(listenAddress({ PORT: "" })).toEqual({ port: 3000, host: "127.0.0.1" });
    expect(listenAddress({ PORT: "08080" })).toEqual({ port: 8080, host: "127.0.0.1" });
  });

  it("refuses a PORT that is not a port, rather than quietly using another", () => {
    for (const port of ["abc", "0", "65536", "3000.5", "-1", "1e3", "0x50", "0b1010", "Infinity"]) {
      expect(() => listenAddress({ PORT: port })).toThrow(new UserError(`PORT must be a whole number from 1 to 65535, not "${port}". Unset it to listen on 3000.`));
    }
  });
});

describe("the address the server gives", () => {
  it("is one a browser can open: a host meaning every network as localhost, an IPv6 address in brackets", () => {
    expect(serverUrl(3000, "127.0.0.1")).toBe("http://127.0.0.1:3000");
    expect(serverUrl(3000, "0.0.0.0")).toBe("http://localhost:3000");
    expect(serverUrl(3000, "::")).toBe("http://localhost:3000");
    expect(serverUrl(3983, "::1")).toBe("http://[::1]:3983");
    expect(serverUrl(3983, "fd00::2")).toBe("http://[fd00::2]:3983");
    expect(serverUrl(8080, "my-laptop.local")).toBe("http://my-laptop.local:8080");
  });
});

describe("npm start", () => {
  const dir = mkdtempSync(join(tmpdir(), "verbatim-listen-test-"));
  const clean = () => rm(dir, { recursive: true, force: true });
  beforeAll(clean);
  afterAll(clean);

  it("builds the index the first time, finds it up to date the next, and says what it serves, in words that agree with the number", async () => {
    const seedsDir = join(dir, "seeds");
    const dataDir = join(dir, "data");
    await mkdir(seedsDir, { recursive: true });
    await writeFile(join(seedsDir, "2020-01-01-one-letter.txt"), "Inspectors found that every child in the home was safe.\n");
    const port = await new Promise<number>((resolve) => {
      const probe: Server = createServer().listen(0, "::1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const serving = `Verbatim is serving 1 document (1 passage) at http://[::1]:${port}`;
    const start = async () => {
      const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
        cwd: fileURLToPath(new URL("../..", import.meta.url)),
        env: { ...process.env, VERBATIM_SEEDS: seedsDir, VERBATIM_DATA: dataDir, HOST: "::1", PORT: String(port) },
      });
      try {
        const stdout = await new Promise<string>((resolve) => {
          let text = "";
          child.stdout.on("data", (chunk) => {
            text += chunk;
            if (text.includes(serving)) resolve(text);
          });
          child.on("close", () => resolve(text));
        });
        expect((await fetch(`http://[::1]:${port}/`)).status).toBe(200);
        // The build's seconds and size vary; every other word is asserted.
        return stdout.replace(/\d+\.\d+ (s|KB)\b/g, "N $1").split("\n");
      } finally {
        child.kill();
        await new Promise((resolve) => child.once("close", resolve));
      }
    };

    expect(await start()).toEqual([
      `Indexing ${seedsDir} into ${dataDir}/index`,
      "Indexed 1 document: 1 passage, 1 sentence (1 text embedded, 0 reused) in N s. Index size N KB.",
      serving,
      "",
    ]);
    expect(await start()).toEqual([
      `Indexing ${seedsDir} into ${dataDir}/index`,
      "The index is up to date: 1 document, 1 passage, 1 sentence (checked in N s). Use --force to rebuild.",
      serving,
      "",
    ]);
  });

  it("prints its usage without building anything when asked for help", async () => {
    const dataDir = join(dir, "help-data");
    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts", "--help"], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      env: { ...process.env, VERBATIM_SEEDS: join(dir, "seeds"), VERBATIM_DATA: dataDir },
    });
    let stdout = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    expect(await new Promise((resolve) => child.on("close", resolve))).toBe(0);
    expect(stdout).toBe("Usage: npm start (set PORT and HOST in the environment to choose where it listens)\n");
    expect(existsSync(dataDir)).toBe(false);
  });
});

describe("listening", () => {
  const open: { close(): unknown }[] = [];
  afterEach(() => {
    for (const server of open.splice(0)) server.close();
  });
  /** A port another program holds, on a real socket. */
  const occupied = () =>
    new Promise<number>((resolve) => {
      const holder: Server = createServer().listen(0, "127.0.0.1", () => resolve((holder.address() as { port: number }).port));
      open.push(holder);
    });

  it("serves the app once it listens", async () => {
    const port = await occupied();
    await new Promise((closed) => (open.pop() as Server).close(closed));
    const app = new Hono().get("/", (c) => c.text("here"));
    open.push(await listen(app, port, "127.0.0.1"));
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe("here");
  });

  it("answers a request Node refuses before the app sees it in the API's error shape", async () => {
    const port = await occupied();
    await new Promise((closed) => (open.pop() as Server).close(closed));
    open.push(await listen(new Hono().get("/api/search", (c) => c.text("searched")), port, "127.0.0.1"));
    const long = await fetch(`http://127.0.0.1:${port}/api/search?q=${"a".repeat(20_000)}`);
    expect(long.status).toBe(431);
    expect(long.headers.get("content-type")).toBe("application/json");
    expect(await long.json()).toEqual({
      error: { code: "headers_too_large", message: "The request's address or headers are larger than 16 KB. Send a long question in the body of POST /api/ask." },
    });
    // Not HTTP at all, on a raw socket.
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => socket.write("HELLO\r\n\r\n"));
      let text = "";
      socket.on("data", (chunk) => (text += chunk));
      socket.on("close", () => resolve(text));
    });
    expect(reply.split("\r\n")[0]).toBe("HTTP/1.1 400 Bad Request");
    expect(JSON.parse(reply.split("\r\n\r\n")[1])).toEqual({
      error: { code: "bad_request", message: "The request is not well-formed HTTP. Send it with an HTTP client or a browser." },
    });
    // The server goes on serving.
    expect(await (await fetch(`http://127.0.0.1:${port}/api/search?q=short`)).text()).toBe("searched");
  });

  it("says a port is taken and how to choose another, instead of crashing with a stack", async () => {
    const port = await occupied();
    await expect(listen(new Hono(), port, "127.0.0.1")).rejects.toThrow(
      new UserError(`Port ${port} on 127.0.0.1 is already in use, perhaps by another Verbatim. Stop that, or choose another port: PORT=3000 npm start.`),
    );
  });

  it("says a HOST is not this machine's", async () => {
    // 192.0.2.1 is reserved for documentation (RFC 5737): no machine has it.
    await expect(listen(new Hono(), 3999, "192.0.2.1")).rejects.toThrow(
      new UserError('HOST="192.0.2.1" is not an address of this machine. Use 127.0.0.1 to serve this machine only, or 0.0.0.0 to serve every network it is on.'),
    );
  });

  it("suggests another port than the one refused, and leaves an error it does not know as it is", () => {
    // Tests run as root here, where no port is refused; the error is the one Node gives a user without the right.
    const refused = Object.assign(new Error("listen EACCES: permission denied 0.0.0.0:80"), { code: "EACCES" });
    expect(listenFailure(refused, 80, "0.0.0.0")).toEqual(new UserError("This user may not listen on port 80. Choose a port above 1023: PORT=3000 npm start."));
    expect(listenFailure(Object.assign(new Error("in use"), { code: "EADDRINUSE" }), 3000, "127.0.0.1").message).toContain("PORT=3001 npm start");
    const strange = Object.assign(new Error("something else"), { code: "EWHATEVER" });
    expect(listenFailure(strange, 3000, "127.0.0.1")).toBe(strange);
  });
});
