import path from 'node:path';
import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import reliabilityPlugin from '.';

jest.setTimeout(120_000);

const fixtures = path.resolve(__dirname, '__fixtures__');
const MINUTE_MS = 60_000;

/** The portal's backend with the demo fixtures; overriding the gate allowed or denied to all. */
async function startBackend(allowWrites: boolean) {
  const result = allowWrites ? AuthorizeResult.ALLOW : AuthorizeResult.DENY;
  const { server } = await startTestBackend({
    features: [
      catalogPlugin,
      reliabilityPlugin,
      mockServices.permissions.mock({
        authorize: async requests => requests.map(() => ({ result })),
        authorizeConditional: async requests =>
          requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      }).factory,
      mockServices.rootConfig.factory({
        data: {
          reliability: {
            metricSources: [{ name: 'main', url: 'http://127.0.0.1:9' }],
            // No pipeline cycle within the test: the gate answers from an empty store.
            pipeline: {
              startup: { catalogQuietSeconds: 3600, catalogMaxWaitMinutes: 60 },
            },
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

const history = (
  server: Awaited<ReturnType<typeof startBackend>>,
  ref: string,
) =>
  request(server)
    .get('/api/reliability/deploy-gate/overrides')
    .query({ entityRef: ref });

describe('Deploy-gate override history over HTTP', () => {
  it('lists who overrode the gate, when, why and until when, newest first, each marked in force', async () => {
    const server = await startBackend(true);
    const before = Date.now();
    for (const [reason, durationMinutes] of [
      ['Hotfix for the payment outage INC-42', 30],
      ['Rollback of release 2.3 for INC-43', 90],
    ] as const) {
      const created = await request(server)
        .post('/api/reliability/deploy-gate/overrides')
        .send({
          entityRef: 'component:default/outage-svc',
          reason,
          durationMinutes,
        });
      expect(created.status).toBe(201);
    }

    const answer = await history(server, 'component:default/outage-svc');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      overrides: [
        {
          id: expect.any(Number),
          reason: 'Rollback of release 2.3 for INC-43',
          createdBy: 'user:default/mock',
          createdAt: expect.any(Number),
          expiresAt: expect.any(Number),
          active: true,
        },
        {
          id: expect.any(Number),
          reason: 'Hotfix for the payment outage INC-42',
          createdBy: 'user:default/mock',
          createdAt: expect.any(Number),
          expiresAt: expect.any(Number),
          active: true,
        },
      ],
    });
    const [second, first] = answer.body.overrides;
    expect(first.createdAt).toBeGreaterThanOrEqual(before);
    expect(second.createdAt).toBeGreaterThanOrEqual(first.createdAt);
    expect([
      first.expiresAt - first.createdAt,
      second.expiresAt - second.createdAt,
    ]).toEqual([30 * MINUTE_MS, 90 * MINUTE_MS]);

    // The short form of the reference, as CI may send it, names the same entity.
    expect((await history(server, 'outage-svc')).body).toEqual(answer.body);
    expect((await history(server, 'component:default/leaky-svc')).body).toEqual(
      { overrides: [] },
    );
  });

  it('shows the history to those who may not override, and refuses their override', async () => {
    const server = await startBackend(false);
    const refused = await request(server)
      .post('/api/reliability/deploy-gate/overrides')
      .send({
        entityRef: 'component:default/outage-svc',
        reason: 'Hotfix for the payment outage INC-42',
      });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(
      'Not allowed: reliability.deploygate.override',
    );
    const answer = await history(server, 'component:default/outage-svc');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ overrides: [] });
  });

  it('answers a malformed or unknown entity with 400 or 404 naming it, without a stack trace', async () => {
    const server = await startBackend(true);
    const missing = await request(server).get(
      '/api/reliability/deploy-gate/overrides',
    );
    expect(missing.status).toBe(400);
    expect(missing.body.error).toEqual({
      name: 'InputError',
      message: 'entityRef is required, e.g. component:default/checkout',
    });
    const twice = await request(server).get(
      '/api/reliability/deploy-gate/overrides?entityRef=a&entityRef=b',
    );
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toBe(
      'entityRef must be one entity reference, e.g. component:default/checkout',
    );
    const unknown = await history(server, 'component:default/nowhere');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toEqual({
      name: 'NotFoundError',
      message: 'No entity component:default/nowhere',
    });
  });
});
