import { maxHeaderSize } from "node:http";
import { isIPv6 } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import type { Hono } from "hono";
import { UserError } from "../indexer/user-error.js";
import { plainDecimal } from "../indexer/command-line.js";

const DEFAULT_PORT = 3000;

/** Where the server listens, from PORT and HOST; a PORT that is not a port is refused, not ignored. */
export function listenAddress(env: Record<string, string | undefined>): { port: number; host: string } {
  const raw = env.PORT?.trim();
  const port = raw ? plainDecimal(raw) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UserError(`PORT must be a whole number from 1 to 65535, not "${raw}". Unset it to listen on ${DEFAULT_PORT}.`);
  }
  return { port, host: env.HOST?.trim() || "127.0.0.1" };
}

/**
 * The address to open in a browser: a host that means every network is reached as localhost,
 * and an IPv6 address goes in brackets, or its colons would read as a port's (RFC 3986).
 * @example serverUrl(3000, "::1") // "http://[::1]:3000"
 */
export function serverUrl(port: number, host: string): string {
  const name = host === "0.0.0.0" || host === "::" ? "localhost" : isIPv6(host) ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/** What to tell the user when the server cannot listen; an error this does not know stays a bug. */
export function listenFailure(error: NodeJS.ErrnoException, port: number, host: string): Error {
  const another = `PORT=${port === DEFAULT_PORT ? DEFAULT_PORT + 1 : DEFAULT_PORT} npm start`;
  if (error.code === "EADDRINUSE") return new UserError(`Port ${port} on ${host} is already in use, perhaps by another Verbatim. Stop that, or choose another port: ${another}.`);
  if (error.code === "EACCES") return new UserError(`This user may not listen on port ${port}. Choose a port above 1023: ${another}.`);
  if (error.code === "EADDRNOTAVAIL" || error.code === "ENOTFOUND") {
    return new UserError(`HOST="${host}" is not an address of this machine. Use 127.0.0.1 to serve this machine only, or 0.0.0.0 to serve every network it is on.`);
  }
  return error;
}

/**
 * The reply to a request Node refuses before the app sees it: an address or headers over
 * Node's limit (16 KB unless --max-http-header-size says otherwise) would otherwise get a bare
 * 431, not the API's `{ error: { code, message } }`.
 */
export function refusedRequest(error: NodeJS.ErrnoException): string {
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const body = JSON.stringify({
    error: tooLarge
      ? { code: "headers_too_large", message: `The request's address or headers are larger than ${maxHeaderSize / 1024} KB. Send a long question in the body of POST /api/ask.` }
      : { code: "bad_request", message: "The request is not well-formed HTTP. Send it with an HTTP client or a browser." },
  });
  const status = tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request";
  return `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

/** Serves an app; resolves once it listens, or rejects with what to do when it cannot. */
export function listen(app: Hono, port: number, host: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(server));
    server.once("error", (error) => reject(listenFailure(error, port, host)));
    server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
      // A client gone, or a reply already begun, has nobody to tell.
      if (error.code === "ECONNRESET" || !socket.writable) socket.destroy();
      else socket.end(refusedRequest(error));
    });
  });
}
