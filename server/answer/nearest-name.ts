/** Edits (insert, delete, replace, swap two neighbours) that turn one word into another. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** True when `short` abbreviates `long` as place names are ("Worcs", "Glos"): its opening, then its letters in order. */
function abbreviates(short: string, long: string): boolean {
  if (short.length < 4 || !long.startsWith(short.slice(0, 3))) return false;
  let at = 3;
  for (const letter of short.slice(3)) {
    at = long.indexOf(letter, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/**
 * The name the documents use that an unknown one was probably meant for: a place it
 * shortens ("Gloucester", "Worcs") or a near spelling ("Worcestshire", "FDD" for FFD).
 * Nothing when more than one name would do.
 */
export function nearestName(name: string, known: string[]): string | undefined {
  const asked = name.toLowerCase();
  const slack = asked.length >= 8 ? 2 : 1;
  const near = known.filter((k) => abbreviates(asked, k.toLowerCase()) || editDistance(asked, k.toLowerCase()) <= slack);
  return near.length === 1 ? near[0] : undefined;
}
