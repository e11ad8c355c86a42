import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** An HTTP failure with a status, a stable code and a sentence that says how to fix it. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Every error leaves the server as `{ error: { code, message } }`, never as a stack trace. */
export function errorResponse(c: Context, error: unknown) {
  if (error instanceof ApiError) return c.json({ error: { code: error.code, message: error.message } }, error.status);
  console.error(error);
  return c.json({ error: { code: "internal", message: "Something went wrong on the server; it has been logged. Try again, and report it if it happens again." } }, 500);
}
