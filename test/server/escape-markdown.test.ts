import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "../../server/answer/compose-answer.js";

/** The text a reader sees when the answer's quote line is rendered, as the page renders it. */
function rendered(quote: string): string {
  const html = marked.parse(`> ${escapeMarkdown(quote)} [1]`, { async: false });
  const text = html.replace(/<[^>]+>/g, "").trim();
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
}

describe("a quote in the answer's Markdown", () => {
  it("renders as exactly its own characters, whatever Markdown it resembles", () => {
    const quotes = [
      "12) Foster carers said the allowance had not risen since 2015.",
      "2019. Foster carers were paid late.",
      "1. The council agreed the plan.",
      "- affects your pecuniary interests",
      "+ one more placement",
      "B&amp;B placements ended &copy; 2019",
      "Caseloads * 2 are _too_ high: see `Annex` [3] <b>now</b> #1 | ~ \\",
    ];
    for (const quote of quotes) expect(rendered(quote)).toBe(`${quote} [1]`);
  });

  it("stays one paragraph of text, never a list", () => {
    for (const quote of ["12) twelve", "2016. Since then", "- item", "+ item"]) {
      const html = marked.parse(`> ${escapeMarkdown(quote)} [1]`, { async: false });
      expect(html).toBe(`<blockquote>\n<p>${quote} [1]</p>\n</blockquote>\n`);
    }
  });

  it("folds its line breaks to spaces, so it stays on its quote line", () => {
    expect(escapeMarkdown("Children are seen\n\n  within 24 hours.")).toBe("Children are seen within 24 hours.");
  });
});
