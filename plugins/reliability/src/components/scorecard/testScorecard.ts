import {
  ScorecardPage,
  ScorecardRollup,
  ScorecardRow,
  ScorecardTrendPoint,
  WeeklyReview,
} from '@reliability-suite/plugin-reliability-common';
import { ScorecardRollups } from '../../api/ReliabilityApi';

export const rollup = (change: Partial<ScorecardRollup>): ScorecardRollup => ({
  entities: 0,
  withSlos: 0,
  critical: 0,
  criticalWithSlos: 0,
  criticalWithOnCall: 0,
  withOnCall: 0,
  withRunbooks: 0,
  outOfBudget: 0,
  burningFast: 0,
  burningSlow: 0,
  onTrack: 0,
  noData: 0,
  stale: 0,
  services: {
    total: 0,
    withSlos: 0,
    withOnCall: 0,
    withRunbooks: 0,
    critical: 0,
    criticalWithSlos: 0,
    criticalWithOnCall: 0,
  },
  slosMeetingTarget: 0,
  slosMeasured: 0,
  ...change,
});

export const orgTotals = rollup({
  entities: 300,
  withSlos: 180,
  critical: 52,
  criticalWithSlos: 41,
  criticalWithOnCall: 50,
  withOnCall: 250,
  withRunbooks: 120,
  outOfBudget: 7,
  burningFast: 3,
  burningSlow: 5,
  onTrack: 150,
  noData: 142,
  services: {
    total: 240,
    withSlos: 170,
    withOnCall: 220,
    withRunbooks: 110,
    critical: 48,
    criticalWithSlos: 40,
    criticalWithOnCall: 47,
  },
  slosMeetingTarget: 412,
  slosMeasured: 430,
  attainment: 412 / 430,
  budgetRemaining: -0.3889,
  readinessScore: 0.8,
});

export const byOwner: ScorecardRollups = {
  by: 'owner',
  groups: [
    rollup({
      key: 'group:default/payments',
      entities: 40,
      withSlos: 30,
      critical: 12,
      criticalWithSlos: 11,
      criticalWithOnCall: 12,
      withOnCall: 38,
      withRunbooks: 25,
      outOfBudget: 2,
      burningFast: 1,
      slosMeetingTarget: 19,
      slosMeasured: 20,
      attainment: 0.95,
    }),
    rollup({ key: 'group:default/sre', entities: 12, withSlos: 12 }),
    rollup({ entities: 4 }),
  ],
  totals: orgTotals,
};

export const byTier: ScorecardRollups = {
  by: 'tier',
  groups: [
    rollup({ key: '1', entities: 30, critical: 30, criticalWithSlos: 25 }),
    rollup({ key: '0', entities: 22, critical: 22, criticalWithSlos: 16 }),
  ],
  totals: orgTotals,
};

const row = (
  change: Partial<ScorecardRow> & { name: string },
): ScorecardRow => ({
  entityRef: `component:default/${change.name}`,
  kind: 'Component',
  type: 'service',
  namespace: 'default',
  runbookCount: 0,
  sloCount: 0,
  slosMeetingTarget: 0,
  slosMeasured: 0,
  budgetStatus: 'no_data',
  policyState: 'nodata',
  missing: [],
  updatedAt: Date.parse('2026-11-30T08:00:00Z'),
  degraded: false,
  ...change,
});

/** When the page below is shown: its rows were projected then. */
export const pageShownAt = Date.parse('2026-11-30T08:00:00Z');

const checkoutRow = row({
  name: 'checkout',
  title: 'Checkout',
  tier: 1,
  owner: 'group:default/payments',
  system: 'system:default/shop',
  lifecycle: 'production',
  onCall: 'PagerDuty service PGRP001',
  runbookCount: 1,
  sloCount: 2,
  slosMeetingTarget: 1,
  slosMeasured: 2,
  attainment: 0.5,
  budgetRemaining: -0.3889,
  maxBurnRate: 14.4,
  budgetStatus: 'burning_fast',
  policyState: 'red',
  readinessScore: 0.75,
  missing: ['runbooks', 'drTested'],
  // Not evaluated for three hours: stale.
  measuredAt: Date.parse('2026-11-30T05:00:00Z'),
  freshness: {
    measuredAt: Date.parse('2026-11-30T05:00:00Z'),
    ageMs: 3 * 3_600_000,
    stale: true,
    staleBecause: 'old',
  },
});

const ledgerRow = row({
  name: 'ledger',
  tier: 0,
  owner: 'group:default/payments',
  sloCount: 1,
  slosMeetingTarget: 1,
  slosMeasured: 1,
  attainment: 1,
  budgetRemaining: 0.82,
  maxBurnRate: 0.25,
  budgetStatus: 'on_track',
  policyState: 'green',
  readinessScore: 1,
  measuredAt: Date.parse('2026-11-30T07:58:00Z'),
  freshness: {
    measuredAt: Date.parse('2026-11-30T07:58:00Z'),
    ageMs: 120_000,
    stale: false,
  },
});

export const firstPage: ScorecardPage = {
  rows: [checkoutRow, ledgerRow],
  totalCount: 120,
  page: 1,
  pageSize: 50,
};

const point = (day: string, change: Partial<ScorecardRollup>) => {
  const { key: _key, ...rest } = rollup(change);
  return { day, ...rest } as ScorecardTrendPoint;
};

export const trendDays: ScorecardTrendPoint[] = [
  point('2026-11-29', {
    entities: 40,
    withSlos: 28,
    critical: 12,
    criticalWithSlos: 10,
    criticalWithOnCall: 12,
    onTrack: 30,
    noData: 10,
    services: {
      total: 32,
      withSlos: 24,
      withOnCall: 30,
      withRunbooks: 20,
      critical: 10,
      criticalWithSlos: 8,
      criticalWithOnCall: 10,
    },
  }),
  point('2026-11-30', {
    entities: 40,
    withSlos: 30,
    critical: 12,
    criticalWithSlos: 11,
    criticalWithOnCall: 12,
    withRunbooks: 25,
    outOfBudget: 2,
    burningFast: 1,
    burningSlow: 2,
    onTrack: 27,
    noData: 10,
    services: {
      total: 32,
      withSlos: 26,
      withOnCall: 30,
      withRunbooks: 21,
      critical: 10,
      criticalWithSlos: 9,
      criticalWithOnCall: 10,
    },
    slosMeetingTarget: 38,
    slosMeasured: 40,
    attainment: 0.95,
  }),
];

export const week48: WeeklyReview = {
  week: '2026-W48',
  start: '2026-11-23',
  end: '2026-11-29',
  counts: {
    outOfBudget: 0,
    burningFast: 2,
    burningSlow: 1,
    onTrack: 5,
    noData: 3,
    inFreeze: 1,
    withBreaches: 2,
    stale: 1,
  },
  services: [
    {
      entityRef: 'component:default/checkout',
      name: 'checkout',
      title: 'Checkout',
      tier: 1,
      owner: 'group:default/payments',
      budgetStatus: 'burning_fast',
      policyState: 'red',
      inFreeze: true,
      budgetRemaining: -0.3889,
      budgetRemainingChange: -0.12,
      attainment: 0.5,
      breachedSlos: 2,
      // Its last evaluation of the week had failed.
      stale: true,
      staleBecause: 'degraded',
      measuredAt: Date.parse('2026-11-27T06:00:00Z'),
    },
    {
      entityRef: 'component:default/search',
      name: 'search',
      tier: 2,
      owner: 'group:default/discovery',
      budgetStatus: 'burning_fast',
      policyState: 'yellow',
      inFreeze: false,
      budgetRemaining: 0.35,
      budgetRemainingChange: 0.045,
      breachedSlos: 1,
      stale: false,
      measuredAt: Date.parse('2026-11-27T08:58:00Z'),
    },
    {
      entityRef: 'component:default/ledger',
      name: 'ledger',
      tier: 0,
      budgetStatus: 'on_track',
      policyState: 'green',
      inFreeze: false,
      budgetRemaining: 0.82,
      breachedSlos: 0,
      stale: false,
    },
  ],
  decisions: [
    {
      entityRef: 'component:default/payouts',
      reviewId: 7,
      decision: 'blocked',
      actor: 'user:default/ana',
      at: Date.parse('2026-11-25T10:00:00Z'),
      reason: 'No rollback plan',
    },
  ],
};
