import type { Context } from "hono";
import type { z } from "zod/v4";
import { ApiError } from "./errors.js";
import { EXAMPLE_QUESTION } from "./schemas.js";

type Issue = z.core.$ZodIssue & { input?: unknown };

const NOUNS: Record<string, string> = { int: "a whole number", object: "an object", array: "an array", number: "a number", string: "a string", boolean: "true or false" };

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "number" && Number.isNaN(value)) return "something that is not a number";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** True when a number was given where a number of another kind was asked for: 1.5 for a whole number, Infinity for a finite one. */
const numberOfWrongKind = (issue: Issue & { code: "invalid_type" }) =>
  (issue.expected === "int" || issue.expected === "number") && typeof issue.input === "number" && !Number.isNaN(issue.input);

/** One clear sentence for the first problem zod found: the field, what was wrong, what is allowed. */
export function describeIssue(issue: Issue): string {
  if (issue.path.length === 0 && issue.code === "custom") return issue.message;
  const field = issue.path.length > 0 ? issue.path.join(".") : "The request body";
  switch (issue.code) {
    case "unrecognized_keys":
      return `Unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")} in ${issue.path.length ? field : "the request"}. ${issue.message}`;
    case "invalid_type":
      if (issue.input === undefined) return `${field} is required.`;
      // A number of the wrong kind is named by its value: "must be a whole number, not 1.5", not "not a number".
      return `${field} must be ${NOUNS[issue.expected] ?? `a ${issue.expected}`}, not ${numberOfWrongKind(issue) ? issue.input : typeName(issue.input)}.`;
    case "too_big":
    case "too_small": {
      // The schemas' own messages name the field; zod's defaults ("Too big: expected int to be <…") do not.
      if (issue.message.startsWith(field)) return issue.message;
      const [limit, bound] = issue.code === "too_big" ? [issue.maximum, issue.inclusive ? "at most" : "less than"] : [issue.minimum, issue.inclusive ? "at least" : "more than"];
      return `${field} must be ${bound} ${Number(limit).toLocaleString("en-GB")}.`;
    }
    default:
      return issue.message.startsWith(field) ? issue.message : `${field}: ${issue.message}`;
  }
}

/** Parses input with a schema, or throws a 400 ApiError that names what was wrong. */
export function parseOr400<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw new ApiError(400, "invalid_request", describeIssue(result.error.issues[0] as Issue));
  return result.data;
}

/** The request's JSON body, or a 400 that says it is not JSON. */
export async function jsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  const example = `{"question": "${EXAMPLE_QUESTION}"}`;
  if (text.trim() === "") throw new ApiError(400, "invalid_request", `The request body is empty. Send JSON such as ${example}.`);
  try {
    return JSON.parse(text);
  } catch {
    // A form or a file sent by mistake says so in its content type.
    const type = c.req.header("content-type")?.split(";")[0].trim();
    const sentAs = type && type !== "application/json" ? ` (it was sent as ${type})` : "";
    throw new ApiError(400, "invalid_json", `The request body is not valid JSON${sentAs}. Send JSON such as ${example}, with Content-Type: application/json.`);
  }
}
