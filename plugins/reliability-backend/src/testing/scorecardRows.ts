import { ScorecardRow } from '@reliability-suite/plugin-reliability-common';

/** A scorecard row of a Component with nothing measured, and `fields`. */
export function row(name: string, fields: Partial<ScorecardRow>): ScorecardRow {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    runbookCount: 0,
    sloCount: 0,
    budgetStatus: 'no_data',
    policyState: 'nodata',
    missing: [],
    updatedAt: 1000,
    degraded: false,
    ...fields,
  };
}

export const payments = 'group:default/payments';
export const search = 'group:default/search';
/** A small org: two teams, Tier 0–3, some without SLOs or on-call. */
export const org = [
  row('checkout', {
    title: 'Checkout',
    tier: 1,
    owner: payments,
    system: 'system:default/shop',
    domain: 'domain:default/commerce',
    lifecycle: 'production',
    onCall: 'PagerDuty PGRP001',
    runbookCount: 2,
    sloCount: 2,
    attainment: 1,
    budgetRemaining: 0.8,
    maxBurnRate: 0.4,
    budgetStatus: 'on_track',
    policyState: 'green',
    readinessScore: 1,
  }),
  row('ledger', {
    tier: 0,
    owner: payments,
    system: 'system:default/shop',
    domain: 'domain:default/commerce',
    lifecycle: 'production',
    onCall: 'PagerDuty PGRP001',
    runbookCount: 1,
    sloCount: 1,
    attainment: 0,
    budgetRemaining: -0.5,
    maxBurnRate: 20,
    budgetStatus: 'out_of_budget',
    policyState: 'red',
    readinessScore: 0.5,
  }),
  row('invoicing', {
    tier: 1,
    owner: payments,
    system: 'system:default/billing',
    lifecycle: 'production',
    sloCount: 0,
    missing: ['onCall', 'slos'],
    readinessScore: 0.25,
  }),
  row('search-api', {
    title: 'Search API',
    tier: 1,
    owner: search,
    system: 'system:default/search',
    lifecycle: 'production',
    onCall: 'Slack #search',
    runbookCount: 1,
    sloCount: 3,
    attainment: 2 / 3,
    budgetRemaining: 0.1,
    maxBurnRate: 4,
    budgetStatus: 'burning_slow',
    policyState: 'yellow',
    readinessScore: 0.75,
  }),
  row('autocomplete', {
    tier: 3,
    owner: search,
    lifecycle: 'experimental',
    sloCount: 0,
    missing: ['slos'],
  }),
];
