import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import {
  DeployGateDecision,
  EntitySlos,
} from '@reliability-suite/plugin-reliability-common';
import { startCatalogBackend } from './testing/catalogBackend';
import { ALIAS_BOMB, ratioSlo } from './testing/hostileCorpus';

jest.setTimeout(120_000);

const SLO = ratioSlo('availability');

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
    const { server, sync } = await startCatalogBackend(
      path.join(folder, 'catalog-info.yaml'),
    );
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

    await fs.writeFile(path.join(folder, 'slo', 'a.yaml'), ALIAS_BOMB);
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
