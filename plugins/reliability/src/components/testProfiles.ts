import { Entity } from '@backstage/catalog-model';
import {
  DEFAULT_TIERS,
  ReliabilityProfile,
} from '@reliability-suite/plugin-reliability-common';

/** The catalog entity whose page the component tests render. */
export const checkoutEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { type: 'service', owner: 'payments', lifecycle: 'production' },
};

/** Profiles as the backend returns them, for component tests. */
export const completeProfile: ReliabilityProfile = {
  entityRef: 'component:default/checkout',
  tier: DEFAULT_TIERS[1],
  owner: 'group:default/payments',
  onCall: {
    provider: 'pagerduty',
    label: 'PagerDuty service PGRP001',
    url: 'https://example.pagerduty.com/service-directory/PGRP001',
    source: 'owner',
    sourceRef: 'group:default/payments',
  },
  runbooks: [
    { title: 'Checkout runbook', url: 'https://runbooks.example.com/checkout' },
  ],
  dashboards: [
    {
      title: 'Checkout dashboard',
      url: 'https://grafana.example.com/d/checkout',
    },
  ],
  dr: {
    rtoMinutes: 60,
    rpoMinutes: 15,
    lastTested: '2026-11-01',
    nextTestDue: '2027-04-30',
  },
  slos: [
    {
      name: 'checkout-availability',
      displayName: 'Checkout availability',
      indicator: {
        metric: {
          type: 'ratio',
          counter: true,
          good: { query: 'http_requests_total{job="checkout",code!~"5.."}' },
          total: { query: 'http_requests_total{job="checkout"}' },
        },
      },
      objectives: [{ target: 0.999 }],
      timeWindow: { type: 'rolling', duration: '30d', durationMs: 2592000000 },
      budgetingMethod: 'Occurrences',
      alertPolicies: [],
      source: {
        format: 'openslo',
        file: 'slo/checkout-availability.yaml',
        line: 1,
      },
    },
  ],
  problems: [],
  missing: [],
  definitionsReadAt: '2026-11-23T12:00:00.000Z',
};

export const incompleteProfile: ReliabilityProfile = {
  entityRef: 'component:default/ledger',
  tier: DEFAULT_TIERS[0],
  owner: 'group:default/payments',
  runbooks: [],
  dashboards: [],
  dr: {},
  slos: [],
  problems: [],
  missing: [
    {
      requirement: 'onCall',
      message:
        'No on-call: add pagerduty.com/service-id or opsgenie.com/team (or reliability-suite.io/oncall) to the entity or its owner group',
    },
    {
      requirement: 'slos',
      message:
        'No SLOs: add OpenSLO files (reliability-suite.io/slo-files) or spec.reliability.slos',
    },
  ],
};

export const brokenProfile: ReliabilityProfile = {
  ...incompleteProfile,
  entityRef: 'component:default/perfect-target',
  tier: DEFAULT_TIERS[2],
  problems: [
    {
      file: 'slo/perfect-target.yaml',
      line: 33,
      field: 'spec.objectives[0].target',
      message: 'must be < 1 (100% leaves no error budget)',
    },
  ],
  missing: [
    {
      requirement: 'slos',
      message: 'No valid SLO: 1 definition problem(s) to fix',
    },
  ],
};

/**
 * A profile whose links are `javascript:`/`data:` URLs, as a backend without scheme checks (or
 * stored before them) serves it: the page must show them as text, never as links.
 */
export const hostileProfile: ReliabilityProfile = {
  ...completeProfile,
  onCall: {
    provider: 'contact',
    label: 'javascript:alert(1)',
    url: 'javascript:alert(1)',
    source: 'entity',
    sourceRef: 'component:default/checkout',
  },
  runbooks: [
    { title: 'Checkout runbook', url: 'javascript:alert(1)' },
    {
      title: 'Checkout availability runbook',
      url: 'JaVaScRiPt:alert(1)',
      sloName: 'checkout-availability',
    },
  ],
  dashboards: [
    { title: 'Checkout dashboard', url: 'data:text/html,<b>x</b>' },
    { title: 'Latency dashboard', url: 'https://grafana.example.com/d/lat' },
  ],
  slos: [{ ...completeProfile.slos[0], runbook: 'javascript:alert(1)' }],
};

/** The reasons the SLO files of {@link unreadableProfile} cannot be read, as the API words them. */
export const UNREADABLE_REASONS = [
  'slo/checkout-availability.yaml:1: invalid YAML: aliases expand to more than 100 copies (an alias bomb)',
  'slo/<img src=x onerror=alert(1)>.yaml: cannot be read: <b>not found</b>',
];

/**
 * checkout whose SLO file became unreadable: the stored SLO is kept, and the problems are in the
 * profile (as the backend keeps them).
 */
export const unreadableProfile: ReliabilityProfile = {
  ...completeProfile,
  problems: [
    {
      file: 'slo/checkout-availability.yaml',
      line: 1,
      field: '',
      message:
        'invalid YAML: aliases expand to more than 100 copies (an alias bomb)',
      unreadable: true,
    },
    {
      file: 'slo/<img src=x onerror=alert(1)>.yaml',
      field: '',
      message: 'cannot be read: <b>not found</b>',
      unreadable: true,
    },
  ],
};

/**
 * checkout before the backend has read its definitions: nothing is known of its SLOs (not "none"),
 * and the backend says how often its cycle runs.
 */
export const pendingProfile: ReliabilityProfile = {
  ...completeProfile,
  definitionsReadAt: undefined,
  slos: [],
  missing: [],
  pending: true,
  cycleIntervalMinutes: 5,
};
