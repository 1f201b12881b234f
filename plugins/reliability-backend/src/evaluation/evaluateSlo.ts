import {
  MetricQuery,
  SloDefinition,
  SloFigures,
} from '@reliability-suite/plugin-reliability-common';
import {
  CountAt,
  CountSteps,
  EvaluationOptions,
  MeasurementPlan,
  RatioMetric,
  planMeasurement,
} from './measurementPlan';
import { MetricSource, Sample } from './MetricSource';
import { countEventSteps, countEvents } from './sliQueries';
import {
  Counts,
  Measurement,
  StepCounts,
  errorRatioOf,
  goodEvents,
  occurrencesMeasurement,
  sloFigures,
  timeslicesMeasurement,
} from './sloMeasurement';

export type { EvaluationOptions } from './measurementPlan';

/**
 * Evaluates one SLO against its metric source at `nowMs`: SLI, budget, burn rates, exhaustion,
 * policy state and the burn-down history. Three steps, each in its own module: what to ask
 * (`planMeasurement`, pure), asking it (here: the only I/O), and the math on the answers
 * (`sloMeasurement`, pure). Throws MetricSourceError when the source fails.
 */
export async function evaluateSlo(
  slo: SloDefinition,
  source: MetricSource,
  nowMs: number,
  options: EvaluationOptions,
): Promise<SloFigures> {
  const plan = planMeasurement(slo, nowMs, options);
  const measured = await measure(slo, plan, source, options);
  return sloFigures(slo, plan, measured, options.policy);
}

/** Asks the source what the plan needs and measures the answers. */
async function measure(
  slo: SloDefinition,
  plan: MeasurementPlan,
  source: MetricSource,
  options: EvaluationOptions,
): Promise<Measurement> {
  const target = slo.objectives[0].target;
  switch (plan.kind) {
    case 'occurrences': {
      // The window, every burn-rate window and the burn-down's steps are asked at once, so that
      // a source aggregates them with those of the SLOs evaluated together. A failed count is
      // reported before a failed burn-down.
      const [{ window, errorRatios }, perStep] = await bothInOrder(
        windowCounts(slo, plan, source, options),
        eventsPerStep(plan.metric, source, plan.perStep),
      );
      return occurrencesMeasurement(target, window, errorRatios, perStep);
    }
    case 'ratioSlices': {
      const [perSlice, { errorRatios }] = await bothInOrder(
        eventsPerStep(plan.metric, source, plan.slices),
        windowCounts(slo, plan, source, options),
      );
      return timeslicesMeasurement(
        slo,
        plan,
        perSlice.map(({ t, total, good }) => ({ t, total, good })),
        errorRatios,
      );
    }
    case 'thresholdSlices': {
      const { from, to, stepMs } = plan.slices;
      const values = await source.range(plan.query, from, to, stepMs);
      return timeslicesMeasurement(
        slo,
        plan,
        values.map(({ t, v }) => ({ t, value: v })),
        undefined,
      );
    }
    default:
      throw new Error('unknown measurement plan');
  }
}

/**
 * The window's counts (occurrences only) and the error ratio of every burn-rate window: from the
 * SLO's recording rules when its source reads them and they are loaded for this definition,
 * otherwise counted directly.
 */
async function windowCounts(
  slo: SloDefinition,
  plan: Extract<MeasurementPlan, { kind: 'occurrences' | 'ratioSlices' }>,
  source: MetricSource,
  options: EvaluationOptions,
): Promise<{ window: Counts; errorRatios: Array<number | undefined> }> {
  const recorded =
    options.entityRef && source.recordedOccurrences && plan.recordsApply
      ? await source.recordedOccurrences(options.entityRef, slo, plan.now)
      : undefined;
  if (recorded) {
    return {
      window: {
        total: recorded.total,
        good:
          recorded.total === undefined
            ? undefined
            : goodEvents(
                plan.metric,
                recorded.total,
                recorded.good,
                recorded.bad,
              ),
      },
      errorRatios: recorded.errorRatios,
    };
  }
  const window = plan.kind === 'occurrences' ? plan.window : undefined;
  const [windowEvents, ...burnCounts] = await allInOrder([
    window ? eventsAt(plan.metric, source, window) : Promise.resolve({}),
    ...plan.burnWindows.map(at => eventsAt(plan.metric, source, at)),
  ]);
  return { window: windowEvents, errorRatios: burnCounts.map(errorRatioOf) };
}

/** Total and good events over a range; undefined total = no series (no data). */
async function eventsAt(
  metric: RatioMetric,
  source: MetricSource,
  { rangeMs, at }: CountAt,
): Promise<Counts> {
  const count = (query?: MetricQuery) =>
    query
      ? countEvents(source, query.query, rangeMs, at)
      : Promise.resolve(undefined);
  const [total, good, bad] = await allInOrder([
    count(metric.total),
    count(metric.good),
    count(metric.bad),
  ]);
  return {
    total,
    good:
      total === undefined ? undefined : goodEvents(metric, total, good, bad),
  };
}

/** Total and good events over `rangeMs` at every step from `from` to `to`. */
async function eventsPerStep(
  metric: RatioMetric,
  source: MetricSource,
  { rangeMs, from, to, stepMs }: CountSteps,
): Promise<StepCounts[]> {
  const series = (query?: MetricQuery) =>
    query
      ? countEventSteps(source, query.query, rangeMs, from, to, stepMs)
      : Promise.resolve([]);
  const [totals, goods, bads] = await allInOrder([
    series(metric.total),
    series(metric.good),
    series(metric.bad),
  ]);
  const goodAt = byTime(goods);
  const badAt = byTime(bads);
  return totals.map(({ t, v }) => ({
    t,
    total: v,
    good: goodEvents(metric, v, goodAt.get(t), badAt.get(t)),
  }));
}

function byTime(samples: Sample[]): Map<number, number> {
  return new Map(samples.map(s => [s.t, s.v]));
}

/**
 * Like Promise.all, but when several fail the error is the first one in the list, not the first
 * in time: a degraded SLO reports the same error whatever order the answers came in.
 */
async function allInOrder<T>(promises: Array<Promise<T>>): Promise<T[]> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find(
    (result): result is PromiseRejectedResult => result.status === 'rejected',
  );
  if (failed) throw failed.reason;
  return settled.map(result => (result as PromiseFulfilledResult<T>).value);
}

/** Both answers, or the first one's error before the second's (see allInOrder). */
async function bothInOrder<A, B>(
  first: Promise<A>,
  second: Promise<B>,
): Promise<[A, B]> {
  const [a, b] = await Promise.allSettled([first, second]);
  if (a.status === 'rejected') throw a.reason;
  if (b.status === 'rejected') throw b.reason;
  return [a.value, b.value];
}
