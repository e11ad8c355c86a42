import { z } from "zod/v4";
import * as s from "./schemas.js";

const json = (schema: z.ZodType) => ({ "application/json": { schema: z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) } });
const error = (description: string) => ({ description, content: json(s.ErrorSchema) });

/** The OpenAPI 3.1 description of the API, generated from the same zod schemas that validate it. */
export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: { title: "Verbatim", version: "1", description: "Answers from official documents in their own words, with citations checkable to the character." },
    paths: {
      "/api/ask": {
        post: {
          summary: "Answer a question with verbatim, cited sentences, or abstain with a reason",
          requestBody: { required: true, content: json(s.AskRequestSchema) },
          responses: { 200: { description: "An answer or an abstention", content: json(s.AskResponseSchema) }, 400: error("Invalid request"), 413: error("Body too large") },
        },
      },
      "/api/documents": { get: { summary: "List the indexed documents", responses: { 200: { description: "Documents", content: json(s.DocumentsResponseSchema) } } } },
      "/api/documents/{id}": {
        get: {
          summary: "One document's metadata and original text, which citation offsets index into",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { 200: { description: "The document", content: json(s.DocumentResponseSchema) }, 404: error("Unknown document") },
        },
      },
      "/api/search": {
        get: {
          summary: "Ranked passages, without composing an answer",
          parameters: [
            { name: "q", in: "query", required: true, schema: { type: "string", maxLength: s.MAX_QUESTION } },
            { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 50 } },
          ],
          responses: { 200: { description: "Passages", content: json(s.SearchResponseSchema) }, 400: error("Invalid query") },
        },
      },
      "/api/verify": {
        post: {
          summary: "Check that a quote is exactly the text at [start, end) of a document",
          requestBody: { required: true, content: json(s.VerifyRequestSchema) },
          responses: { 200: { description: "Whether it matches, and the text actually there", content: json(s.VerifyResponseSchema) }, 400: error("Invalid request"), 404: error("Unknown document") },
        },
      },
      "/api/health": { get: { summary: "The index being served", responses: { 200: { description: "Index facts", content: json(s.HealthResponseSchema) } } } },
      "/api/openapi.json": { get: { summary: "This document", responses: { 200: { description: "OpenAPI 3.1" } } } },
    },
  };
}
