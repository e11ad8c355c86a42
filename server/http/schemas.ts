import { z } from "zod/v4";
import { DocumentSchema, SourceSchema } from "../../indexer/contract/schemas.js";

/** Longest question accepted, in characters. */
export const MAX_QUESTION = 2000;
export const MAX_CITATIONS = 20;
/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 64 * 1024;

/** A strict object whose unknown-field error lists the fields it does allow. */
function strictObject<T extends z.ZodRawShape>(shape: T) {
  const allowed = Object.keys(shape).join(", ");
  return z.strictObject(shape, { error: (issue) => (issue.code === "unrecognized_keys" ? `Allowed fields: ${allowed}.` : undefined) });
}

const isoDate = (field: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${field} must be a date written as YYYY-MM-DD, such as 2017-01-31.`)
    .refine((d) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().startsWith(d), `${field} is not a real date; write it as YYYY-MM-DD, such as 2017-01-31.`);

const nonEmptyList = z.array(z.string().min(1, "Filter values must not be empty strings.")).max(50, "A filter lists at most 50 values.");

export const FiltersSchema = strictObject({
  documentIds: nonEmptyList.optional(),
  publishers: nonEmptyList.optional(),
  places: nonEmptyList.optional(),
  kinds: nonEmptyList.optional(),
  from: isoDate("filters.from").optional(),
  to: isoDate("filters.to").optional(),
}).refine((f) => !f.from || !f.to || f.from <= f.to, {
  error: (issue) => {
    const f = issue.input as { from: string; to: string };
    return `filters.from (${f.from}) is after filters.to (${f.to}); swap them or widen the range.`;
  },
});
/** Which passages a question may draw on. Every field narrows; an empty filter allows all. Dates are ISO and inclusive. */
export type Filters = z.infer<typeof FiltersSchema>;

/** How to put a question, for messages about one that has nothing in it. */
/** The question messages give as an example: about any council's papers, not the seeds in particular. */
export const EXAMPLE_QUESTION = "What do the documents say about staffing?";
export const ASK_IN_WORDS = `Ask a question in words, such as "${EXAMPLE_QUESTION}".`;

const questionText = (field: string) =>
  z
    .string()
    .refine((q) => q.trim().length > 0, `${field} is empty. ${ASK_IN_WORDS}`)
    // Characters as a reader counts them: an emoji is one, though JavaScript's length counts two.
    .refine((q) => [...q].length <= MAX_QUESTION, {
      error: (issue) => `${field} is ${[...(issue.input as string)].length.toLocaleString("en-GB")} characters long; the limit is ${MAX_QUESTION.toLocaleString("en-GB")}. Shorten it.`,
    });

export const TurnSchema = strictObject({
  role: z.enum(["user", "assistant"], { error: 'Each history turn\'s role is "user" or "assistant".' }),
  content: z.string().max(20_000, "Each history turn's content is at most 20,000 characters."),
});
export type Turn = z.infer<typeof TurnSchema>;

export const AskRequestSchema = strictObject({
  question: questionText("question"),
  history: z.array(TurnSchema).max(20, "history holds at most 20 turns; send the most recent ones.").optional(),
  filters: FiltersSchema.optional(),
  maxCitations: z.number().int().min(1, "maxCitations must be at least 1.").max(MAX_CITATIONS, `maxCitations must be at most ${MAX_CITATIONS}.`).optional(),
});
export type AskRequest = z.infer<typeof AskRequestSchema>;

export const SearchQuerySchema = strictObject({
  q: questionText("q"),
  limit: z
    .string()
    .regex(/^\d+$/, { error: (issue) => `limit must be a whole number from 1 to 50, not "${String(issue.input)}".` })
    .transform(Number)
    .pipe(z.number().min(1, "limit must be at least 1.").max(50, "limit must be at most 50."))
    .optional(),
});

export const VerifyRequestSchema = strictObject({
  documentId: z.string().min(1, "documentId is empty; GET /api/documents lists the ids."),
  start: z.number().int().nonnegative("start must be 0 or more."),
  end: z.number().int().nonnegative("end must be 0 or more."),
  quote: z.string(),
}).refine((v) => v.start <= v.end, { error: "start must not be greater than end." });

/** A source's date as the index records it. */
const SOURCE_DATE = z.string().nullable().describe("YYYY-MM-DD; YYYY-MM for a document that gives only a month and year; null when it gives no date.");

export const CitationSchema = z.object({
  n: z.number().int(),
  documentId: z.string(),
  documentTitle: z.string().describe("The cited source's own title: an appended letter's title, not its pack's."),
  publisher: z.string(),
  date: SOURCE_DATE,
  author: z.string().optional(),
  within: SourceSchema.shape.within.describe("For a document inside a pack: the pack and the appendix."),
  section: z.array(z.string()),
  paragraph: z.string().nullable(),
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string().describe("Exactly the document text from start to end."),
  text: z.string().describe("The quote as it reads, with interrupting page furniture, Markdown markers and line breaks removed: for display and copying."),
  url: z.string().describe("Opens the source view at this passage."),
});
export type Citation = z.infer<typeof CitationSchema>;

/** A passage close to the question, offered beside an abstention, never as an answer. */
export const RelatedSchema = z.object({
  text: z.string().describe("The passage's first sentence, as a preview."),
  documentId: z.string(),
  documentTitle: z.string(),
  date: SOURCE_DATE,
  section: z.array(z.string()),
  start: z.number(),
  end: z.number(),
  url: z.string(),
});
export type Related = z.infer<typeof RelatedSchema>;

export const AskResponseSchema = z.object({
  answer: z.string().describe("Markdown: quotes grouped by source in date order, with [n] markers."),
  abstained: z.boolean(),
  reason: z.string().optional(),
  citations: z.array(CitationSchema),
  related: z.array(RelatedSchema).optional(),
  interpretedAs: z.string().optional().describe("The question as answered, when the conversation changed it."),
  timings: z.object({ totalMs: z.number(), embedMs: z.number(), searchMs: z.number(), composeMs: z.number() }),
});
export type AskResponse = z.infer<typeof AskResponseSchema>;

export const DocumentSummarySchema = DocumentSchema.pick({ id: true, title: true, publisher: true, place: true, kind: true, date: true, parts: true }).extend({
  passages: z.number().int(),
});

export const DocumentsResponseSchema = z.object({ documents: z.array(DocumentSummarySchema) });
export const DocumentResponseSchema = DocumentSummarySchema.extend({ text: z.string() });

export const SearchResponseSchema = z.object({
  results: z.array(
    z.object({
      rank: z.number().int(),
      score: z.number(),
      passageId: z.string(),
      documentId: z.string(),
      documentTitle: z.string(),
      publisher: z.string(),
      date: SOURCE_DATE,
      section: z.array(z.string()),
      paragraph: z.string().nullable(),
      start: z.number().int(),
      end: z.number().int(),
      text: z.string(),
      url: z.string(),
    }),
  ),
  reason: z.string().optional().describe("Why there are no results, when the documents lack what the query names: \"No document mentions xylophone.\""),
});

export const VerifyResponseSchema = z.object({ valid: z.boolean(), actual: z.string() });

export const HealthResponseSchema = z.object({
  status: z.literal("ok"),
  builtAt: z.string(),
  documents: z.number().int(),
  passages: z.number().int(),
  sentences: z.number().int(),
  embedder: z.object({ id: z.string(), dimensions: z.number().int() }),
});

export const ErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
