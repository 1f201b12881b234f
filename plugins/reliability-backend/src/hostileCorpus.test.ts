import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { formatProblem } from '@reliability-suite/plugin-reliability-common';
import {
  API_CASES,
  API_ENTITY,
  CANARY,
  DEFINITION_CASES,
  writeCorpus,
} from './testing/hostileCorpus';
import { startCatalogBackend } from './testing/catalogBackend';

jest.setTimeout(240_000);

/** Categories whose problems cost SLOs: the deploy gate refuses on them. */
const DEFINITION_CATEGORIES = new Set([
  'containment',
  'yaml',
  'promql-injection',
  'query',
  'window',
  'length',
  'name',
  'date',
]);

/** The hostile corpus through the real catalog (with the catalog module) and the API. */
describe('the catalog and the API on the hostile corpus', () => {
  let root: string;
  let server: Awaited<ReturnType<typeof startCatalogBackend>>['server'];
  /**
   * Every response body read, to look for the canary and server paths at the end. The catalog's
   * own entities name their location (a server path) by design; ours never may.
   */
  const seen: string[] = [];
  const ours: string[] = [];

  const get = async (url: string) => {
    const response = await request(server).get(url);
    seen.push(response.text);
    if (url.startsWith('/api/reliability/')) ours.push(response.text);
    return response;
  };

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'hostile-api-'));
    const location = await writeCorpus(root);
    const backend = await startCatalogBackend(location);
    server = backend.server;
    // Every entity appears, each with its problems attached once processed.
    for (let attempt = 0; attempt < 600; attempt++) {
      const response = await request(server).get(
        '/api/catalog/entities?filter=kind=component,metadata.annotations.reliability-suite.io/corpus=hostile&fields=metadata.name',
      );
      if (response.body.length === DEFINITION_CASES.length) break;
      await new Promise(resolve => setTimeout(resolve, 200));
    }
    await backend.sync();
  });

  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  describe.each(DEFINITION_CASES.map(c => [c.id, c] as const))(
    '%s',
    (id, c) => {
      it('stays in the catalog with exactly its problems', async () => {
        let entity = (
          await get(`/api/catalog/entities/by-name/component/default/${id}`)
        ).body;
        for (
          let attempt = 0;
          attempt < 100 && c.problems.length && !entity.status;
          attempt++
        ) {
          await new Promise(resolve => setTimeout(resolve, 200));
          entity = (
            await get(`/api/catalog/entities/by-name/component/default/${id}`)
          ).body;
        }
        expect(entity.metadata?.name).toBe(id);
        expect(
          (entity.status?.items ?? []).map((item: any) => item.error.message),
        ).toEqual(c.problems);
      });

      it('shows the same problems on the entity page, and its valid SLOs', async () => {
        const profile = await get(
          `/api/reliability/profile/component/default/${id}`,
        );
        expect(profile.status).toBe(200);
        expect(profile.body.problems.map(formatProblem).sort()).toEqual(
          [...c.problems, ...(c.profileProblems ?? [])].sort(),
        );
        const slos = await get(`/api/reliability/slos/component/default/${id}`);
        expect(slos.body.slos.map((s: any) => s.definition.name)).toEqual(
          c.slos ?? [],
        );
      });

      it('answers the deploy gate from the definitions, refusing on a definition problem', async () => {
        const gate = await get(
          `/api/reliability/deploy-gate?entityRef=component:default/${id}`,
        );
        expect(gate.status).toBe(200);
        const refuses =
          c.problems.length > 0 && DEFINITION_CATEGORIES.has(c.category);
        // A refusal names the first problem; an allowed deploy has no refusal to check.
        expect({
          allowed: gate.body.allowed,
          refusal: gate.body.allowed ? undefined : gate.body.reason,
        }).toEqual({
          allowed: !refuses,
          refusal: refuses
            ? `Refused: SLO definition cannot be measured: ${c.problems[0]}${
                c.problems.length > 1
                  ? ` (and ${c.problems.length - 1} more)`
                  : ''
              }`
            : undefined,
        });
      });

      it('serves rules that name no hostile text unescaped', async () => {
        const rules = await get(
          `/api/reliability/rules/component/default/${id}`,
        );
        expect(rules.status).toBe(200);
        // Every `{{` is written as the template `{{ "{{" }}`, which prints it.
        expect(rules.text.split('{{ "{{" }}').join('')).not.toContain('{{');
      });
    },
  );

  describe.each(API_CASES.map(c => [c.id, c] as const))('API: %s', (_id, c) => {
    it(`answers ${c.status}${
      c.message ? ` "${c.message.slice(0, 60)}"` : ''
    }`, async () => {
      let call = request(server)[c.method](c.path);
      if (c.raw !== undefined)
        call = call.set('content-type', 'application/json').send(c.raw);
      else if (c.body !== undefined) call = call.send(c.body as object);
      const response = await call;
      seen.push(response.text);
      ours.push(response.text);
      expect(response.status).toBe(c.status);
      // No message: not an error, and the answer has no error at all.
      expect(response.body.error?.message).toBe(c.message);
      expect(response.body.error?.stack).toBeUndefined();
    });
  });

  it('stores nothing from the refused requests', async () => {
    const readiness = await get(
      `/api/reliability/readiness/${API_ENTITY}/events`,
    );
    expect(readiness.status).toBe(200);
    expect(readiness.body).toEqual([]);
    const gate = await get(
      `/api/reliability/deploy-gate?entityRef=${API_ENTITY.replace(/\//, ':')}`,
    );
    expect(gate.body.override).toBeUndefined();
  });

  describe('after every case', () => {
    it('never shows the canary, a server path or a stack trace', () => {
      expect(seen.length).toBeGreaterThan(DEFINITION_CASES.length * 4);
      expect(seen.join('\n')).not.toContain(CANARY);
      expect(ours.join('\n')).not.toContain(root);
      expect(seen.join('\n')).not.toMatch(/\n\s+at \S+ \(/);
    });
  });
});
