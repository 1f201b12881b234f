import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import {
  SchedulerService,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { NotModifiedError } from '@backstage/errors';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleReliability from '@reliability-suite/plugin-catalog-backend-module-reliability';
import {
  DefinitionFileCache,
  definitionFileCacheServiceRef,
} from '@reliability-suite/plugin-reliability-node';
import reliabilityPlugin from '.';
import { manyEntitiesCatalog, oneSloFile } from './testing/manyEntities';

jest.setTimeout(180_000);

const ENTITIES = 20;
const base = 'https://git.example.com/acme/org/blob/main';

const catalogFile = manyEntitiesCatalog(ENTITIES, { sloFiles: true });

/**
 * An SCM holding one catalog file of every entity and one OpenSLO file per entity, answering
 * ETags as GitHub does, and counting the file contents it sends (the catalog's own reads too).
 */
function countingScm() {
  const calls = { contents: 0, notModified: 0 };
  const urlReader = mockServices.urlReader.mock({
    readUrl: async (url: string, options?: { etag?: string }) => {
      if (url !== `${base}/catalog-info.yaml`) {
        const error = new Error(`no ${url}`);
        error.name = 'NotFoundError';
        throw error;
      }
      if (options?.etag === 'v1') {
        calls.notModified += 1;
        throw new NotModifiedError();
      }
      return {
        etag: 'v1',
        buffer: async () => {
          calls.contents += 1;
          return Buffer.from(catalogFile);
        },
      };
    },
    // The catalog reads its locations through search, also a single file.
    search: async (url: string, options?: { etag?: string }) => {
      const etag = `s:${url}`;
      if (options?.etag === etag) {
        calls.notModified += 1;
        throw new NotModifiedError();
      }
      if (url === `${base}/catalog-info.yaml`) {
        return {
          etag,
          files: [
            {
              url,
              content: async () => {
                calls.contents += 1;
                return Buffer.from(catalogFile);
              },
            },
          ],
        };
      }
      const name = /slo\/(svc-\d+)-\*\.yaml$/.exec(url)![1];
      return {
        etag,
        files: [
          {
            url: `${base}/slo/${name}-latency.yaml`,
            content: async () => {
              calls.contents += 1;
              return Buffer.from(oneSloFile(`${name}-latency`));
            },
          },
        ],
      };
    },
  });
  return { urlReader, calls };
}

/** The portal's backend on the given database folder, with a fresh file cache (a new process). */
async function startBackend(
  databaseFolder: string,
  scm: ReturnType<typeof countingScm>,
) {
  const cache = new DefinitionFileCache({ freshForMs: 10 * 60_000 });
  const scheduler = mockServices.scheduler() as SchedulerService & {
    factory: typeof mockServices.scheduler.factory;
    triggerTask(id: string): Promise<void>;
    waitForTask(id: string): Promise<void>;
  };
  // The pipeline's first cycle starts by itself once the catalog has loaded.
  const firstCycle = scheduler.waitForTask('reliability-definitions-sync');
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleReliability,
      reliabilityPlugin,
      scheduler.factory({ skipTaskRunOnStartup: true }),
      scm.urlReader.factory,
      createServiceFactory({
        service: definitionFileCacheServiceRef,
        deps: {},
        factory: () => cache,
      }),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            database: {
              client: 'better-sqlite3',
              connection: { directory: databaseFolder },
            },
          },
          reliability: {
            definitions: { refreshIntervalMinutes: 0.001 },
            pipeline: { startup: { catalogQuietSeconds: 1 } },
          },
          catalog: {
            processingInterval: { seconds: 1 },
            rules: [{ allow: ['Component', 'Location'] }],
            locations: [{ type: 'url', target: `${base}/catalog-info.yaml` }],
          },
        },
      }),
    ],
  });
  return {
    server: backend.server,
    stop: () => backend.stop(),
    cache,
    scheduler,
    firstCycle,
  };
}

/** Waits until every entity has been through the catalog's processing a few times. */
async function catalogProcessed(server: Parameters<typeof request>[0]) {
  for (let attempt = 0; attempt < 150; attempt++) {
    const response = await request(server).get(
      '/api/catalog/entities?filter=kind=component&fields=metadata.name',
    );
    if (response.body.length === ENTITIES) break;
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  await new Promise(resolve => setTimeout(resolve, 3000));
}

describe('definitions after a restart', () => {
  it('are confirmed by ETags: an unchanged organisation is neither fetched nor parsed again', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'after-restart-'));
    const scm = countingScm();

    const first = await startBackend(folder, scm);
    await catalogProcessed(first.server);
    await first.firstCycle;
    await first.scheduler.triggerTask('reliability-definitions-sync');
    const before = await request(first.server).get(
      `/api/reliability/slos/component/default/svc-${ENTITIES - 1}`,
    );
    expect(before.body.slos.map((s: any) => s.definition.name)).toEqual([
      'availability',
      `svc-${ENTITIES - 1}-latency`,
    ]);
    // The catalog file for the catalog and once for both readers, one SLO file per entity.
    expect(scm.calls.contents).toBe(2 + ENTITIES);
    await first.stop();

    // A new process: its file cache is empty; the catalog's processor cache and the plugin's
    // store kept what each entity was read from.
    scm.calls.contents = 0;
    scm.calls.notModified = 0;
    const second = await startBackend(folder, scm);
    await catalogProcessed(second.server);
    await second.firstCycle;
    await second.scheduler.triggerTask('reliability-definitions-sync');
    const after = await request(second.server).get(
      `/api/reliability/slos/component/default/svc-${ENTITIES - 1}`,
    );
    expect(after.body.slos.map((s: any) => s.definition.name)).toEqual([
      'availability',
      `svc-${ENTITIES - 1}-latency`,
    ]);
    // Every file was confirmed with its ETag (the catalog file and each entity's search), and no
    // content was fetched or parsed, by the catalog, its reliability module or the sync.
    expect(scm.calls.contents).toBe(0);
    expect(scm.calls.notModified).toBeGreaterThanOrEqual(2 + ENTITIES);
    expect(second.cache.stats.fetched).toBe(0);
    expect(second.cache.stats.parsed).toBe(0);
    expect(second.cache.stats.unchanged).toBe(1 + ENTITIES);
    await second.stop();
    await fs.rm(folder, { recursive: true, force: true });
  });
});
