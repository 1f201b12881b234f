import path from 'node:path';
import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  DeployGateDecision,
  EntitySlos,
} from '@reliability-suite/plugin-reliability-common';
import {
  TestPrometheus,
  startPrometheus,
  toOpenMetrics,
} from './testing/prometheus';
import { MINUTE_MS, serviceCounters } from './testing/scenarios';
import reliabilityPlugin from '.';

jest.setTimeout(120_000);

const fixtures = path.resolve(__dirname, '__fixtures__');
const MINUTES = 31 * 24 * 60 + 1;
const now = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS - MINUTE_MS;
const outageStart = MINUTES - 1 - 10 * 24 * 60;

async function startBackend(prometheusUrl: string, allowWrites: boolean) {
  const permissions = mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(() => ({
        result: allowWrites ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      })),
    authorizeConditional: async requests =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  });
  const { server } = await startTestBackend({
    features: [
      catalogPlugin,
      reliabilityPlugin,
      permissions.factory,
      mockServices.rootConfig.factory({
        data: {
          reliability: {
            metricSources: [{ name: 'main', url: prometheusUrl }],
          },
          catalog: {
            processingInterval: { seconds: 1 },
            rules: [{ allow: ['Component', 'Location'] }],
            locations: [
              { type: 'file', target: path.join(fixtures, 'slo-catalog.yaml') },
            ],
          },
        },
      }),
    ],
  });
  for (let attempt = 0; attempt < 100; attempt++) {
    const response = await request(server).get(
      '/api/catalog/entities/by-name/component/default/leaky-svc',
    );
    if (response.status === 200) break;
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  return server;
}

describe('SLO status, evaluate-now and deploy gate over HTTP', () => {
  let prometheus: TestPrometheus;
  beforeAll(async () => {
    const series = [
      ...serviceCounters('outage', MINUTES, 1000, {
        start: outageStart,
        end: outageStart + 60,
      }),
      ...serviceCounters('leaky', MINUTES, 9993).map(s =>
        s.labels.code === '500'
          ? { ...s, values: s.values.map((_, i) => 7 * (i + 1)) }
          : s,
      ),
    ];
    prometheus = await startPrometheus(toOpenMetrics(series, now, MINUTE_MS));
  });
  afterAll(async () => {
    await prometheus?.stop();
  });

  it('evaluates on demand, serves from the store and gates deploys by the error-budget policy', async () => {
    const server = await startBackend(prometheus.url, true);

    const pending = await request(server).get(
      '/api/reliability/slos/component/default/outage-svc',
    );
    expect(pending.status).toBe(200);
    expect(
      pending.body.slos.map((s: EntitySlos['slos'][0]) => s.status.state),
    ).toEqual(['pending']);

    const evaluated = await request(server).post(
      '/api/reliability/slos/component/default/outage-svc/evaluate',
    );
    expect(evaluated.status).toBe(200);
    const body: EntitySlos = evaluated.body;
    expect(body.policyState).toBe('red');
    const figures = body.slos[0].status.figures!;
    expect(body.slos[0].status.state).toBe('ok');
    expect(
      Number(((1 - figures.budget.remainingFraction!) * 100).toFixed(1)),
    ).toBe(138.9);

    const stored = await request(server).get(
      '/api/reliability/slos/component/default/outage-svc',
    );
    expect(stored.body).toEqual(evaluated.body);

    const gate = await request(server)
      .get('/api/reliability/deploy-gate')
      .query({ entityRef: 'component:default/outage-svc' });
    expect(gate.status).toBe(200);
    const decision: DeployGateDecision = gate.body;
    expect(decision).toMatchObject({
      entityRef: 'component:default/outage-svc',
      allowed: false,
      riskLevel: 'high',
      policyState: 'red',
      reason:
        'Feature freeze: emergency fixes only (availability has -38.9% of its error budget left)',
      maxDeploysPerDay: 0,
    });
    expect(decision.actions).toContain('Incident review required');

    const override = await request(server)
      .post('/api/reliability/deploy-gate/overrides')
      .send({
        entityRef: 'component:default/outage-svc',
        reason: 'Hotfix for the payment outage INC-42',
        durationMinutes: 30,
      });
    expect(override.status).toBe(201);
    expect(override.body.allowed).toBe(true);
    expect(override.body.override).toMatchObject({
      reason: 'Hotfix for the payment outage INC-42',
      createdBy: 'user:default/mock',
    });
    expect(
      override.body.override.expiresAt - override.body.override.createdAt,
    ).toBe(30 * 60_000);
    expect(override.body.reason).toBe(
      'Emergency override by user:default/mock: Hotfix for the payment outage INC-42 (availability has -38.9% of its error budget left)',
    );

    await request(server)
      .post('/api/reliability/slos/component/default/leaky-svc/evaluate')
      .expect(200);
    const yellow = await request(server).get(
      '/api/reliability/deploy-gate?entityRef=component:default/leaky-svc',
    );
    expect(yellow.body).toMatchObject({
      allowed: true,
      riskLevel: 'medium',
      policyState: 'yellow',
      maxDeploysPerDay: 1,
    });
  });

  it('refuses writes without permission and rejects malformed requests', async () => {
    const server = await startBackend(prometheus.url, false);
    const override = await request(server)
      .post('/api/reliability/deploy-gate/overrides')
      .send({
        entityRef: 'component:default/outage-svc',
        reason: 'Hotfix for the payment outage INC-42',
      });
    expect(override.status).toBe(403);
    expect(override.body.error.message).toBe(
      'Not allowed: reliability.deploygate.override',
    );
    const evaluate = await request(server).post(
      '/api/reliability/slos/component/default/outage-svc/evaluate',
    );
    expect(evaluate.status).toBe(403);

    const missing = await request(server).get('/api/reliability/deploy-gate');
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe(
      'entityRef is required, e.g. component:default/checkout',
    );
    const shortReason = await request(server)
      .post('/api/reliability/deploy-gate/overrides')
      .send({ entityRef: 'component:default/outage-svc', reason: 'because' });
    expect(shortReason.status).toBe(400);
    expect(shortReason.body.error.message).toBe(
      'reason must explain the emergency (at least 10 characters)',
    );
    const unknown = await request(server).get(
      '/api/reliability/deploy-gate?entityRef=component:default/nowhere',
    );
    expect(unknown.status).toBe(404);
  });
});
