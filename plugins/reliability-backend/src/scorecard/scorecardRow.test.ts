import { Entity } from '@backstage/catalog-model';
import {
  DEFAULT_TIERS,
  SloDefinition,
  SloFigures,
  SloStatus,
  freshness,
  sloFreshness,
  worstFreshness,
} from '@reliability-suite/plugin-reliability-common';
import { ScorecardSources, scorecardRow } from './scorecardRow';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Evaluated every 5 minutes: figures older than 10 minutes are stale. */
const INTERVAL = 5 * MINUTE;
const now = Date.parse('2026-12-01T12:00:00Z');
const ref = 'component:default/checkout';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production' },
};

const slo = (name: string): SloDefinition => ({
  name,
  indicator: {
    metric: {
      type: 'ratio',
      counter: true,
      good: { query: `ok_total{slo="${name}"}` },
      total: { query: `all_total{slo="${name}"}` },
    },
  },
  objectives: [{ target: 0.999 }],
  timeWindow: { type: 'rolling', duration: '30d', durationMs: 30 * 86_400_000 },
  budgetingMethod: 'Occurrences',
  alertPolicies: [],
  source: { format: 'inline', file: 'catalog-info.yaml' },
});

/** Figures measured `ago` ms before now, on track. */
const figures = (ago: number): SloFigures => ({
  target: 0.999,
  sli: 0.9995,
  attained: true,
  windowStart: now - ago - 30 * 86_400_000,
  windowEnd: now - ago,
  budget: { unit: 'events', remainingFraction: 0.5, overspent: false },
  burnRates: [],
  policyState: 'green',
  history: [],
  measuredAt: now - ago,
});

const ok = (sloName: string, ago: number): SloStatus => ({
  sloName,
  state: 'ok',
  figures: figures(ago),
});
const degraded = (sloName: string, ago: number): SloStatus => ({
  sloName,
  state: 'degraded',
  figures: figures(ago),
  error: 'Prometheus unreachable',
});

/** The row of checkout, whose SLOs are availability and latency, with these stored statuses. */
function rowWith(statuses: SloStatus[]) {
  const sources: ScorecardSources = {
    entities: new Map([[ref, entity]]),
    definitions: new Map([
      [
        ref,
        {
          entityRef: ref,
          settings: { sloFilePatterns: [] },
          slos: [slo('availability'), slo('latency')],
          problems: [],
          readAt: now,
        },
      ],
    ]),
    statuses: new Map([[ref, statuses]]),
    itemEvents: new Map(),
    reviews: new Map(),
    tiers: DEFAULT_TIERS,
    paging: {},
    checklist: { items: [], checks: {} },
  };
  return scorecardRow(entity, sources, now).row;
}

describe('scorecardRow freshness', () => {
  it.each([
    [
      'both SLOs measured a minute and three minutes ago',
      [ok('availability', MINUTE), ok('latency', 3 * MINUTE)],
      now - 3 * MINUTE,
      false,
      { measuredAt: now - 3 * MINUTE, ageMs: 3 * MINUTE, stale: false },
    ],
    [
      'one SLO measured three hours ago (the pipeline stopped evaluating it)',
      [ok('availability', MINUTE), ok('latency', 3 * HOUR)],
      now - 3 * HOUR,
      false,
      {
        measuredAt: now - 3 * HOUR,
        ageMs: 3 * HOUR,
        stale: true,
        staleBecause: 'old',
      },
    ],
    [
      'one SLO whose last evaluation failed',
      [ok('availability', MINUTE), degraded('latency', 2 * MINUTE)],
      now - 2 * MINUTE,
      true,
      {
        measuredAt: now - 2 * MINUTE,
        ageMs: 2 * MINUTE,
        stale: true,
        staleBecause: 'degraded',
      },
    ],
    [
      'one SLO not evaluated yet (pending, no figures)',
      [ok('availability', 2 * MINUTE)],
      now - 2 * MINUTE,
      false,
      { measuredAt: now - 2 * MINUTE, ageMs: 2 * MINUTE, stale: false },
    ],
    [
      'a status of an SLO no longer defined (left out)',
      [
        ok('availability', MINUTE),
        ok('latency', MINUTE),
        degraded('retired', 3 * HOUR),
      ],
      now - MINUTE,
      false,
      { measuredAt: now - MINUTE, ageMs: MINUTE, stale: false },
    ],
    ['no SLO measured yet', [], undefined, false, { stale: false }],
  ])(
    'stores, for %s, its oldest figures and whether an evaluation failed',
    (_label, statuses, measuredAt, isDegraded, expected) => {
      const row = rowWith(statuses);
      expect(row.measuredAt).toBe(measuredAt);
      expect(row.degraded).toBe(isDegraded);
      const judged = freshness(row.measuredAt, row.degraded, now, INTERVAL);
      expect(judged).toStrictEqual(expected);
      // The same answer as the entity's freshness on its Reliability tab.
      const defined = statuses.filter(s => s.sloName !== 'retired');
      expect(judged).toStrictEqual(
        worstFreshness(defined.map(s => sloFreshness(s, now, INTERVAL))),
      );
    },
  );
});

describe('scorecardRow SLOs meeting target', () => {
  it('counts the measured SLOs and those meeting their target, with the type of the entity', () => {
    const missed: SloStatus = {
      sloName: 'latency',
      state: 'ok',
      figures: { ...figures(MINUTE), sli: 0.99, attained: false },
    };
    const row = rowWith([ok('availability', MINUTE), missed]);
    expect([
      row.type,
      row.slosMeetingTarget,
      row.slosMeasured,
      row.attainment,
    ]).toEqual(['service', 1, 2, 0.5]);
  });

  it('counts an SLO without data in its window as not measured', () => {
    const noData: SloStatus = {
      sloName: 'latency',
      state: 'ok',
      figures: { ...figures(MINUTE), sli: undefined, attained: undefined },
    };
    const row = rowWith([ok('availability', MINUTE), noData]);
    expect([row.slosMeetingTarget, row.slosMeasured, row.attainment]).toEqual([
      1, 1, 1,
    ]);
    expect(rowWith([noData])).toMatchObject({
      slosMeetingTarget: 0,
      slosMeasured: 0,
      attainment: undefined,
    });
  });
});
