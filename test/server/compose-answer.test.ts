import { describe, expect, it } from "vitest";
import { withTemporaryEngine } from "../helpers/engine.js";
import { composeAnswer } from "../../server/answer/compose-answer.js";
import type { ScoredSentence } from "../../server/answer/score-sentences.js";

// A report whose cover labels its author, and which credits a quote on a line of its own: lines that label rather than say anything.
const REPORT =
  "Wexcombe County Council\n\nPrivate fostering annual report 2023–24\n\nReport author: Tom Brackley, Private Fostering Lead\n\n" +
  "Introduction\n\nThe Fostering Service is based at Castle House in Wexbridge and works with families across the county.\n\n(foster carer, Wexbridge)\n\n" +
  "A close relative is a grandparent, brother, sister, uncle or aunt, whether of the full blood or half blood or by marriage.\n";

describe("each document's opening quote", () => {
  it("is the best that says something: a line that only labels or heads what follows gives way to a sentence scoring nearly as well", async () => {
    await withTemporaryEngine({ "2024-09-10-wexcombe-private-fostering.txt": REPORT }, async (engine) => {
      const { index } = engine;
      const scored = (start: string, score: number): ScoredSentence => {
        const sentence = index.sentences.find((s) => s.searchText.startsWith(start))!;
        return { sentence, coverage: 0, context: 0, dense: 0, passage: 0, fact: false, whole: false, header: false, score };
      };
      const opening = (chosen: ScoredSentence[]) => composeAnswer(index, chosen).citations[0].quote;
      expect(opening([scored("Report author", 0.9), scored("A close relative", 0.8)])).toBe(
        "A close relative is a grandparent, brother, sister, uncle or aunt, whether of the full blood or half blood or by marriage.",
      );
      expect(opening([scored("(foster carer", 0.9), scored("The Fostering Service is based", 0.8)])).toBe(
        "The Fostering Service is based at Castle House in Wexbridge and works with families across the county.",
      );
      // Far better, the label still opens: it is what was found.
      expect(opening([scored("Report author", 0.9), scored("A close relative", 0.5)])).toBe("Report author: Tom Brackley, Private Fostering Lead");
    });
  });
});
