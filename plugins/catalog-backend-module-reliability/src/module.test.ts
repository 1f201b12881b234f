import path from 'node:path';
import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleReliability from '.';

const fixtures = path.resolve(__dirname, '__fixtures__');

async function startCatalog(blockInvalidEntities: boolean) {
  const { server } = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleReliability,
      mockServices.rootConfig.factory({
        data: {
          reliability: { catalog: { blockInvalidEntities } },
          catalog: {
            processingInterval: { seconds: 1 },
            locations: [
              { type: 'file', target: path.join(fixtures, 'catalog.yaml') },
            ],
          },
        },
      }),
    ],
  });
  return server;
}

async function waitForEntity(
  server: Awaited<ReturnType<typeof startCatalog>>,
  name: string,
): Promise<AlphaEntity> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const response = await request(server).get(
      `/api/catalog/entities/by-name/component/default/${name}`,
    );
    if (response.status === 200) return response.body;
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  throw new Error(`entity ${name} never appeared`);
}

// Starting the catalog and processing the fixtures takes several seconds on a loaded CI machine.
jest.setTimeout(60_000);

describe('catalogModuleReliability', () => {
  it('keeps broken entities in the catalog and shows each problem as a processing error with file and line', async () => {
    const server = await startCatalog(false);
    const checkout = await waitForEntity(server, 'checkout');
    const search = await waitForEntity(server, 'search');
    const plain = await waitForEntity(server, 'plain');
    expect(checkout.status?.items).toEqual([
      {
        type: 'backstage.io/catalog-processing',
        level: 'error',
        message:
          'ReliabilityDefinitionError: checkout/slo/availability.yaml:6 spec.indicatorRef: unknown SLI "does-not-exist" (no SLI is defined)',
        error: {
          name: 'ReliabilityDefinitionError',
          message:
            'checkout/slo/availability.yaml:6 spec.indicatorRef: unknown SLI "does-not-exist" (no SLI is defined)',
        },
      },
    ]);
    expect(search.status?.items?.map(i => i.error?.message)).toEqual([
      'catalog.yaml:26 spec.reliability.slos[0].objective: must be < 1 (100% leaves no error budget)',
    ]);
    expect(plain.status).toBeUndefined();
  });

  it('can block invalid entities instead, as catalog processing errors', async () => {
    const server = await startCatalog(true);
    const plain = await waitForEntity(server, 'plain');
    expect(plain.metadata.name).toBe('plain');
    const response = await request(server).get(
      '/api/catalog/entities/by-name/component/default/checkout',
    );
    expect(response.status).toBe(404);
  });
});
