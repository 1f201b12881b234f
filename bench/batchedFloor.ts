/*
 * The batched-PromQL floor of one evaluation cycle: the queries that give every SLO's figures at
 * once, run straight against the benchmark's Prometheus. For each metric selector an SLI uses
 * (without its `service` matcher) and each range the figures need (the SLO window and the seven
 * burn-rate windows, at least two scrape intervals each), one
 *
 *   sum by (service) (increase(SELECTOR[RANGE]))
 *
 * at the cycle's evaluation time, and for each selector and SLO window one range query of the
 * per-step counts of the burn-down history (120 points, the evaluator's steps), which is the
 * same work as a subquery over the window. `checkFloorFigures` recomputes the stored figures from
 * these answers with the math of reliability-common, so the floor is known to compute the same
 * figures.
 */
import {
  BURN_RATE_WINDOWS_MS,
  burnRate,
  errorBudgetEvents,
  remainingBudget,
  sliFromCounts,
} from '@reliability-suite/plugin-reliability-common';
import { BenchSlo, shapeSelectors } from './evaluationOrg';

const MINUTE_MS = 60_000;
const HISTORY_POINTS = 120;

interface FloorQuery {
  key: string;
  query: string;
  /** Range queries: start and end (ms) and step (ms). */
  range?: { start: number; end: number; step: number };
}

/** Per-service answers: a number (instant) or points by time (range). */
type Answers = Map<string, Map<string, number | Map<number, number>>>;

const promRange = (ms: number) => `${Math.max(1, Math.round(ms / 1000))}s`;

function historyStep(windowMs: number, scrapeMs: number) {
  const step = Math.ceil(windowMs / HISTORY_POINTS / MINUTE_MS) * MINUTE_MS;
  return Math.max(step, 2 * scrapeMs);
}

const sliSelectors = (slo: BenchSlo) => {
  const s = shapeSelectors(slo.shape);
  return [s.good, s.bad, s.total].filter((q): q is string => Boolean(q));
};

const instantKey = (selector: string, rangeMs: number) =>
  `${selector}|${rangeMs}`;
const historyKey = (selector: string, windowMs: number) =>
  `${selector}|history|${windowMs}`;

/** `name{…}` with a `service=~"a|b"` matcher added (the answers keep their unrestricted keys). */
function restricted(selector: string, services?: string[]) {
  if (!services) return selector;
  const matcher = `service=~"${services.join('|')}"`;
  const brace = selector.indexOf('{');
  return brace < 0
    ? `${selector}{${matcher}}`
    : `${selector.slice(0, brace + 1)}${matcher},${selector.slice(brace + 1)}`;
}

/**
 * The floor's queries for these SLOs evaluated at `at`; with `services`, the same queries over
 * those services only (to check figures measured at other times cheaply).
 */
export function planFloor(
  slos: BenchSlo[],
  at: number,
  scrapeMs: number,
  services?: string[],
): FloorQuery[] {
  const queries = new Map<string, FloorQuery>();
  for (const slo of slos) {
    for (const selector of sliSelectors(slo)) {
      for (const rangeMs of [slo.windowMs, ...BURN_RATE_WINDOWS_MS]) {
        const range = Math.max(rangeMs, 2 * scrapeMs);
        const key = instantKey(selector, range);
        if (!queries.has(key))
          queries.set(key, {
            key,
            query: `sum by (service) (increase(${restricted(
              selector,
              services,
            )}[${promRange(range)}]))`,
          });
      }
      const key = historyKey(selector, slo.windowMs);
      if (!queries.has(key)) {
        const step = historyStep(slo.windowMs, scrapeMs);
        queries.set(key, {
          key,
          query: `sum by (service) (increase(${selector}[${promRange(step)}]))`,
          range: { start: at - slo.windowMs + step, end: at, step },
        });
      }
    }
  }
  return [...queries.values()];
}

async function ask(url: string, query: FloorQuery, at: number) {
  const body = new URLSearchParams({ query: query.query });
  if (query.range) {
    body.set('start', String(query.range.start / 1000));
    body.set('end', String(query.range.end / 1000));
    body.set('step', String(query.range.step / 1000));
  } else {
    body.set('time', String(at / 1000));
  }
  const response = await fetch(
    `${url}/api/v1/${query.range ? 'query_range' : 'query'}`,
    { method: 'POST', body },
  );
  const json: any = await response.json();
  if (json.status !== 'success')
    throw new Error(`${query.query}: ${json.error ?? response.status}`);
  const byService = new Map<string, number | Map<number, number>>();
  for (const series of json.data.result) {
    byService.set(
      series.metric.service,
      query.range
        ? new Map(
            series.values.map(([t, v]: [number, string]) => [
              Math.round(t * 1000),
              parseFloat(v),
            ]),
          )
        : parseFloat(series.value[1]),
    );
  }
  return byService;
}

/** Runs the queries, `concurrency` at a time; the time is until the last answer is read. */
export async function runFloor(
  url: string,
  queries: FloorQuery[],
  at: number,
  concurrency: number,
): Promise<{ ms: number; answers: Answers }> {
  const answers: Answers = new Map();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < queries.length) {
        const query = queries[next++];
        answers.set(query.key, await ask(url, query, at));
      }
    }),
  );
  return { ms: performance.now() - started, answers };
}

interface StoredFigures {
  sli?: number;
  budget: { total?: number };
  burnRates: Array<{ windowMs: number; rate?: number }>;
  history: Array<{ t: number; remaining?: number }>;
  measuredAt: number;
}

const same = (a: number | undefined, b: number | undefined) =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

/**
 * Recomputes SLI, budget, burn rates and burn-down history of each stored SLO from the floor's
 * answers and counts the SLOs whose figures all agree (to 1e-9).
 */
export function checkFloorFigures(
  slos: BenchSlo[],
  stored: Map<string, StoredFigures>,
  answers: Answers,
  scrapeMs: number,
): { compared: number; agreeing: number; differences: string[] } {
  let compared = 0;
  let agreeing = 0;
  const differences: string[] = [];
  const counts = (slo: BenchSlo, rangeMs: number) => {
    const { good, bad, total } = shapeSelectors(slo.shape);
    const range = Math.max(rangeMs, 2 * scrapeMs);
    const value = (selector: string) =>
      answers.get(instantKey(selector, range))?.get(slo.service) as
        | number
        | undefined;
    const t = value(total);
    if (t === undefined) return { total: undefined, good: undefined };
    return {
      total: t,
      good: good ? value(good) ?? 0 : t - (value(bad!) ?? 0),
    };
  };
  for (const slo of slos) {
    const figures = stored.get(`${slo.entityRef}|${slo.name}`);
    if (!figures) continue;
    compared++;
    const problems: string[] = [];
    const window = counts(slo, slo.windowMs);
    const sli =
      window.total === undefined
        ? undefined
        : sliFromCounts(window.good ?? 0, window.total);
    if (!same(sli, figures.sli)) problems.push(`sli ${sli} ≠ ${figures.sli}`);
    const budgetTotal =
      window.total === undefined
        ? undefined
        : errorBudgetEvents(slo.target, window.total);
    if (!same(budgetTotal, figures.budget.total))
      problems.push(`budget ${budgetTotal} ≠ ${figures.budget.total}`);
    for (const windowMs of BURN_RATE_WINDOWS_MS) {
      const { good, total } = counts(slo, windowMs);
      const ratio =
        total === undefined || !(total > 0)
          ? undefined
          : (total - (good ?? 0)) / total;
      const rate = burnRate(ratio, slo.target);
      const storedRate = figures.burnRates.find(
        b => b.windowMs === windowMs,
      )?.rate;
      if (!same(rate, storedRate))
        problems.push(`burn ${windowMs / MINUTE_MS}m ${rate} ≠ ${storedRate}`);
    }
    // Burn-down: per-step counts accumulated from the window's start.
    const { good, bad, total } = shapeSelectors(slo.shape);
    const series = (selector?: string) =>
      selector
        ? (answers.get(historyKey(selector, slo.windowMs))?.get(slo.service) as
            | Map<number, number>
            | undefined)
        : undefined;
    const totals = series(total) ?? new Map<number, number>();
    const goods = series(good);
    const bads = series(bad);
    let cumulativeTotal = 0;
    let cumulativeGood = 0;
    const history = [...totals].map(([t, v]) => {
      cumulativeTotal += v;
      cumulativeGood += good ? goods?.get(t) ?? 0 : v - (bads?.get(t) ?? 0);
      return {
        t,
        remaining: remainingBudget(
          sliFromCounts(cumulativeGood, cumulativeTotal),
          slo.target,
        ),
      };
    });
    if (
      history.length !== figures.history.length ||
      history.some(
        (p, i) =>
          p.t !== figures.history[i].t ||
          !same(p.remaining, figures.history[i].remaining),
      )
    )
      problems.push(
        `history of ${history.length} points differs from the stored ${figures.history.length}`,
      );
    if (problems.length === 0) agreeing++;
    else if (differences.length < 5)
      differences.push(`${slo.entityRef}/${slo.name}: ${problems.join('; ')}`);
  }
  return { compared, agreeing, differences };
}
