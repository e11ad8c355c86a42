import { z } from "zod/v4";

/**
 * The on-disk contract between the indexer and the server. Bump FORMAT_VERSION whenever
 * these shapes, the way passages are cut or the metadata read from a document change:
 * older indexes are then refused, and rebuilt re-using their vectors.
 */
export const FORMAT_VERSION = 59;
/** From this format on, sentences are embedded as `encoderText` gives them; before, as written. */
export const ENCODER_TEXT_SINCE = 8;

/** The place of a document whose text names none: a label, not a place a question can name. */
export const UNKNOWN_PLACE = "Unknown place";

export const SourceSchema = z.object({
  title: z.string(),
  publisher: z.string(),
  place: z.string(),
  kind: z.string(),
  /** "2017-01-24"; "2023-03" when the document gives only a month and year; null when it gives no date. */
  date: z.string().nullable(),
  author: z.string().optional(),
  /** Set for a document inside a pack: which pack, and which appendix of it. */
  within: z.object({ documentId: z.string(), title: z.string(), label: z.string() }).optional(),
});
/** Where a passage comes from, as a citation states it: a passage of an appendix cites the appendix. */
export type Source = z.infer<typeof SourceSchema>;

/** What passages and sentences share: where they are, what they sit under, whom they cite. */
const Located = z.object({
  id: z.string(),
  documentId: z.string(),
  /** `text.slice(start, end)` of the document's original text is exactly this piece. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  section: z.array(z.string()),
  paragraph: z.string().nullable(),
  source: SourceSchema,
  /** The words as searched and embedded: furniture and markup removed. */
  searchText: z.string(),
  /** Id of an earlier piece with the same words, shown once in answers. */
  duplicateOf: z.string().nullable(),
});

export const SentenceSchema = Located.extend({
  passageId: z.string(),
  /** True when the sentence opens an item of a bulleted or "1)" list, which goes on from the list's lead-in. */
  listItem: z.boolean(),
  /** True for a row of a table, its header row included. */
  tableRow: z.boolean(),
  /** Row of this sentence's vector in sentence-vectors.f32. */
  row: z.number().int().nonnegative(),
});
export type Sentence = z.infer<typeof SentenceSchema>;

/** A passage's searchText also starts with its section path. */
export const PassageSchema = Located.extend({ sentenceIds: z.array(z.string()) });
export type Passage = z.infer<typeof PassageSchema>;

export const DocumentSchema = z.object({
  id: z.string(),
  file: z.string(),
  hash: z.string(),
  title: z.string(),
  publisher: z.string(),
  place: z.string(),
  kind: z.string(),
  date: z.string().nullable(),
  parts: z.array(SourceSchema.omit({ within: true }).extend({ label: z.string(), start: z.number(), end: z.number() })),
  /** The original text, byte for byte as read: every offset indexes into it. */
  text: z.string(),
});
export type DocumentRecord = z.infer<typeof DocumentSchema>;

export const ManifestSchema = z.object({
  formatVersion: z.number().int(),
  embedder: z.object({ id: z.string(), dimensions: z.number().int().positive() }),
  builtAt: z.string(),
  documents: z.array(z.object({ id: z.string(), file: z.string(), hash: z.string() })),
  counts: z.object({ documents: z.number(), passages: z.number(), sentences: z.number() }),
  /** Bytes of every other file of the index, by path inside it: a file cut short or lost shows. Since format 9. */
  files: z.record(z.string(), z.number().int().nonnegative()).optional(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export const LexicalIndexSchema = z.object({
  /** term → [passage row, term frequency] pairs, flattened. */
  postings: z.record(z.string(), z.array(z.number())),
  lengths: z.array(z.number()),
  averageLength: z.number(),
});
export type LexicalIndex = z.infer<typeof LexicalIndexSchema>;

/** Acronyms the documents define, such as "Family Front Door (FFD)": FFD → "family front door". */
export const AcronymsSchema = z.record(z.string(), z.string());

/** File names inside an index folder. */
export const INDEX_FILES = {
  manifest: "manifest.json",
  documents: "documents.json",
  passages: "passages.json",
  sentences: "sentences.json",
  lexical: "lexical.json",
  acronyms: "acronyms.json",
  sentenceVectors: "sentence-vectors.f32",
  vectors: "vectors",
} as const;
