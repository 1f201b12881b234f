import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { useFolder } from './testing/cliRun';
import { describeWithPromtool, promtoolCheckRules } from './testing/promtool';

/** An inline ratio SLO of a job, 99.9 % over 30 days. */
const ratio = (name: string, job: string) => `      - name: ${name}
        objective: 99.9%
        good: http_requests_total{job="${job}",code!~"5.."}
        total: http_requests_total{job="${job}"}
`;

/** Two teams' catalog files (five entities, a Group among them) and an OpenSLO file given alone. */
const FILES: Record<string, string> = {
  'orders/catalog-info.yaml': `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders
spec:
  type: service
  owner: team-a
  lifecycle: production
  reliability:
    slos:
${ratio('availability', 'orders')}      - name: latency
        objective: 99%
        threshold:
          query: histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="orders"}[5m])))
          op: lte
          value: 0.3
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: orders-api
  annotations:
    reliability-suite.io/slo-files: slo/*.yaml
spec: { type: openapi, owner: team-a, lifecycle: production, definition: "openapi: 3.0.0" }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-a
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: shop
spec: { owner: team-a }
`,
  'orders/slo/monthly.yaml': `apiVersion: openslo/v1
kind: SLO
metadata:
  name: orders-api-monthly
spec:
  indicator:
    metadata: { name: ok }
    spec:
      ratioMetric:
        counter: true
        good: { metricSource: { type: Prometheus, spec: { query: 'api_requests_total{code!~"5.."}' } } }
        total: { metricSource: { type: Prometheus, spec: { query: api_requests_total } } }
  timeWindow: [{ duration: 1M, isRolling: false, calendar: { startTime: '2026-01-01 00:00:00', timeZone: UTC } }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.99 }]
`,
  'orders/slo/requests.yaml': `apiVersion: openslo/v1
kind: SLO
metadata:
  name: orders-api-requests
spec:
  indicatorRef: api-ok
  timeWindow: [{ duration: 28d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.995 }]
---
apiVersion: openslo/v1
kind: SLI
metadata:
  name: api-ok
spec:
  ratioMetric:
    counter: true
    bad: { metricSource: { type: Prometheus, spec: { query: 'api_requests_total{code=~"5.."}' } } }
    total: { metricSource: { type: Prometheus, spec: { query: api_requests_total } } }
`,
  'payments/catalog-info.yaml': `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments
  namespace: billing
spec:
  type: service
  owner: team-b
  lifecycle: production
  reliability:
    slos:
${ratio('availability', 'payments')}`,
  'legacy/slo.yaml': `apiVersion: openslo/v1
kind: SLO
metadata:
  name: legacy-availability
spec:
  indicator:
    metadata: { name: ok }
    spec:
      ratioMetric:
        counter: true
        good: { metricSource: { type: Prometheus, spec: { query: 'legacy_requests_total{code!~"5.."}' } } }
        total: { metricSource: { type: Prometheus, spec: { query: legacy_requests_total } } }
  timeWindow: [{ duration: 30d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.99 }]
`,
};

const ARGS = [
  'orders/catalog-info.yaml',
  'payments/catalog-info.yaml',
  'legacy/slo.yaml',
  '--entity=component:default/legacy',
];

/** What every run reports on standard error: the SLOs left out of the rules, and why. */
const SKIPPED = [
  'component:default/orders: orders/catalog-info.yaml:15: SLO "latency" is left out of the rules: a threshold SLI has no error ratio to alert on',
  'api:default/orders-api: orders/slo/monthly.yaml:1: SLO "orders-api-monthly" is left out of the rules: burn-rate alerts need a rolling window, not a calendar window (1M)',
  '',
].join('\n');

const GROUPS = [
  'slo:component:default/orders:availability',
  'slo:component:default/orders:availability:window',
  'slo:api:default/orders-api:orders-api-requests',
  'slo:api:default/orders-api:orders-api-requests:window',
  'slo:component:billing/payments:availability',
  'slo:component:billing/payments:availability:window',
  'slo:component:default/legacy:legacy-availability',
  'slo:component:default/legacy:legacy-availability:window',
];

const groupNames = (text: string) =>
  parse(text).groups.map((group: { name: string }) => group.name);

describeWithPromtool('reliability rules on several entities and files', () => {
  const { dir, run } = useFolder(FILES);

  it('prints one rule file of every entity, which promtool loads', async () => {
    const result = await run('rules', ...ARGS);
    expect(result).toMatchObject({ code: 0, err: SKIPPED });
    expect(result.out.match(/^groups:/gm)).toHaveLength(1);
    expect(groupNames(result.out)).toEqual(GROUPS);
    await fs.writeFile(path.join(dir(), 'all.yaml'), result.out);
    expect(await promtoolCheckRules(dir(), ['all.yaml'])).toEqual({
      code: 0,
      output: 'Checking all.yaml\n  SUCCESS: 56 rules found\n\n',
    });
  });

  it('writes one rule file per entity with --out-dir, each of which promtool loads', async () => {
    const result = await run('rules', '--out-dir', 'out/rules', ...ARGS);
    const files = [
      'component.default.orders.yaml',
      'api.default.orders-api.yaml',
      'component.billing.payments.yaml',
      'component.default.legacy.yaml',
    ];
    expect(result).toEqual({
      code: 0,
      out: [
        'component:default/orders',
        'api:default/orders-api',
        'component:billing/payments',
        'component:default/legacy',
      ]
        .map((ref, i) => `${ref}: out/rules/${files[i]}\n`)
        .join(''),
      err: SKIPPED,
    });
    const outDir = path.join(dir(), 'out/rules');
    expect((await fs.readdir(outDir)).sort()).toEqual([...files].sort());
    expect(
      groupNames(await fs.readFile(path.join(outDir, files[1]), 'utf8')),
    ).toEqual(GROUPS.slice(2, 4));
    expect(await promtoolCheckRules(outDir, files)).toEqual({
      code: 0,
      output: files
        .map(file => `Checking ${file}\n  SUCCESS: 14 rules found\n\n`)
        .join(''),
    });
  });
});

describe('reliability rules and validate report SLOs left out of the rules', () => {
  const { run } = useFolder(FILES);

  it('fails with --strict when an SLO is left out of the rules, still writing the others', async () => {
    const result = await run('rules', '--strict', ...ARGS);
    expect(result).toMatchObject({ code: 1, err: SKIPPED });
    expect(groupNames(result.out)).toEqual(GROUPS);
    expect(
      await run('rules', '--strict', 'payments/catalog-info.yaml'),
    ).toMatchObject({
      code: 0,
      err: '',
    });
  });

  it('reports the SLOs of OpenSLO files given alone as left out without --entity', async () => {
    expect(await run('rules', 'legacy/slo.yaml')).toEqual({
      code: 0,
      out: 'groups: []\n',
      err: 'legacy/slo.yaml:1: SLO "legacy-availability" is left out of the rules: no entity to label its rules with: give --entity=<kind:namespace/name>\n',
    });
  });

  it('validate reports the same SLOs left out of the rules, and fails on them with --strict', async () => {
    const expected = {
      out: 'component:default/orders: 2 SLO(s) valid\napi:default/orders-api: 2 SLO(s) valid\nsystem:default/shop: 0 SLO(s) valid\ncomponent:billing/payments: 1 SLO(s) valid\nlegacy/slo.yaml: 1 SLO(s) valid\n',
      err: SKIPPED,
    };
    expect(await run('validate', ...ARGS.slice(0, 3))).toEqual({
      code: 0,
      ...expected,
    });
    expect(await run('validate', '--strict', ...ARGS.slice(0, 3))).toEqual({
      code: 1,
      ...expected,
    });
  });
});
