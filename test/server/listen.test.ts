import { createServer, type Server } from "node:net";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import { listen, listenAddress, listenFailure } from "../../server/listen.js";
import { UserError } from "../../indexer/user-error.js";

describe("where the server listens", () => {
  it("reads PORT and HOST, defaulting to 127.0.0.1:3000", () => {
    expect(listenAddress({})).toEqual({ port: 3000, host: "127.0.0.1" });
    expect(listenAddress({ PORT: " 8080 ", HOST: "0.0.0.0" })).toEqual({ port: 8080, host: "0.0.0.0" });
    expect(listenAddress({ PORT: "" })).toEqual({ port: 3000, host: "127.0.0.1" });
  });

  it("refuses a PORT that is not a port, rather than quietly using another", () => {
    for (const port of ["abc", "0", "65536", "3000.5", "-1"]) {
      expect(() => listenAddress({ PORT: port })).toThrow(new UserError(`PORT must be a whole number from 1 to 65535, not "${port}". Unset it to listen on 3000.`));
    }
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
