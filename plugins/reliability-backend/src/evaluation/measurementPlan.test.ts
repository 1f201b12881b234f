import {
  DEFAULT_ERROR_BUDGET_POLICY,
  SloDefinition,
} from '@reliability-suite/plugin-reliability-common';
import { EvaluationOptions, planMeasurement } from './measurementPlan';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const now = Date.UTC(2026, 11, 1, 12);
const options: EvaluationOptions = {
  policy: DEFAULT_ERROR_BUDGET_POLICY,
  scrapeIntervalMs: MINUTE,
  historyPoints: 120,
};
const ratio = {
  type: 'ratio' as const,
  counter: true,
  good: { query: 'http_requests_total{code!~"5.."}' },
  total: { query: 'http_requests_total' },
};
const slo = (fields: Partial<SloDefinition>): SloDefinition => ({
  name: 'availability',
  indicator: { metric: ratio },
  objectives: [{ target: 0.999 }],
  timeWindow: { type: 'rolling', duration: '30d', durationMs: 30 * DAY },
  budgetingMethod: 'Occurrences',
  alertPolicies: [],
  source: { format: 'inline', file: 'catalog-info.yaml' },
  ...fields,
});
const burnWindows = [
  5 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  6 * HOUR,
  DAY,
  3 * DAY,
].map(rangeMs => ({ rangeMs, at: now }));

describe('planMeasurement', () => {
  it('counts an Occurrences SLO over its window, every burn-rate window and 120 steps', () => {
    expect(planMeasurement(slo({}), now, options)).toEqual({
      kind: 'occurrences',
      start: now - 30 * DAY,
      now,
      historyStepMs: 360 * MINUTE,
      metric: ratio,
      window: { rangeMs: 30 * DAY, at: now },
      burnWindows,
      perStep: {
        rangeMs: 360 * MINUTE,
        from: now - 30 * DAY + 360 * MINUTE,
        to: now,
        stepMs: 360 * MINUTE,
      },
      recordsApply: true,
    });
  });

  it('never counts over less than two scrapes, and reads no records for shorter burn windows', () => {
    const plan = planMeasurement(
      slo({
        timeWindow: { type: 'rolling', duration: '1h', durationMs: HOUR },
      }),
      now,
      { ...options, scrapeIntervalMs: 5 * MINUTE },
    );
    expect(plan).toMatchObject({
      kind: 'occurrences',
      historyStepMs: 10 * MINUTE,
      window: { rangeMs: HOUR, at: now },
      recordsApply: false,
    });
    expect(
      plan.kind === 'occurrences' && plan.burnWindows.map(w => w.rangeMs),
    ).toEqual([
      10 * MINUTE,
      30 * MINUTE,
      HOUR,
      2 * HOUR,
      6 * HOUR,
      DAY,
      3 * DAY,
    ]);
  });

  it('cuts a Timeslices ratio SLO into its slices, with burn rates from event ratios', () => {
    expect(
      planMeasurement(
        slo({
          budgetingMethod: 'Timeslices',
          objectives: [
            { target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: '5m' },
          ],
        }),
        now,
        options,
      ),
    ).toEqual({
      kind: 'ratioSlices',
      start: now - 30 * DAY,
      now,
      historyStepMs: 360 * MINUTE,
      sliceMs: 5 * MINUTE,
      metric: ratio,
      slices: {
        rangeMs: 5 * MINUTE,
        from: now - 30 * DAY + 5 * MINUTE,
        to: now,
        stepMs: 5 * MINUTE,
      },
      burnWindows,
      recordsApply: true,
    });
  });

  it('reads a threshold SLI’s values per one-minute slice by default', () => {
    expect(
      planMeasurement(
        slo({
          indicator: {
            metric: {
              type: 'threshold',
              query: { query: 'histogram_quantile(0.99, rate(x[5m]))' },
            },
          },
          budgetingMethod: 'Timeslices',
          objectives: [
            { target: 0.99, timeSliceTarget: 0.95, op: 'lte', value: 0.5 },
          ],
        }),
        now,
        options,
      ),
    ).toEqual({
      kind: 'thresholdSlices',
      start: now - 30 * DAY,
      now,
      historyStepMs: 360 * MINUTE,
      sliceMs: MINUTE,
      query: 'histogram_quantile(0.99, rate(x[5m]))',
      slices: {
        rangeMs: MINUTE,
        from: now - 30 * DAY + MINUTE,
        to: now,
        stepMs: MINUTE,
      },
    });
  });
});
