/** Middle value of some samples; the mean of the two middle ones for an even count. */
export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile: `percentile(xs, 95)` is the smallest sample at or above 95% of them. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Milliseconds since `start`, from `performance.now()`. */
export const msSince = (start: number) => performance.now() - start;

/** "12.3 ms" */
export const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

/** "4.21 s" */
export const sec = (x: number) => `${x.toFixed(2)} s`;

/** "1.4 MB" (10^6 bytes) with the exact byte count beside it. */
export const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB (${bytes.toLocaleString("en-GB")} bytes)`;

/** "p50 12.3 ms · p95 20.1 ms · max 31.0 ms" */
export const spread = (samples: number[]) => `p50 ${ms(percentile(samples, 50))} · p95 ${ms(percentile(samples, 95))} · max ${ms(Math.max(...samples))}`;
