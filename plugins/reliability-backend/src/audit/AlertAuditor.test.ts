import { ConfigReader } from '@backstage/config';
import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import {
  SloDefinition,
  buildPrometheusRules,
  prometheusRulesYaml,
} from '@reliability-suite/plugin-reliability-common';
import { MetricSourceRegistry } from '../evaluation/metricSources';
import { AlertAuditStore } from '../store/AlertAuditStore';
import { migratedClient } from '../store/DefinitionsStore';
import {
  TestPrometheus,
  startPrometheus,
  toOpenMetrics,
} from '../testing/prometheus';
import { AlertAuditor } from './AlertAuditor';

jest.setTimeout(120_000);

const DAY_MS = 86_400_000;
const checkout = 'component:default/checkout';
const payments = 'component:default/payments';

function slo(name: string, job: string, target: number): SloDefinition {
  return {
    name,
    indicator: {
      metric: {
        type: 'ratio',
        counter: true,
        good: { query: `http_requests_total{job="${job}",code!~"5.."}` },
        total: { query: `http_requests_total{job="${job}"}` },
      },
    },
    objectives: [{ target }],
    timeWindow: { type: 'rolling', duration: '30d', durationMs: 30 * DAY_MS },
    budgetingMethod: 'Occurrences',
    alertPolicies: [],
    source: { format: 'inline', file: 'catalog-info.yaml' },
  };
}

// The catalog now: checkout's availability (deployed as defined), checkout's errors (defined at
// 99 %, deployed at 99.9 %), payments' availability (nothing deployed) and payments' latency
// (one alert left out), payments' errors (its fast alert deployed with a `for` and as a ticket).
const defined = [
  { entityRef: checkout, slo: slo('availability', 'checkout', 0.999) },
  { entityRef: checkout, slo: slo('errors', 'checkout', 0.99) },
  { entityRef: payments, slo: slo('availability', 'payments', 0.995) },
  { entityRef: payments, slo: slo('latency', 'payments', 0.99) },
  { entityRef: payments, slo: slo('errors', 'payments', 0.99) },
];

// What Prometheus loaded: the first as defined, the second with its old objective, and the
// rules of an SLO that was removed from the catalog.
const deployed = [
  ...buildPrometheusRules(checkout, [slo('availability', 'checkout', 0.999)])
    .rules.groups,
  ...buildPrometheusRules(checkout, [slo('errors', 'checkout', 0.999)]).rules
    .groups,
  // payments' latency without its fast 1h/5m alert.
  ...buildPrometheusRules(payments, [
    slo('latency', 'payments', 0.99),
  ]).rules.groups.map(group => ({
    ...group,
    rules: group.rules.filter(
      rule => (rule.labels as Record<string, string>).long_window !== '1h',
    ),
  })),
  // payments' errors: the fast 1h/5m alert waits 10 minutes and opens a ticket.
  ...buildPrometheusRules(payments, [
    slo('errors', 'payments', 0.99),
  ]).rules.groups.map(group => ({
    ...group,
    rules: group.rules.map(rule =>
      (rule.labels as Record<string, string>).long_window === '1h'
        ? {
            ...rule,
            for: '10m',
            labels: {
              ...(rule.labels as Record<string, string>),
              severity: 'ticket',
            },
          }
        : rule,
    ),
  })),
  ...buildPrometheusRules('component:default/legacy', [
    slo('latency', 'legacy', 0.9),
  ]).rules.groups,
];

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
let prometheus: TestPrometheus;

beforeAll(async () => {
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  prometheus = await startPrometheus(
    toOpenMetrics(
      [
        {
          name: 'http_requests_total',
          labels: { job: 'checkout', code: '200' },
          values: [1, 2, 3],
        },
      ],
      now - 60_000,
      60_000,
    ),
    { rules: prometheusRulesYaml({ groups: deployed }) },
  );
});

afterAll(async () => {
  await prometheus?.stop();
});

async function auditor(
  url: string,
  options: { clock?: () => number; intervalMs?: number } = {},
) {
  const knex = await databases.init('SQLITE_3');
  const store = new AlertAuditStore(
    await migratedClient(
      mockServices.database({ knex, migrations: { skip: false } }),
    ),
  );
  const sources = MetricSourceRegistry.fromConfig(
    new ConfigReader({
      reliability: {
        metricSources: [{ name: 'prometheus', url, timeoutSeconds: 5 }],
      },
    }),
    mockServices.logger.mock(),
  );
  const audit = new AlertAuditor({
    definitions: { listSlos: async () => defined },
    sources,
    store,
    clock: options.clock ?? (() => 1_000),
    intervalMs: options.intervalMs,
  });
  return { audit, store };
}

describe('AlertAuditor against a real Prometheus', () => {
  it('reports deployed, out-of-date and missing rules, and the groups of removed SLOs', async () => {
    const { audit, store } = await auditor(prometheus.url);
    expect(await audit.auditAll()).toEqual({
      sources: 1,
      failed: 0,
      notDeployed: 4,
      orphans: 2,
    });
    expect(await store.ofEntity(checkout)).toEqual([
      {
        entityRef: checkout,
        sloName: 'availability',
        source: 'prometheus',
        status: 'deployed',
        findings: [],
        auditedAt: 1_000,
      },
      {
        entityRef: checkout,
        sloName: 'errors',
        source: 'prometheus',
        status: 'out-of-date',
        findings: ['out of date: threshold 0.999 deployed, 0.99 defined'],
        auditedAt: 1_000,
      },
    ]);
    expect(await store.ofEntity(payments)).toEqual([
      {
        entityRef: payments,
        sloName: 'availability',
        source: 'prometheus',
        status: 'no-rules',
        findings: ['no rules deployed'],
        auditedAt: 1_000,
      },
      {
        entityRef: payments,
        sloName: 'errors',
        source: 'prometheus',
        status: 'out-of-date',
        findings: [
          'out of date: SLOErrorBudgetBurnFast 1h/5m waits 10m before firing, at once defined',
          'out of date: SLOErrorBudgetBurnFast 1h/5m severity ticket deployed, page defined',
        ],
        auditedAt: 1_000,
      },
      {
        entityRef: payments,
        sloName: 'latency',
        source: 'prometheus',
        status: 'missing',
        findings: ['missing: SLOErrorBudgetBurnFast 1h/5m'],
        auditedAt: 1_000,
      },
    ]);
    expect(await store.sources()).toEqual([
      {
        source: 'prometheus',
        orphanGroups: [
          'slo:component:default/legacy:latency',
          'slo:component:default/legacy:latency:window',
        ],
        auditedAt: 1_000,
      },
    ]);
  });

  it('marks the SLOs of a source it cannot read as unknown, naming why on the source', async () => {
    const { audit, store } = await auditor('http://127.0.0.1:1');
    expect(await audit.auditAll()).toEqual({
      sources: 1,
      failed: 1,
      notDeployed: 0,
      orphans: 0,
    });
    expect((await store.ofEntity(payments))[0]).toMatchObject({
      status: 'unknown',
      findings: ['the rules loaded on prometheus could not be read'],
    });
    const [source] = await store.sources();
    expect(source.error).toMatch(/^prometheus: .*ECONNREFUSED/);
  });

  it('reads a source again only once its audit is older than the interval', async () => {
    let now = 1_000;
    const { audit, store } = await auditor(prometheus.url, {
      clock: () => now,
      intervalMs: 600_000,
    });
    const audited = { sources: 1, failed: 0, notDeployed: 4, orphans: 2 };
    expect(await audit.auditAll()).toEqual(audited);
    now += 599_999;
    expect(await audit.auditAll()).toEqual({
      sources: 0,
      skipped: 1,
      failed: 0,
      notDeployed: 0,
      orphans: 0,
    });
    expect((await store.sources())[0].auditedAt).toBe(1_000);
    now += 1;
    expect(await audit.auditAll()).toEqual(audited);
    expect((await store.sources())[0].auditedAt).toBe(601_000);
  });
});
