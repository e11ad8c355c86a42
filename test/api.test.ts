import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configFromEnv } from "../indexer/config.js";
import type { Engine } from "../server/answer/ask.js";
import { escapeMarkdown } from "../server/answer/compose-answer.js";
import { createApp } from "../server/app.js";
import { seedEngine } from "./helpers/engine.js";
import { AGENDA_PARTS, SEED_DOCUMENTS } from "./helpers/seed-metadata.js";

const config = configFromEnv();
let engine: Engine;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  engine = await seedEngine();
  app = createApp(engine);
});

afterAll(async () => {
  await engine?.embedder.close();
});

const AGENDA = "2017-10-24-worcestershire-scrutiny-panel-agenda";
const GLOUCESTERSHIRE = "2018-06-08-ofsted-gloucestershire-monitoring-visit-3";
const ASK_EXAMPLE = 'Send JSON such as {"question": "What do the documents say about staffing?"}.';
const EMPTY_QUESTION = 'question is empty. Ask a question in words, such as "What do the documents say about staffing?".';
const ALLOWED_ASK_FIELDS = "Allowed fields: question, history, filters, maxCitations.";
const TOO_LARGE = "The request body is larger than 65,536 bytes. Send a shorter question or less history.";

/** A line of a V8 stack trace ("at fn (/path/file.ts:1:2)", "at file:///…", "at node:internal/…"). */
const STACK_FRAME = /\bat\s+(?:\S+\s+\()?(?:file:\/\/|node:|\/|[A-Za-z]:\\)/;

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return app.request(path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
}
const postJson = (path: string, body: unknown) => post(path, JSON.stringify(body));

/** The body as text and as JSON, so a test can check both what it says and that it leaks nothing. */
async function read(res: Response): Promise<{ status: number; type: string | null; raw: string; json: any }> {
  const raw = await res.text();
  return { status: res.status, type: res.headers.get("content-type"), raw, json: JSON.parse(raw) };
}

async function documentText(id: string): Promise<string> {
  const res = await app.request(`/api/documents/${encodeURIComponent(id)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { text: string }).text;
}

interface ErrorCase {
  name: string;
  send: () => Response | Promise<Response>;
  status: number;
  code: string;
  message: string;
}

/** `turns` user turns, each with this content. */
const history = (turns: number, content: string) => Array.from({ length: turns }, () => ({ role: "user", content }));

const errorCases: ErrorCase[] = [
  // POST /api/ask: the question
  { name: "ask: empty question", send: () => postJson("/api/ask", { question: "" }), status: 400, code: "invalid_request", message: EMPTY_QUESTION },
  { name: "ask: whitespace-only question", send: () => postJson("/api/ask", { question: "   \n" }), status: 400, code: "invalid_request", message: EMPTY_QUESTION },
  {
    name: "ask: 2,001-character question",
    send: () => postJson("/api/ask", { question: "a".repeat(2001) }),
    status: 400,
    code: "invalid_request",
    message: "question is 2,001 characters long; the limit is 2,000. Shorten it.",
  },
  {
    name: "ask: a filter naming a document that does not exist",
    send: () => postJson("/api/ask", { question: "caseloads", filters: { documentIds: ["nope", "2018-06-08-ofsted-gloucestershire-monitoring-visit-3"] } }),
    status: 400,
    code: "invalid_request",
    message: 'filters.documentIds names no document: "nope". GET /api/documents lists the ids.',
  },
  // Unknown fields
  {
    name: "ask: unknown top-level field",
    send: () => postJson("/api/ask", { question: "x", foo: 1 }),
    status: 400,
    code: "invalid_request",
    message: `Unknown field "foo" in the request. ${ALLOWED_ASK_FIELDS}`,
  },
  {
    name: "ask: two unknown top-level fields",
    send: () => postJson("/api/ask", { question: "x", a: 1, b: 2 }),
    status: 400,
    code: "invalid_request",
    message: `Unknown fields "a", "b" in the request. ${ALLOWED_ASK_FIELDS}`,
  },
  {
    name: "ask: unknown field inside filters",
    send: () => postJson("/api/ask", { question: "x", filters: { bar: 1 } }),
    status: 400,
    code: "invalid_request",
    message: 'Unknown field "bar" in filters. Allowed fields: documentIds, publishers, places, kinds, from, to.',
  },
  // Wrong types
  { name: "ask: question is a number", send: () => postJson("/api/ask", { question: 42 }), status: 400, code: "invalid_request", message: "question must be a string, not a number." },
  {
    name: "ask: maxCitations is a string",
    send: () => postJson("/api/ask", { question: "x", maxCitations: "3" }),
    status: 400,
    code: "invalid_request",
    message: "maxCitations must be a number, not a string.",
  },
  { name: "ask: history is a string", send: () => postJson("/api/ask", { question: "x", history: "x" }), status: 400, code: "invalid_request", message: "history must be an array, not a string." },
  { name: "ask: body is an array", send: () => post("/api/ask", "[]"), status: 400, code: "invalid_request", message: "The request body must be an object, not an array." },
  { name: "ask: body is null", send: () => post("/api/ask", "null"), status: 400, code: "invalid_request", message: "The request body must be an object, not null." },
  // Ranges
  { name: "ask: maxCitations 0", send: () => postJson("/api/ask", { question: "x", maxCitations: 0 }), status: 400, code: "invalid_request", message: "maxCitations must be at least 1." },
  { name: "ask: maxCitations 1.5", send: () => postJson("/api/ask", { question: "x", maxCitations: 1.5 }), status: 400, code: "invalid_request", message: "maxCitations must be a whole number, not 1.5." },
  { name: "ask: maxCitations 1e400", send: () => post("/api/ask", '{"question": "x", "maxCitations": 1e400}'), status: 400, code: "invalid_request", message: "maxCitations must be a number, not Infinity." },
  {
    name: "ask: a question of 2,001 characters, each an emoji that JavaScript counts as two",
    send: () => postJson("/api/ask", { question: "🙂".repeat(2001) }),
    status: 400,
    code: "invalid_request",
    message: "question is 2,001 characters long; the limit is 2,000. Shorten it.",
  },
  { name: "ask: maxCitations 21", send: () => postJson("/api/ask", { question: "x", maxCitations: 21 }), status: 400, code: "invalid_request", message: "maxCitations must be at most 20." },
  {
    name: "ask: history with 21 turns",
    send: () => postJson("/api/ask", { question: "x", history: history(21, "hi") }),
    status: 400,
    code: "invalid_request",
    message: "history holds at most 20 turns; send the most recent ones.",
  },
  // Dates
  {
    name: "ask: filters.from 2018-13-45 (shaped like a date, not one)",
    send: () => postJson("/api/ask", { question: "x", filters: { from: "2018-13-45" } }),
    status: 400,
    code: "invalid_request",
    message: "filters.from is not a real date; write it as YYYY-MM-DD, such as 2017-01-31.",
  },
  {
    name: "ask: filters.from 2018-02-30 (a day February does not have)",
    send: () => postJson("/api/ask", { question: "x", filters: { from: "2018-02-30" } }),
    status: 400,
    code: "invalid_request",
    message: "filters.from is not a real date; write it as YYYY-MM-DD, such as 2017-01-31.",
  },
  {
    name: "ask: filters.from 'not a date'",
    send: () => postJson("/api/ask", { question: "x", filters: { from: "not a date" } }),
    status: 400,
    code: "invalid_request",
    message: "filters.from must be a date written as YYYY-MM-DD, such as 2017-01-31.",
  },
  {
    name: "ask: filters.from after filters.to",
    send: () => postJson("/api/ask", { question: "x", filters: { from: "2018-02-01", to: "2017-01-01" } }),
    status: 400,
    code: "invalid_request",
    message: "filters.from (2018-02-01) is after filters.to (2017-01-01); swap them or widen the range.",
  },
  // The body itself
  {
    name: "ask: invalid JSON",
    send: () => post("/api/ask", '{"question": "unterminated'),
    status: 400,
    code: "invalid_json",
    message: 'The request body is not valid JSON. Send JSON such as {"question": "What do the documents say about staffing?"}, with Content-Type: application/json.',
  },
  {
    name: "ask: a form sent where JSON belongs",
    send: () => post("/api/ask", "question=missing+children", { "content-type": "application/x-www-form-urlencoded" }),
    status: 400,
    code: "invalid_json",
    message:
      'The request body is not valid JSON (it was sent as application/x-www-form-urlencoded). Send JSON such as {"question": "What do the documents say about staffing?"}, with Content-Type: application/json.',
  },
  { name: "ask: empty body", send: () => post("/api/ask", ""), status: 400, code: "invalid_request", message: `The request body is empty. ${ASK_EXAMPLE}` },
  // The size limit is checked on bytes, before the body is parsed: the 20,000-character
  // limit on a turn's content would give a 400, so a 413 proves the size check ran first.
  {
    name: "ask: 70,000-character history turn, streamed without Content-Length",
    send: () => postJson("/api/ask", { question: "x", history: history(1, "a".repeat(70_000)) }),
    status: 413,
    code: "body_too_large",
    message: TOO_LARGE,
  },
  {
    name: "ask: 70,000-character history turn, with Content-Length",
    send: () => {
      const body = JSON.stringify({ question: "x", history: history(1, "a".repeat(70_000)) });
      return post("/api/ask", body, { "content-length": String(Buffer.byteLength(body)) });
    },
    status: 413,
    code: "body_too_large",
    message: TOO_LARGE,
  },
  {
    name: "ask: body over 64 KiB in bytes though under it in characters",
    // 2 × 17,000 "€" = 34,000 characters but 102,000 bytes of UTF-8.
    send: () => postJson("/api/ask", { question: "x", history: history(2, "€".repeat(17_000)) }),
    status: 413,
    code: "body_too_large",
    message: TOO_LARGE,
  },
  {
    name: "ask: body of 65,537 bytes",
    send: () => post("/api/ask", '{"question": ""}'.padEnd(65_537, " ")),
    status: 413,
    code: "body_too_large",
    message: TOO_LARGE,
  },
  {
    name: "ask: body of exactly 65,536 bytes passes the size check and reaches validation",
    send: () => post("/api/ask", '{"question": ""}'.padEnd(65_536, " ")),
    status: 400,
    code: "invalid_request",
    message: EMPTY_QUESTION,
  },
  // Routes and documents
  {
    name: "unknown route",
    send: () => app.request("/api/nope"),
    status: 404,
    code: "not_found",
    message: "There is no GET /api/nope. GET /api/openapi.json describes the API.",
  },
  {
    name: "known path, wrong method",
    send: () => app.request("/api/ask"),
    status: 405,
    code: "method_not_allowed",
    message: "/api/ask takes POST, not GET. GET /api/openapi.json describes the API.",
  },
  {
    name: "a document's path, wrong method",
    send: () => app.request("/api/documents/anything", { method: "DELETE" }),
    status: 405,
    code: "method_not_allowed",
    message: "/api/documents/anything takes GET, not DELETE. GET /api/openapi.json describes the API.",
  },
  {
    name: "unknown document",
    send: () => app.request("/api/documents/nope"),
    status: 404,
    code: "unknown_document",
    message: 'No document has the id "nope". GET /api/documents lists the ids.',
  },
  // GET /api/search
  {
    name: "search: limit=0",
    send: () => app.request("/api/search?q=return%20home%20interviews&limit=0"),
    status: 400,
    code: "invalid_request",
    message: "limit must be at least 1.",
  },
  {
    name: "search: limit=51",
    send: () => app.request("/api/search?q=return%20home%20interviews&limit=51"),
    status: 400,
    code: "invalid_request",
    message: "limit must be at most 50.",
  },
  {
    name: "search: limit=abc",
    send: () => app.request("/api/search?q=return%20home%20interviews&limit=abc"),
    status: 400,
    code: "invalid_request",
    message: 'limit must be a whole number from 1 to 50, not "abc".',
  },
  {
    name: "search: limit=1.5",
    send: () => app.request("/api/search?q=return%20home%20interviews&limit=1.5"),
    status: 400,
    code: "invalid_request",
    message: 'limit must be a whole number from 1 to 50, not "1.5".',
  },
  {
    name: "search: q of no words",
    send: () => app.request("/api/search?q=%3F%3F%3F"),
    status: 400,
    code: "invalid_request",
    message: 'q names nothing to search for. Ask a question in words, such as "What do the documents say about staffing?".',
  },
  {
    name: "search: missing q",
    send: () => app.request("/api/search"),
    status: 400,
    code: "invalid_request",
    message: "q is required.",
  },
  {
    name: "search: empty q",
    send: () => app.request("/api/search?q="),
    status: 400,
    code: "invalid_request",
    message: 'q is empty. Ask a question in words, such as "What do the documents say about staffing?".',
  },
  // POST /api/verify
  {
    name: "verify: unknown documentId",
    send: () => postJson("/api/verify", { documentId: "nope", start: 0, end: 1, quote: "x" }),
    status: 404,
    code: "unknown_document",
    message: 'No document has the id "nope". GET /api/documents lists the ids.',
  },
  {
    name: "verify: start > end",
    send: () => postJson("/api/verify", { documentId: GLOUCESTERSHIRE, start: 5, end: 1, quote: "x" }),
    status: 400,
    code: "invalid_request",
    message: "start must not be greater than end.",
  },
  {
    name: "verify: end beyond any whole number JavaScript holds exactly",
    send: () => postJson("/api/verify", { documentId: GLOUCESTERSHIRE, start: 0, end: 1e20, quote: "x" }),
    status: 400,
    code: "invalid_request",
    message: "end must be less than 9,007,199,254,740,991.",
  },
  {
    name: "verify: end past the end of the text",
    send: () => postJson("/api/verify", { documentId: GLOUCESTERSHIRE, start: 0, end: 10_000_000, quote: "x" }),
    status: 400,
    code: "invalid_request",
    // The seed file is 13,069 characters; the documents tests below check the served text is that file.
    message: `end (10,000,000) is past the end of ${GLOUCESTERSHIRE}, which has 13,069 characters.`,
  },
];

describe("error responses", () => {
  it("the stack-trace matcher recognises a real stack, so its absence below means something", () => {
    expect(new Error("probe").stack).toMatch(STACK_FRAME);
    expect("maxCitations must be at least 1.").not.toMatch(STACK_FRAME);
  });

  for (const c of errorCases) {
    it(`${c.name} → ${c.status} ${c.code}`, async () => {
      const res = await read(await c.send());
      expect(res.status).toBe(c.status);
      expect(res.type).toBe("application/json");
      expect(res.json).toEqual({ error: { code: c.code, message: c.message } });
      expect(res.raw).not.toMatch(STACK_FRAME);
      expect(res.raw).not.toContain("Error:");
    });
  }
});

describe("GET /api/documents", () => {
  it("lists the seed documents in order, with their metadata and embedded parts", async () => {
    const res = await app.request("/api/documents");
    expect(res.status).toBe(200);
    const { documents } = (await res.json()) as { documents: { passages: number; parts: Record<string, unknown>[] }[] };

    // Passage counts depend on how passages are cut, which is still being tuned.
    expect(documents.map(({ passages, parts, ...meta }) => meta)).toEqual(SEED_DOCUMENTS.map(({ file: _file, ...meta }) => meta));
    for (const d of documents) expect(d.passages).toBeGreaterThan(0);
    expect(documents.reduce((n, d) => n + d.passages, 0)).toBe(engine.index.passages.length);

    expect(documents.map((d) => d.parts.length)).toEqual([0, 0, 2, 0, 0]);
    expect(documents[2].parts.map(({ start: _s, end: _e, ...p }) => p)).toEqual(AGENDA_PARTS);
  });

  it("gives the agenda's parts as ordered, non-overlapping spans inside its text", async () => {
    const text = await documentText(AGENDA);
    const { documents } = (await (await app.request("/api/documents")).json()) as { documents: { id: string; parts: { start: number; end: number }[] }[] };
    const [first, second] = documents.find((d) => d.id === AGENDA)!.parts;
    expect(first.start).toBeGreaterThan(0);
    expect(first.start).toBeLessThan(first.end);
    expect(first.end).toBeLessThanOrEqual(second.start);
    expect(second.start).toBeLessThan(second.end);
    expect(second.end).toBeLessThanOrEqual(text.length);
  });
});

describe("GET /api/documents/:id", () => {
  it("indexes exactly the files in seeds/", async () => {
    expect(engine.index.documents.map((d) => d.file).sort()).toEqual((await readdir(config.seedsDir)).sort());
  });

  it("returns each document's summary and its text, byte for byte the seed file", async () => {
    const { documents } = (await (await app.request("/api/documents")).json()) as { documents: { id: string }[] };
    expect(engine.index.documents).toHaveLength(5);
    for (const { id, file } of engine.index.documents) {
      const res = await app.request(`/api/documents/${id}`);
      expect(res.status).toBe(200);
      const { text, ...summary } = (await res.json()) as { text: string };
      expect(summary).toEqual(documents.find((d) => d.id === id));
      expect(text).toBe(await readFile(join(config.seedsDir, file), "utf8"));
    }
  });
});

describe("GET /api/search", () => {
  it("returns `limit` ranked passages whose text is the document's text at [start, end)", async () => {
    const res = await app.request("/api/search?q=return%20home%20interviews&limit=3");
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as {
      results: { rank: number; score: number; documentId: string; start: number; end: number; text: string; url: string; passageId: string }[];
    };
    expect(Object.keys(results[0])).toMatchInlineSnapshot(`
      [
        "rank",
        "score",
        "passageId",
        "documentId",
        "documentTitle",
        "publisher",
        "date",
        "section",
        "paragraph",
        "start",
        "end",
        "text",
        "url",
      ]
    `);
    expect(results.map((r) => r.rank)).toEqual([1, 2, 3]);
    for (let i = 1; i < results.length; i++) expect(results[i].score).toBeLessThanOrEqual(results[i - 1].score);
    for (const r of results) {
      expect(r.text).toBe((await documentText(r.documentId)).slice(r.start, r.end));
      expect(r.text).toMatch(/return home interview/i);
      expect(r.passageId.startsWith(`${r.documentId}:`)).toBe(true);
      expect(r.url).toBe(`/source/${r.documentId}?start=${r.start}&end=${r.end}#cited`);
    }
  });

  it("returns no passages, and says why, for words or names no document uses", async () => {
    for (const [q, reason] of [
      ["xylophone", "No document mentions xylophone."],
      ["Herefordshire caseloads", "No document mentions Herefordshire."],
      ["caseloads in 2022", "The documents date from 2010 to 2018; none covers 2022."],
    ]) {
      const res = await app.request(`/api/search?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ results: [], reason });
    }
    // Thanks is a word to search for, though not a question to answer.
    const thanks = (await (await app.request("/api/search?q=thanks&limit=1")).json()) as { results: { text: string }[] };
    expect(thanks.results[0].text).toMatch(/thank/);
  });
});

describe("a known API path asked with the wrong method", () => {
  it("answers 405 with the methods it takes in Allow", async () => {
    const cases: [string, string, string][] = [["GET", "/api/ask", "POST"], ["POST", "/api/search", "GET"], ["PUT", "/api/verify", "POST"], ["POST", "/api/openapi.json", "GET"]];
    for (const [method, path, allow] of cases) {
      const res = await app.request(path, { method });
      expect([res.status, res.headers.get("allow")]).toEqual([405, allow]);
    }
    expect((await app.request("/api/nope", { method: "POST" })).status).toBe(404);
  });
});

describe("POST /api/verify", () => {
  const sentence = "The local authority has in place effective systems for monitoring performance in relation to missing children.";

  async function span() {
    const text = await documentText(GLOUCESTERSHIRE);
    const start = text.indexOf(sentence);
    expect(start).toBeGreaterThan(0);
    expect(text.indexOf(sentence, start + 1)).toBe(-1);
    return { start, end: start + sentence.length };
  }

  it("confirms a quote that is exactly the text at [start, end)", async () => {
    const res = await postJson("/api/verify", { documentId: GLOUCESTERSHIRE, ...(await span()), quote: sentence });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ valid: true, actual: sentence });
  });

  it("rejects a quote with one character changed, and returns the real text", async () => {
    const altered = sentence.replace("effective", "effeсtive"); // Cyrillic "с": looks the same, is not
    expect(altered).not.toBe(sentence);
    expect(altered).toHaveLength(sentence.length);
    const res = await postJson("/api/verify", { documentId: GLOUCESTERSHIRE, ...(await span()), quote: altered });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ valid: false, actual: sentence });
  });
});

describe("GET /api/health", () => {
  it("reports the index being served", async () => {
    const res = await app.request("/api/health");
    expect(res.status).toBe(200);
    const { manifest } = engine.index;
    expect(manifest.counts.documents).toBe(5);
    expect(await res.json()).toEqual({
      status: "ok",
      builtAt: manifest.builtAt,
      documents: manifest.counts.documents,
      passages: manifest.counts.passages,
      sentences: manifest.counts.sentences,
      embedder: { id: "use-lite-512", dimensions: 512 },
    });
    expect(engine.index.passages).toHaveLength(manifest.counts.passages);
    expect(engine.index.sentences).toHaveLength(manifest.counts.sentences);
  });
});

describe("GET /api/openapi.json", () => {
  it("describes every route, and the ask body as the validator enforces it", async () => {
    const res = await app.request("/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, any> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(["/api/ask", "/api/documents", "/api/documents/{id}", "/api/search", "/api/verify", "/api/health", "/api/openapi.json"]);
    const schema = doc.paths["/api/ask"].post.requestBody.content["application/json"].schema;
    expect(schema.required).toEqual(["question"]);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(["question", "history", "filters", "maxCitations"]);
    expect(schema.properties.maxCitations).toEqual({ type: "integer", minimum: 1, maximum: 20 });
  });

  it("describes every field the documents list really returns, parts included", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as { paths: Record<string, any> };
    const listed = doc.paths["/api/documents"].get.responses[200].content["application/json"].schema.properties.documents.items;
    const { documents } = (await (await app.request("/api/documents")).json()) as { documents: Record<string, unknown>[] };
    const agenda = documents.find((d) => d.id === AGENDA)!;
    expect(Object.keys(listed.properties).sort()).toEqual(Object.keys(agenda).sort());
    const parts = agenda.parts as Record<string, unknown>[];
    expect(Object.keys(listed.properties.parts.items.properties).sort()).toEqual(Object.keys(parts[1]).sort());
  });
});

describe("POST /api/ask", () => {
  const question = "What did inspectors say about children who go missing from home or care?";

  it("answers in the documents' own words, every citation checkable to the character", async () => {
    const res = await postJson("/api/ask", { question });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      answer: string;
      abstained: boolean;
      citations: { n: number; documentId: string; start: number; end: number; quote: string; text: string; url: string }[];
      timings: Record<string, number>;
    };
    // Shapes only: which sentences are chosen depends on retrieval tuning still in progress.
    expect(Object.keys(body)).toMatchInlineSnapshot(`
      [
        "answer",
        "abstained",
        "citations",
        "timings",
      ]
    `);
    expect(Object.keys(body.timings)).toMatchInlineSnapshot(`
      [
        "totalMs",
        "embedMs",
        "searchMs",
        "composeMs",
      ]
    `);
    // author and within appear only for a source with an author or inside a pack.
    const required = (c: object) => Object.keys(c).filter((k) => k !== "author" && k !== "within");
    for (const c of body.citations) expect(required(c)).toEqual(required(body.citations[0]));
    expect(required(body.citations[0])).toMatchInlineSnapshot(`
      [
        "n",
        "documentId",
        "documentTitle",
        "publisher",
        "date",
        "section",
        "paragraph",
        "start",
        "end",
        "quote",
        "text",
        "url",
      ]
    `);

    expect(body.abstained).toBe(false);
    expect(body.answer.startsWith("Found in ")).toBe(true);
    const sources = body.answer.match(/^### /gm)?.length ?? 0;
    expect(body.answer.startsWith(`Found in ${sources === 1 ? "1 document" : `${sources} documents`}`)).toBe(true);
    expect(body.citations.length).toBeGreaterThan(0);
    expect(body.citations.map((c) => c.n)).toEqual(body.citations.map((_, i) => i + 1));
    for (const c of body.citations) {
      expect(c.quote).toBe((await documentText(c.documentId)).slice(c.start, c.end));
      expect(c.url).toBe(`/source/${c.documentId}?start=${c.start}&end=${c.end}#cited`);
      expect(body.answer).toContain(`> ${escapeMarkdown(c.text)} [${c.n}]`);
    }
    // Every marker in the answer belongs to a citation, and every citation is marked.
    const markers = [...body.answer.matchAll(/ \[(\d+)\]$/gm)].map((m) => Number(m[1]));
    expect(markers).toEqual(body.citations.map((c) => c.n));
  });
});
