import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { SchedulerService } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import catalogModuleReliability from '@reliability-suite/plugin-catalog-backend-module-reliability';
import {
  DeployGateDecision,
  EntitySlos,
} from '@reliability-suite/plugin-reliability-common';
import reliabilityPlugin from '.';

jest.setTimeout(120_000);

const SLO = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: availability
spec:
  indicator:
    metadata: { name: ok }
    spec:
      ratioMetric:
        counter: true
        good: { metricSource: { type: Prometheus, spec: { query: 'http_requests_total{code="200"}' } } }
        total: { metricSource: { type: Prometheus, spec: { query: http_requests_total } } }
  timeWindow: [{ duration: 30d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.999 }]
`;

const BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
].join('\n');

const ENTITY = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: svc
  annotations:
    reliability-suite.io/tier: "1"
    reliability-suite.io/slo-files: slo/*.yaml
spec: { type: service, owner: team-a, lifecycle: production }
`;

async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
): Promise<T> {
  let value = await read();
  for (let attempt = 0; attempt < 150 && !done(value); attempt++) {
    await new Promise(resolve => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

describe('an SLO file that becomes unreadable', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'unreadable-'));
    await fs.mkdir(path.join(folder, 'slo'));
    await fs.writeFile(path.join(folder, 'catalog-info.yaml'), ENTITY);
    await fs.writeFile(path.join(folder, 'slo', 'a.yaml'), SLO);
  });
  afterAll(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('keeps the entity and its stored SLO, marks it unreadable, and the deploy gate refuses', async () => {
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      authorizeConditional: async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    });
    const scheduler = mockServices.scheduler() as SchedulerService & {
      factory: typeof mockServices.scheduler.factory;
    };
    const sync = () => scheduler.triggerTask('reliability-definitions-sync');
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleReliability,
        reliabilityPlugin,
        permissions.factory,
        scheduler.factory({ skipTaskRunOnStartup: true }),
        mockServices.rootConfig.factory({
          data: {
            reliability: {
              // Nothing listens there: evaluation fails, as in a source outage.
              metricSources: [{ name: 'main', url: 'http://127.0.0.1:9' }],
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
    const slos = async (): Promise<EntitySlos> =>
      (await request(server).get('/api/reliability/slos/component/default/svc'))
        .body;
    const gate = async (): Promise<DeployGateDecision> =>
      (
        await request(server).get(
          '/api/reliability/deploy-gate?entityRef=component:default/svc',
        )
      ).body;

    const before = await until(slos, body => body.slos?.length === 1);
    expect(before.unreadable).toEqual([]);
    expect(before.slos[0].definitionUnreadable).toBeUndefined();
    expect((await gate()).allowed).toBe(true);

    await fs.writeFile(path.join(folder, 'slo', 'a.yaml'), BOMB);
    await sync();
    const after = await slos();
    expect(after.unreadable).toEqual([
      'slo/a.yaml:1: invalid YAML: aliases expand to more than 100 copies (an alias bomb)',
    ]);
    expect(
      after.slos.map(s => [s.definition.name, s.definitionUnreadable]),
    ).toEqual([['availability', true]]);

    const decision = await gate();
    expect([decision.allowed, decision.riskLevel, decision.reason]).toEqual([
      false,
      'high',
      'Refused: SLO definition cannot be measured: slo/a.yaml:1: invalid YAML: aliases expand to more than 100 copies (an alias bomb)',
    ]);

    const entity = await until(
      async () =>
        (
          await request(server).get(
            '/api/catalog/entities/by-name/component/default/svc',
          )
        ).body,
      body => (body.status?.items ?? []).length > 0,
    );
    expect(entity.status.items.map((i: any) => i.error.message)).toEqual([
      'slo/a.yaml:1: invalid YAML: aliases expand to more than 100 copies (an alias bomb)',
    ]);

    await fs.writeFile(path.join(folder, 'slo', 'a.yaml'), SLO);
    await sync();
    const mended = await slos();
    expect(mended.slos.map(s => s.definitionUnreadable)).toEqual([undefined]);
  });
});
