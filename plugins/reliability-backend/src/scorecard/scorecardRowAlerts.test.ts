import { Entity } from '@backstage/catalog-model';
import {
  DEFAULT_READINESS_ITEMS,
  DEFAULT_TIERS,
  SloAlertAudit,
  SloDefinition,
  BUILT_IN_CHECKS,
  RELIABILITY_ANNOTATIONS,
} from '@reliability-suite/plugin-reliability-common';
import { scorecardRow } from './scorecardRow';

const now = Date.parse('2026-12-01T12:00:00Z');
const ref = 'component:default/checkout';
const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: { [RELIABILITY_ANNOTATIONS.tier]: '1' },
  },
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
  objectives: [{ target: 0.99 }],
  timeWindow: { type: 'rolling', duration: '30d', durationMs: 30 * 86_400_000 },
  budgetingMethod: 'Occurrences',
  alertPolicies: [],
  source: { format: 'inline', file: 'catalog-info.yaml' },
});

const audit = (
  sloName: string,
  status: SloAlertAudit['status'],
  findings: string[] = [],
): SloAlertAudit => ({
  entityRef: ref,
  sloName,
  source: 'prometheus',
  status,
  findings,
});

function rowWith(audits?: SloAlertAudit[]) {
  return scorecardRow(
    entity,
    {
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
      statuses: new Map(),
      itemEvents: new Map(),
      reviews: new Map(),
      tiers: DEFAULT_TIERS,
      paging: {},
      checklist: {
        items: DEFAULT_READINESS_ITEMS.filter(i => i.id === 'alerts').map(
          i => ({ ...i, requiredForTiers: [0, 1, 2, 3] }),
        ),
        checks: BUILT_IN_CHECKS,
      },
      ...(audits ? { alertAudits: new Map([[ref, audits]]) } : {}),
    },
    now,
  ).row;
}

describe('scorecardRow alerts', () => {
  it.each<[string, SloAlertAudit[] | undefined, number | undefined]>([
    ['not audited', undefined, undefined],
    [
      'all deployed',
      [audit('availability', 'deployed'), audit('latency', 'deployed')],
      0,
    ],
    [
      'one out of date, one without rules',
      [
        audit('availability', 'out-of-date', ['x']),
        audit('latency', 'no-rules', ['no rules deployed']),
      ],
      2,
    ],
    [
      'a source that could not be read says nothing',
      [audit('availability', 'unknown'), audit('latency', 'unknown')],
      undefined,
    ],
    [
      'an SLO no longer defined does not count',
      [audit('availability', 'deployed'), audit('gone', 'no-rules')],
      0,
    ],
  ])('%s', (_, audits, notDeployed) => {
    expect(rowWith(audits).alertsNotDeployed).toBe(notDeployed);
  });

  it('scores readiness by what is deployed', () => {
    expect(rowWith(undefined).readinessScore).toBe(1);
    expect(
      rowWith([
        audit('availability', 'deployed'),
        audit('latency', 'missing', ['missing: SLOErrorBudgetBurnFast 1h/5m']),
      ]).readinessScore,
    ).toBe(0);
  });
});
