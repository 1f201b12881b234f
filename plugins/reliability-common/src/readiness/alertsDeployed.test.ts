import { DEFAULT_TIERS } from '../tiers';
import { ReliabilityProfile } from '../profile/types';
import { SloAlertAudit } from '../rules/auditRules';
import { SloDefinition } from '../slo';
import { runAutomaticChecks } from './automaticChecks';

const DAY = 86_400_000;

const slo = (name: string): SloDefinition => ({
  name,
  indicator: {
    metric: {
      type: 'ratio',
      counter: true,
      good: { query: 'good_total' },
      total: { query: 'all_total' },
    },
  },
  objectives: [{ target: 0.99 }],
  timeWindow: { type: 'rolling', duration: '30d', durationMs: 30 * DAY },
  budgetingMethod: 'Occurrences',
  alertPolicies: [],
  source: { format: 'inline', file: 'catalog-info.yaml' },
});

const profile = {
  entityRef: 'component:default/checkout',
  tier: DEFAULT_TIERS[1],
  runbooks: [],
  dashboards: [],
  slos: [slo('availability'), slo('latency')],
  problems: [],
  missing: [],
} as unknown as ReliabilityProfile;

const audit = (
  sloName: string,
  status: SloAlertAudit['status'],
  findings: string[] = [],
): SloAlertAudit => ({
  entityRef: 'component:default/checkout',
  sloName,
  source: 'prometheus',
  status,
  findings,
});

const alertsItem = (alertAudits?: SloAlertAudit[]) =>
  runAutomaticChecks(['alerts'], {
    profile,
    sloStatuses: [],
    alertableSlos: ['availability', 'latency'],
    dependencies: [],
    alertAudits,
  })[0];

describe('the alerts readiness item', () => {
  it.each<[string, SloAlertAudit[] | undefined, boolean, string]>([
    [
      'no audit: what could be generated',
      undefined,
      true,
      'Burn-rate rules for all 2 SLO(s)',
    ],
    [
      'every SLO’s alerts deployed',
      [audit('availability', 'deployed'), audit('latency', 'deployed')],
      true,
      'Burn-rate alerts deployed for all 2 SLO(s)',
    ],
    [
      'one alert missing and an old objective deployed',
      [
        audit('availability', 'missing', [
          'missing: SLOErrorBudgetBurnFast 1h/5m',
        ]),
        audit('latency', 'out-of-date', [
          'out of date: threshold 0.999 deployed, 0.99 defined',
        ]),
      ],
      false,
      'availability: missing: SLOErrorBudgetBurnFast 1h/5m; latency: out of date: threshold 0.999 deployed, 0.99 defined',
    ],
    [
      'no rules for one, the other not audited yet',
      [audit('availability', 'no-rules', ['no rules deployed'])],
      false,
      'availability: no rules deployed; latency: not audited yet',
    ],
    [
      'a source that could not be read: what could be generated',
      [
        audit('availability', 'unknown', ['x']),
        audit('latency', 'unknown', ['x']),
      ],
      true,
      'Burn-rate rules for all 2 SLO(s)',
    ],
    [
      'an audit of an SLO no longer defined is ignored',
      [
        audit('availability', 'deployed'),
        audit('latency', 'deployed'),
        audit('removed', 'no-rules', ['no rules deployed']),
      ],
      true,
      'Burn-rate alerts deployed for all 2 SLO(s)',
    ],
  ])('%s', (_, audits, passed, reason) => {
    expect(alertsItem(audits)).toEqual({ itemId: 'alerts', passed, reason });
  });
});
