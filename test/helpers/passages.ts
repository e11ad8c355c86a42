import { parseDocument } from "../../indexer/parse/parse-document.js";

/** Each passage of a text as its section path, paragraph number and sentences, for exact expectations. */
export function passagesOf(text: string) {
  return parseDocument("t", text).passages.map((p) => ({
    section: p.section.join(" > "),
    paragraph: p.paragraph,
    sentences: p.sentences.map((s) => text.slice(s.start, s.end)),
  }));
}
