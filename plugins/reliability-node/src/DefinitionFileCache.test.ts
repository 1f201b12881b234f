import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NotModifiedError } from '@backstage/errors';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { DefinitionFileCache } from './DefinitionFileCache';
import {
  DefinitionReadRecord,
  definitionsUnchanged,
  readEntityDefinitions,
} from './readEntityDefinitions';

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
function countingReader(count: number, searchVersion = (_url: string) => 's') {
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
      const etag = `${searchVersion(url)}:${url}`;
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

  it('confirms what an earlier process read by ETags alone, and reads again what changed', async () => {
    let svc3Version = 's';
    const { urlReader, calls } = countingReader(10, url =>
      url.includes('/svc-3-') ? svc3Version : 's',
    );
    const location = `url:${base}/catalog-info.yaml`;
    const records: DefinitionReadRecord[] = [];
    const firstProcess = new DefinitionFileCache();
    for (let i = 0; i < 10; i++) {
      const read = await readEntityDefinitions(entity(i), location, {
        urlReader,
        integrations,
        cache: firstProcess,
      });
      records.push(read.record!);
    }
    expect(records[3]).toEqual({
      inputs: expect.any(String),
      reads: [
        [`url:${base}/catalog-info.yaml`, 'v1'],
        [`search:${base}/slo/svc-3-*.yaml`, `s:${base}/slo/svc-3-*.yaml`],
      ],
    });
    expect(calls.contents).toBe(11);

    // A new process, nothing cached: every record is confirmed without content.
    const secondProcess = new DefinitionFileCache();
    const context = { urlReader, integrations, cache: secondProcess };
    const unchanged = [];
    for (let i = 0; i < 10; i++)
      unchanged.push(
        await definitionsUnchanged(entity(i), location, records[i], context),
      );
    expect(unchanged).toEqual(Array(10).fill(true));
    // The catalog file once for all ten entities, and one search each, all answered 304.
    expect(calls).toMatchObject({ contents: 11, notModified: 11 });
    expect(secondProcess.stats).toMatchObject({ unchanged: 11, parsed: 0 });

    // Another SLO file for svc-3, and another annotation for svc-4: those two are read again.
    svc3Version = 't';
    const thirdProcess = new DefinitionFileCache();
    const changed = { urlReader, integrations, cache: thirdProcess };
    const svc4 = entity(4);
    svc4.metadata.annotations!['reliability-suite.io/tier'] = '1';
    expect(
      await definitionsUnchanged(entity(3), location, records[3], changed),
    ).toBe(false);
    expect(
      await definitionsUnchanged(svc4, location, records[4], changed),
    ).toBe(false);
    expect(
      await definitionsUnchanged(entity(5), location, records[5], changed),
    ).toBe(true);
    // A record from elsewhere (another location) is not trusted either.
    expect(
      await definitionsUnchanged(
        entity(5),
        `url:${base}/other/catalog-info.yaml`,
        records[5],
        changed,
      ),
    ).toBe(false);
  });

  it('keeps no record of local files or of files that could not be read', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'cache-'));
    const file = path.join(folder, 'catalog-info.yaml');
    await fs.writeFile(file, catalogFile(3));
    const local = await readEntityDefinitions(entity(1), `file:${file}`, {
      urlReader: mockServices.urlReader.mock(),
      integrations,
    });
    expect(local.record).toBeUndefined();
    const unreachable = await readEntityDefinitions(
      entity(1),
      `url:${base}/catalog-info.yaml`,
      {
        urlReader: mockServices.urlReader.mock({
          readUrl: async () => {
            throw new Error('connection reset');
          },
          search: async () => {
            throw new Error('connection reset');
          },
        }),
        integrations,
      },
    );
    expect(unreachable.unreadable).toBe(true);
    expect(unreachable.record).toBeUndefined();
    await fs.rm(folder, { recursive: true, force: true });
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
