import { describe, expect, it } from "vitest";
import { nearestName } from "../../server/answer/nearest-name.js";

describe("the name an unknown one was probably meant for", () => {
  const places = ["Gloucestershire", "Worcestershire"];

  it("is a place it shortens, abbreviates or nearly spells", () => {
    expect(["Gloucester", "Glos", "Worcs", "Worcestshire", "worcestershir"].map((n) => nearestName(n, places))).toEqual([
      "Gloucestershire",
      "Gloucestershire",
      "Worcestershire",
      "Worcestershire",
      "Worcestershire",
    ]);
    expect(nearestName("FDD", ["FFD", "IRO", "PLO"])).toBe("FFD");
  });

  it("is nothing for a name unlike any, a short prefix, or one near two names", () => {
    expect(["Herefordshire", "Wales", "Wor", "Birmingham"].map((n) => nearestName(n, places))).toEqual([undefined, undefined, undefined, undefined]);
    expect(nearestName("IRA", ["IRO", "IRS"])).toBeUndefined();
  });
});
