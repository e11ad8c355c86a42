import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { serveStatic } from "@hono/node-server/serve-static";
import type { DocumentRecord } from "../indexer/contract/schemas.js";
import { ask, prepareFor, type Engine } from "./answer/ask.js";
import { outsideTheDocuments } from "./answer/abstain.js";
import { sectionInSource, sourceUrl } from "./answer/compose-answer.js";
import { searchPassages } from "./retrieve/search.js";
import { ApiError, errorResponse } from "./http/errors.js";
import { jsonBody, parseOr400 } from "./http/validate.js";
import { ASK_IN_WORDS, AskRequestSchema, MAX_BODY_BYTES, SearchQuerySchema, VerifyRequestSchema } from "./http/schemas.js";
import { openApiDocument } from "./http/openapi.js";

export interface AppOptions {
  /** Folder of the chat page; omitted in API-only tests. */
  webDir?: string;
}

/** Said by every message about a path the API does not have. */
const DESCRIBED = "GET /api/openapi.json describes the API.";

function summary(doc: DocumentRecord, passages: number) {
  const { id, title, publisher, place, kind, date, parts } = doc;
  return { id, title, publisher, place, kind, date, passages, parts };
}

/** Builds the HTTP app over a loaded engine. Does no I/O while building: tests call `app.request()`. */
export function createApp(engine: Engine, options: AppOptions = {}) {
  const { index } = engine;
  const passageCounts = new Map<string, number>();
  for (const p of index.passages) passageCounts.set(p.documentId, (passageCounts.get(p.documentId) ?? 0) + 1);
  const documentOr404 = (id: string) => {
    const doc = index.documentById.get(id);
    if (!doc) throw new ApiError(404, "unknown_document", `No document has the id "${id}". GET /api/documents lists the ids.`);
    return doc;
  };

  const app = new Hono();
  app.onError((error, c) => errorResponse(c, error));
  // Built on first use, once every route is added: the methods the API answers at each route.
  let apiRoutes: { method: string; pattern: RegExp }[] | undefined;
  /** The methods the API answers at a path ("/api/documents/:id" matches any id). */
  const methodsFor = (path: string) => {
    if (!path.startsWith("/api/")) return [];
    apiRoutes ??= app.routes
      .filter((r) => r.method !== "ALL" && r.path.startsWith("/api/"))
      .map((r) => ({ method: r.method, pattern: new RegExp(`^${r.path.replace(/\./g, "\\.").replace(/:[^/]+/g, "[^/]+")}$`) }));
    return [...new Set(apiRoutes.filter((r) => r.pattern.test(path)).map((r) => r.method))];
  };
  let notFoundPage: Promise<string> | undefined;
  app.notFound(async (c) => {
    // A mistyped page address in a browser gets a page with a way back, not the API's JSON.
    if (options.webDir && !c.req.path.startsWith("/api/") && c.req.header("accept")?.includes("text/html")) {
      notFoundPage ??= readFile(join(options.webDir, "not-found.html"), "utf8");
      return c.html(await notFoundPage, 404);
    }
    const allowed = methodsFor(c.req.path);
    if (allowed.length > 0) {
      c.header("Allow", allowed.join(", "));
      return errorResponse(c, new ApiError(405, "method_not_allowed", `${c.req.path} takes ${allowed.join(" or ")}, not ${c.req.method}. ${DESCRIBED}`));
    }
    return errorResponse(c, new ApiError(404, "not_found", `There is no ${c.req.method} ${c.req.path}. ${DESCRIBED}`));
  });
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json({ error: { code: "body_too_large", message: `The request body is larger than ${MAX_BODY_BYTES.toLocaleString("en-GB")} bytes. Send a shorter question or less history.` } }, 413),
    }),
  );

  app.post("/api/ask", async (c) => {
    const body = parseOr400(AskRequestSchema, await jsonBody(c));
    const unknown = (body.filters?.documentIds ?? []).filter((id) => !index.documentById.has(id));
    if (unknown.length > 0) {
      throw new ApiError(400, "invalid_request", `filters.documentIds names no document: ${unknown.map((id) => `"${id}"`).join(", ")}. GET /api/documents lists the ids.`);
    }
    return c.json(await ask(engine, body));
  });

  app.get("/api/documents", (c) => c.json({ documents: index.documents.map((d) => summary(d, passageCounts.get(d.id) ?? 0)) }));

  app.get("/api/documents/:id", (c) => {
    const doc = documentOr404(c.req.param("id"));
    return c.json({ ...summary(doc, passageCounts.get(doc.id) ?? 0), text: doc.text });
  });

  app.get("/api/search", async (c) => {
    const { q, limit } = parseOr400(SearchQuerySchema, c.req.query());
    const query = prepareFor(engine, q);
    if (query.concepts.length === 0) throw new ApiError(400, "invalid_request", `q names nothing to search for. ${ASK_IN_WORDS}`);
    // Ranked passages for words no document uses would rank noise, the best of it scored 1.
    const reason = outsideTheDocuments(query, engine.facts, index);
    if (reason) return c.json({ results: [], reason });
    const [vector] = await engine.embedder.embed([query.embedText]);
    const hits = searchPassages(index, query, vector, { ...engine.search, limit: limit ?? 10 });
    return c.json({
      results: hits.map(({ passage: p, score }, i) => ({
        rank: i + 1,
        score: Number(score.toFixed(4)),
        passageId: p.id,
        documentId: p.documentId,
        documentTitle: p.source.title,
        publisher: p.source.publisher,
        date: p.source.date,
        section: sectionInSource(p.section, p.source),
        paragraph: p.paragraph,
        start: p.start,
        end: p.end,
        text: index.documentById.get(p.documentId)!.text.slice(p.start, p.end),
        url: sourceUrl(p.documentId, p.start, p.end),
      })),
    });
  });

  app.post("/api/verify", async (c) => {
    const { documentId, start, end, quote } = parseOr400(VerifyRequestSchema, await jsonBody(c));
    const doc = documentOr404(documentId);
    if (end > doc.text.length) throw new ApiError(400, "invalid_request", `end (${end.toLocaleString("en-GB")}) is past the end of ${documentId}, which has ${doc.text.length.toLocaleString("en-GB")} characters.`);
    const actual = doc.text.slice(start, end);
    return c.json({ valid: actual === quote, actual });
  });

  app.get("/api/health", (c) =>
    c.json({
      status: "ok" as const,
      builtAt: index.manifest.builtAt,
      documents: index.documents.length,
      passages: index.passages.length,
      sentences: index.sentences.length,
      embedder: index.manifest.embedder,
    }),
  );

  app.get("/api/openapi.json", (c) => c.json(openApiDocument()));

  if (options.webDir) {
    const root = options.webDir;
    // serveStatic resolves paths from the working folder; these are absolute, so any folder works.
    const vendor = (pkg: string) => fileURLToPath(new URL(`../node_modules/${pkg}`, import.meta.url));
    app.get("/vendor/marked.js", serveStatic({ path: vendor("marked/lib/marked.esm.js") }));
    app.get("/vendor/purify.js", serveStatic({ path: vendor("dompurify/dist/purify.es.mjs") }));
    app.get("/source/:id", serveStatic({ path: `${root}/source.html` }));
    app.get("/*", serveStatic({ root }));
  }
  return app;
}
