import { createApp } from "../server/app.js";
import type { Engine } from "../server/answer/ask.js";
import { msSince } from "./stats.js";

type App = ReturnType<typeof createApp>;

export interface QueryFigures {
  /** `timings.totalMs` from each answer: the engine's own account. */
  totalMs: number[];
  /** The parts of `totalMs`, as each answer reports them. */
  parts: { embedMs: number[]; searchMs: number[]; composeMs: number[] };
  /** Request to parsed JSON, through Hono: what a caller waits for, less the network. */
  wallMs: number[];
  abstained: number;
  /** "status: message" for each request that did not answer 200. */
  failures: string[];
  /** GET /api/search, request to parsed JSON. */
  searchWallMs: number[];
}

async function askOnce(app: App, question: string) {
  const res = await app.request("/api/ask", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question }) });
  return { status: res.status, body: (await res.json()) as any };
}

async function searchOnce(app: App, q: string) {
  const res = await app.request(`/api/search?${new URLSearchParams({ q })}`);
  return { status: res.status, body: (await res.json()) as any };
}

const failure = (question: string, r: { status: number; body: any }) => `${r.status} for "${question.slice(0, 50)}": ${r.body?.error?.message ?? JSON.stringify(r.body).slice(0, 120)}`;

/**
 * Asks every question `passes` times through the real app, after one warm-up question,
 * searching for each right after asking it, so both see the same load on the machine.
 */
export async function benchQueries(engine: Engine, questions: string[], passes = 3): Promise<QueryFigures> {
  const app = createApp(engine);
  const figures: QueryFigures = { totalMs: [], parts: { embedMs: [], searchMs: [], composeMs: [] }, wallMs: [], abstained: 0, failures: [], searchWallMs: [] };
  await askOnce(app, questions[0]);
  await searchOnce(app, questions[0]);
  for (let pass = 0; pass < passes; pass++) {
    for (const question of questions) {
      let start = performance.now();
      const r = await askOnce(app, question);
      const wall = msSince(start);
      if (r.status === 200) {
        figures.wallMs.push(wall);
        figures.totalMs.push(r.body.timings.totalMs);
        for (const part of ["embedMs", "searchMs", "composeMs"] as const) figures.parts[part].push(r.body.timings[part]);
        if (pass === 0 && r.body.abstained) figures.abstained++;
      } else if (pass === 0) figures.failures.push(failure(question, r));

      start = performance.now();
      const s = await searchOnce(app, question);
      if (s.status === 200) figures.searchWallMs.push(msSince(start));
      else if (pass === 0) figures.failures.push(`search ${failure(question, s)}`);
    }
  }
  return figures;
}
