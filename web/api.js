/** Answers take seconds; a minute with no reply means the server is stuck, not slow. */
const TIMEOUT_MS = 60_000;

/**
 * Calls the Verbatim API. Every outcome is a value: `{ ok: true, value }` or
 * `{ ok: false, message }` with a sentence fit to show the user.
 */
export async function requestJson(path, init = {}) {
  // A page timer rather than AbortSignal.timeout(), so that a test's fake clock can run it.
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), TIMEOUT_MS);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout.signal]) : timeout.signal;
  let response;
  let text;
  try {
    response = await fetch(path, { ...init, signal, headers: { accept: "application/json", ...init.headers } });
    text = await response.text();
  } catch {
    const message = timeout.signal.aborted
      ? "The server did not reply within a minute. Ask again; if it keeps happening, the server may be down or overloaded."
      : "Could not reach the Verbatim server. Check your connection and try again.";
    return { ok: false, status: 0, message };
  } finally {
    clearTimeout(timer);
  }
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, status: response.status, message: `The server replied with an unreadable response (HTTP ${response.status}). Try again.` };
  }
  if (!response.ok) {
    const message = body?.error?.message ?? `The server replied with HTTP ${response.status}.`;
    return { ok: false, status: response.status, code: body?.error?.code, message };
  }
  return { ok: true, value: body };
}

/** POSTs JSON and reads JSON back; `signal` abandons the request. */
export function postJson(path, data, signal) {
  return requestJson(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(data), signal });
}
