/**
 * Calls the Verbatim API. Every outcome is a value: `{ ok: true, value }` or
 * `{ ok: false, message }` with a sentence fit to show the user.
 */
export async function requestJson(path, init = {}) {
  let response;
  try {
    response = await fetch(path, { ...init, headers: { accept: "application/json", ...init.headers } });
  } catch {
    return { ok: false, status: 0, message: "Could not reach the Verbatim server. Check your connection and try again." };
  }
  let body;
  try {
    body = await response.json();
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
