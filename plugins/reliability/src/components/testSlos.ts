import {
  DEFAULT_ERROR_BUDGET_POLICY,
  EntitySlos,
  SloFigures,
} from '@reliability-suite/plugin-reliability-common';
import { UNREADABLE_REASONS, completeProfile } from './testProfiles';

const DAY = 86_400_000;
export const NOW = Date.parse('2026-11-23T12:00:00Z');

export const overspentFigures: SloFigures = {
  target: 0.999,
  sli: 0.998611,
  attained: false,
  windowStart: NOW - 30 * DAY,
  windowEnd: NOW,
  budget: {
    unit: 'events',
    total: 43200,
    consumed: 60000,
    remaining: -16800,
    remainingFraction: -0.3889,
    overspent: true,
    outageMinutes: { total: 43.2, consumed: 60, remaining: -16.8 },
  },
  burnRates: [
    300_000,
    1_800_000,
    3_600_000,
    7_200_000,
    21_600_000,
    DAY,
    3 * DAY,
  ].map(windowMs => ({ windowMs, rate: 0 })),
  policyState: 'red',
  history: [
    { t: NOW - 20 * DAY, remaining: 1 },
    { t: NOW - 10 * DAY, remaining: -0.3889 },
    { t: NOW, remaining: -0.3889 },
  ],
  measuredAt: NOW - 5 * 60_000,
};

/** The checkout SLO overspent, and its second SLO degraded with a last good value. */
export const checkoutSlos: EntitySlos = {
  entityRef: 'component:default/checkout',
  policyState: 'red',
  policy: DEFAULT_ERROR_BUDGET_POLICY,
  slos: [
    {
      definition: completeProfile.slos[0],
      status: {
        sloName: 'checkout-availability',
        state: 'ok',
        figures: overspentFigures,
        attemptedAt: NOW - 5 * 60_000,
        goodAt: NOW - 5 * 60_000,
      },
    },
  ],
  unreadable: [],
};

/** checkout's stored SLO while its file cannot be read: kept, marked, with the reasons. */
export const unreadableCheckoutSlos: EntitySlos = {
  ...checkoutSlos,
  slos: checkoutSlos.slos.map(slo => ({ ...slo, definitionUnreadable: true })),
  unreadable: UNREADABLE_REASONS,
};

/** checkout before its definitions were read: no SLOs known yet. */
export const pendingSlos: EntitySlos = {
  entityRef: 'component:default/checkout',
  policyState: 'nodata',
  policy: DEFAULT_ERROR_BUDGET_POLICY,
  slos: [],
  unreadable: [],
  pending: true,
};

/** checkout's SLO read but never evaluated yet. */
export const unmeasuredCheckoutSlos: EntitySlos = {
  ...checkoutSlos,
  policyState: 'nodata',
  slos: checkoutSlos.slos.map(slo => ({
    ...slo,
    status: { sloName: slo.definition.name, state: 'pending' },
  })),
};
