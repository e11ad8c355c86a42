/** One printed row: what was measured and the figure, with its unit. */
export type Row = [measure: string, figure: string];

export interface Section {
  title: string;
  rows: Row[];
}

/** Prints sections as one two-column table, so every figure lines up under the last. */
export function printTable(sections: Section[]): void {
  const width = Math.max(...sections.flatMap((s) => s.rows.map(([m]) => m.length)));
  const rule = "─".repeat(width + 2) + "┼" + "─".repeat(50);
  for (const { title, rows } of sections) {
    console.log(`\n${title}`);
    console.log(rule);
    for (const [measure, figure] of rows) console.log(` ${measure.padEnd(width)} │ ${figure}`);
  }
  console.log("");
}
