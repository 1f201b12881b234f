import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import {
  SchedulerService,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleReliability from '@reliability-suite/plugin-catalog-backend-module-reliability';
import {
  DefinitionFileCache,
  definitionFileCacheServiceRef,
} from '@reliability-suite/plugin-reliability-node';
import reliabilityPlugin from '.';
import { manyEntitiesCatalog } from './testing/manyEntities';

jest.setTimeout(120_000);

const ENTITIES = 50;

const catalogFile = manyEntitiesCatalog(ENTITIES);

describe('the catalog module and the definitions sync', () => {
  it('share one read and one parse of a file holding many entities', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'shared-reads-'));
    const file = path.join(folder, 'catalog-info.yaml');
    await fs.writeFile(file, catalogFile);
    const cache = new DefinitionFileCache({ freshForMs: 10 * 60_000 });
    const scheduler = mockServices.scheduler() as SchedulerService & {
      factory: typeof mockServices.scheduler.factory;
      waitForTask(id: string): Promise<void>;
    };
    // The pipeline's first cycle starts by itself once the catalog has loaded.
    const firstCycle = scheduler.waitForTask('reliability-definitions-sync');
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleReliability,
        reliabilityPlugin,
        scheduler.factory({ skipTaskRunOnStartup: true }),
        createServiceFactory({
          service: definitionFileCacheServiceRef,
          deps: {},
          factory: () => cache,
        }),
        mockServices.rootConfig.factory({
          data: {
            reliability: {
              // Definitions read at every cycle; the first once the count holds for 1 s.
              definitions: { refreshIntervalMinutes: 0.001 },
              pipeline: { startup: { catalogQuietSeconds: 1 } },
            },
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [{ allow: ['Component', 'Location'] }],
              locations: [{ type: 'file', target: file }],
            },
          },
        }),
      ],
    });
    for (let attempt = 0; attempt < 150; attempt++) {
      const response = await request(server).get(
        '/api/catalog/entities?filter=kind=component&fields=metadata.name',
      );
      if (response.body.length === ENTITIES) break;
      await new Promise(resolve => setTimeout(resolve, 200));
    }
    // Let the catalog process every entity a few times over.
    await new Promise(resolve => setTimeout(resolve, 3000));
    await firstCycle;
    const beforeSync = { ...cache.stats };
    await scheduler.triggerTask('reliability-definitions-sync');
    // The sync read every entity from the catalog module's copy: nothing fetched or parsed.
    expect(cache.stats.fresh - beforeSync.fresh).toBeGreaterThanOrEqual(
      ENTITIES,
    );
    expect(cache.stats.fetched - beforeSync.fetched).toBe(0);
    expect(cache.stats.parsed - beforeSync.parsed).toBe(0);
    const slos = await request(server).get(
      `/api/reliability/slos/component/default/svc-${ENTITIES - 1}`,
    );
    expect(slos.body.slos.map((s: any) => s.definition.name)).toEqual([
      'availability',
    ]);
    // One fetch and one parse of the file, for every entity, the catalog and the sync alike.
    expect(cache.stats.fetched).toBe(1);
    expect(cache.stats.derived).toBe(1);
    await fs.rm(folder, { recursive: true, force: true });
  });
});
