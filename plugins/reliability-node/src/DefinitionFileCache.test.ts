import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NotModifiedError } from '@backstage/errors';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { DefinitionFileCache } from './DefinitionFileCache';
import { readEntityDefinitions } from './readEntityDefinitions';

const integrations = ScmIntegrations.fromConfig(new ConfigReader({}));
const base = 'https://git.example.com/acme/org/blob/main';

const entity = (i: number): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: `svc-${i}`,
    annotations: { 'reliability-suite.io/slo-files': `slo/svc-${i}-*.yaml` },
  },
  spec: {
    type: 'service',
    owner: 'team-a',
    reliability: {
      slos: [
        {
          name: 'availability',
          objective: '99.9%',
          good: 'ok_total',
          total: 'all_total',
        },
      ],
    },
  },
});

/** One catalog file holding every entity, as generated org files and monorepos do. */
const catalogFile = (count: number) =>
  Array.from(
    { length: count },
    (_, i) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: svc-${i}
  annotations:
    reliability-suite.io/slo-files: slo/svc-${i}-*.yaml
spec:
  type: service
  owner: team-a
  reliability:
    slos:
      - name: availability
        objective: 99.9%
        good: ok_total
        total: all_total
`,
  ).join('---\n');

const sloFile = (name: string) => `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}
spec:
  indicator:
    metadata: { name: up }
    spec:
      thresholdMetric:
        metricSource: { type: Prometheus, spec: { query: up } }
  timeWindow: [{ duration: 30d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.99, op: gte, value: 1 }]
`;

/** A UrlReader over a fixed repository that counts what it is asked and what content it sends. */
function countingReader(count: number) {
  const calls = { readUrl: 0, search: 0, contents: 0, notModified: 0 };
  const text = catalogFile(count);
  const urlReader = mockServices.urlReader.mock({
    readUrl: async (url: string, options?: { etag?: string }) => {
      calls.readUrl += 1;
      if (url !== `${base}/catalog-info.yaml`) throw new Error(`no ${url}`);
      if (options?.etag === 'v1') {
        calls.notModified += 1;
        throw new NotModifiedError();
      }
      return {
        etag: 'v1',
        buffer: async () => {
          calls.contents += 1;
          return Buffer.from(text);
        },
      };
    },
    search: async (url: string, options?: { etag?: string }) => {
      calls.search += 1;
      const etag = `s:${url}`;
      if (options?.etag === etag) {
        calls.notModified += 1;
        throw new NotModifiedError();
      }
      const name = /slo\/(svc-\d+)-\*\.yaml$/.exec(url)![1];
      return {
        etag,
        files: [
          {
            url: `${base}/slo/${name}-latency.yaml`,
            content: async () => {
              calls.contents += 1;
              return Buffer.from(sloFile(`${name}-latency`));
            },
          },
        ],
      };
    },
  });
  return { urlReader, calls };
}

describe('definitions read once per change', () => {
  it('parses a 1,000-entity file once per cycle and reads no file content when nothing changed', async () => {
    let now = 0;
    const cache = new DefinitionFileCache({
      freshForMs: 60_000,
      now: () => now,
    });
    const { urlReader, calls } = countingReader(1000);
    const cycle = async () => {
      let slos = 0;
      for (let i = 0; i < 1000; i++) {
        const read = await readEntityDefinitions(
          entity(i),
          `url:${base}/catalog-info.yaml`,
          { urlReader, integrations, cache },
        );
        expect(read.problems).toEqual([]);
        slos += read.slos.length;
      }
      return slos;
    };

    expect(await cycle()).toBe(2000);
    // The catalog file once; one search and one SLO file per entity.
    expect(calls).toEqual({
      readUrl: 1,
      search: 1000,
      contents: 1001,
      notModified: 0,
    });
    expect(cache.stats.derived).toBe(1);
    expect(cache.stats.parsed).toBe(1000);

    now += 5 * 60_000;
    expect(await cycle()).toBe(2000);
    // Revalidated with ETags: no content, and the catalog file is not parsed again.
    expect(calls).toEqual({
      readUrl: 2,
      search: 2000,
      contents: 1001,
      notModified: 1001,
    });
    expect(cache.stats.derived).toBe(1);
    // Nothing changed: no entity's definitions are parsed again.
    expect(cache.stats.parsed).toBe(1000);

    // Within the freshness time nothing is asked at all.
    expect(await cycle()).toBe(2000);
    expect(calls.readUrl + calls.search).toBe(2002);
  });

  it('reads a changed local file again, and only that one', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'cache-'));
    const file = path.join(folder, 'catalog-info.yaml');
    await fs.writeFile(file, catalogFile(3));
    const cache = new DefinitionFileCache({ freshForMs: 0 });
    const read = () =>
      readEntityDefinitions(entity(1), `file:${file}`, {
        urlReader: mockServices.urlReader.mock(),
        integrations,
        cache,
      });
    await read();
    await read();
    expect(cache.stats).toMatchObject({ fetched: 1, unchanged: 1, derived: 1 });
    await fs.writeFile(file, catalogFile(4));
    await read();
    expect(cache.stats).toMatchObject({ fetched: 2, unchanged: 1, derived: 2 });
    await fs.rm(folder, { recursive: true, force: true });
  });
});
