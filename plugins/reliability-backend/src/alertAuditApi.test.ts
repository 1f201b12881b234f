import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { SchedulerService } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  SloDefinition,
  buildPrometheusRules,
  prometheusRulesYaml,
} from '@reliability-suite/plugin-reliability-common';
import { PIPELINE_TASK_ID } from './pipeline/ReliabilityPipeline';
import {
  TestPrometheus,
  startPrometheus,
  toOpenMetrics,
} from './testing/prometheus';
import { MINUTE_MS, serviceCounters } from './testing/scenarios';
import reliabilityPlugin from '.';

jest.setTimeout(180_000);

const DAY_MS = 86_400_000;
const services = ['correct', 'outdated', 'bare'];

/** A component with one availability SLO of its objective (percent). */
const component = (
  name: string,
  objective: string,
) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}-svc
  annotations:
    reliability-suite.io/tier: '1'
spec:
  type: service
  lifecycle: production
  owner: payments
  reliability:
    slos:
      - name: availability
        objective: ${objective}
        window: 30d
        good: http_requests_total{job="${name}",code!~"5.."}
        total: http_requests_total{job="${name}"}
`;

/** The SLO as the catalog file above defines it, for the rules deployed. */
const slo = (job: string, target: number): SloDefinition => ({
  name: 'availability',
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
});

// Deployed: correct-svc's rules as defined, outdated-svc's from when its objective was 99.9 %
// (99 % now), none for bare-svc, and the rules of SLOs removed from the catalog.
const rules = prometheusRulesYaml({
  groups: [
    ...buildPrometheusRules('component:default/correct-svc', [
      slo('correct', 0.999),
    ]).rules.groups,
    ...buildPrometheusRules('component:default/outdated-svc', [
      slo('outdated', 0.999),
    ]).rules.groups,
    // correct-svc's latency SLO, removed from its file.
    ...buildPrometheusRules('component:default/correct-svc', [
      { ...slo('correct', 0.95), name: 'latency' },
    ]).rules.groups,
    ...buildPrometheusRules('component:default/retired-svc', [
      slo('retired', 0.99),
    ]).rules.groups,
  ],
});

describe('the alert audit through the API', () => {
  let prometheus: TestPrometheus;
  let folder: string;
  beforeAll(async () => {
    const now = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS - MINUTE_MS;
    prometheus = await startPrometheus(
      toOpenMetrics(
        services.flatMap(name => serviceCounters(name, 120, 100)),
        now,
        MINUTE_MS,
      ),
      { rules },
    );
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'alert-audit-'));
    await fs.writeFile(
      path.join(folder, 'catalog-info.yaml'),
      [
        component('correct', '99.9%'),
        component('outdated', '99%'),
        component('bare', '99.5%'),
      ].join('---\n'),
    );
  });
  afterAll(async () => {
    await prometheus?.stop();
    if (folder) await fs.rm(folder, { recursive: true, force: true });
  });

  it('shows what is deployed per SLO, in the readiness alerts item and as a scorecard filter', async () => {
    const scheduler = mockServices.scheduler() as SchedulerService & {
      factory: typeof mockServices.scheduler.factory;
      waitForTask(id: string): Promise<void>;
    };
    const firstCycle = scheduler.waitForTask(PIPELINE_TASK_ID);
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        reliabilityPlugin,
        scheduler.factory({ skipTaskRunOnStartup: true }),
        mockServices.rootConfig.factory({
          data: {
            reliability: {
              metricSources: [{ name: 'main', url: prometheus.url }],
              pipeline: {
                startup: { catalogQuietSeconds: 1, catalogMaxWaitMinutes: 1 },
              },
            },
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [{ allow: ['Component', 'Location'] }],
              locations: [
                {
                  type: 'file',
                  target: path.join(folder, 'catalog-info.yaml'),
                },
              ],
            },
          },
        }),
      ],
    });
    await firstCycle;
    const get = (route: string) =>
      request(server).get(`/api/reliability${route}`);

    const alerts = async (name: string) =>
      (await get(`/alerts/component/default/${name}`).expect(200)).body.slos;
    expect(await alerts('correct-svc')).toEqual([
      {
        sloName: 'availability',
        source: 'main',
        status: 'deployed',
        findings: [],
        summary: 'Alerts deployed',
        auditedAt: expect.any(Number),
      },
    ]);
    expect(
      (await get('/alerts/component/default/correct-svc')).body
        .orphanRuleGroups,
    ).toEqual([
      'slo:component:default/correct-svc:latency',
      'slo:component:default/correct-svc:latency:window',
    ]);
    expect(await alerts('outdated-svc')).toMatchObject([
      {
        status: 'out-of-date',
        summary: 'out of date: threshold 0.999 deployed, 0.99 defined',
      },
    ]);
    expect(await alerts('bare-svc')).toMatchObject([
      { status: 'no-rules', summary: 'no rules deployed' },
    ]);
    await get('/alerts/component/default/nobody').expect(404);

    const alertsItem = async (name: string) =>
      (
        await get(`/readiness/component/default/${name}`).expect(200)
      ).body.summary.items.find(
        (i: { item: { id: string } }) => i.item.id === 'alerts',
      );
    expect(await alertsItem('correct-svc')).toMatchObject({
      state: 'passing',
      reason: 'Burn-rate alerts deployed for all 1 SLO(s)',
    });
    expect(await alertsItem('outdated-svc')).toMatchObject({
      state: 'failing',
      reason:
        'availability: out of date: threshold 0.999 deployed, 0.99 defined',
    });

    const names = async (query: string) =>
      (await get(`/scorecard?${query}`).expect(200)).body.rows
        .map((r: { name: string }) => r.name)
        .sort();
    expect(await names('alerts=not-deployed')).toEqual([
      'bare-svc',
      'outdated-svc',
    ]);
    expect(await names('alerts=deployed')).toEqual(['correct-svc']);
    expect(
      (await get('/scorecard?alerts=some').expect(400)).body.error.message,
    ).toBe('alerts must be not-deployed or deployed');
  });
});
