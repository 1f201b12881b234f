import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogReadiness, configuredLocations } from './CatalogReadiness';
import { SettleTracker } from './settle';

describe('SettleTracker', () => {
  it.each([
    [
      'loaded when the count stays the same for the quiet time',
      [
        [0, 3, []],
        [500, 7, []],
        [1000, 7, []],
        [1499, 7, []],
        [1500, 7, []],
      ],
      [false, false, false, false, true],
    ],
    [
      'not while a configured location is unread, however long the count stays',
      [
        [0, 0, ['file:/a.yaml']],
        [5000, 0, ['file:/a.yaml']],
        [6000, 0, []],
        [7000, 0, []],
      ],
      [false, false, false, true],
    ],
    [
      'starting over after the catalog could not be asked',
      [
        [0, 7, []],
        [900, undefined, []],
        [1000, 7, []],
        [1900, 7, []],
        [2000, 7, []],
      ],
      [false, false, false, false, true],
    ],
  ] as Array<[string, Array<[number, number | undefined, string[]]>, boolean[]]>)(
    '%s',
    (_, looks, expected) => {
      const tracker = new SettleTracker(1000);
      expect(
        looks.map(([at, entities, unreadLocations]) =>
          tracker.observe(
            at,
            entities === undefined ? undefined : { entities, unreadLocations },
          ),
        ),
      ).toEqual(expected);
    },
  );
});

describe('configuredLocations', () => {
  it('names each location as the catalog names its Location entity', () => {
    const locations = configuredLocations(
      new ConfigReader({
        catalog: {
          locations: [
            { type: 'file', target: 'examples/all.yaml' },
            { type: 'url', target: 'https://example.com/catalog-info.yaml' },
          ],
        },
      }),
    );
    expect(locations.map(l => l.spec)).toEqual([
      `file:${path.resolve('examples/all.yaml')}`,
      'url:https://example.com/catalog-info.yaml',
    ]);
    // sha1 of "url:https://example.com/catalog-info.yaml", as the catalog computes it.
    expect(locations[1].entityRef).toBe(
      'location:default/generated-94fde8d1a3274d54a87afa4868abb452412d59c6',
    );
  });
});

describe('CatalogReadiness', () => {
  /** A catalog whose entity count and served locations follow `script`, one step per look. */
  function scriptedCatalog(
    script: Array<{ entities: number; locations: boolean } | 'down'>,
  ) {
    let step = 0;
    const current = () => script[Math.min(step, script.length - 1)];
    const catalog = {
      async queryEntities() {
        const now = current();
        step += 1;
        if (now === 'down') throw new Error('connection refused');
        return { items: [], totalItems: now.entities, pageInfo: {} };
      },
      async getEntitiesByRefs() {
        const now = current();
        return {
          items: [
            now !== 'down' && now.locations ? { kind: 'Location' } : null,
          ],
        };
      },
    } as unknown as CatalogService;
    return catalog;
  }

  const readiness = (catalog: CatalogService, maxWaitMs: number) => {
    const logger = mockServices.logger.mock();
    return {
      logger,
      readiness: new CatalogReadiness({
        catalog,
        auth: mockServices.auth(),
        logger,
        locations: [
          {
            spec: 'file:/srv/catalog.yaml',
            entityRef: 'location:default/generated-x',
          },
        ],
        quietMs: 40,
        maxWaitMs,
        pollMs: 10,
      }),
    };
  };

  it('waits until the location is read and the count holds still', async () => {
    const { readiness: ready, logger } = readiness(
      scriptedCatalog([
        'down',
        { entities: 1, locations: false },
        { entities: 3, locations: true },
        { entities: 9, locations: true },
      ]),
      10_000,
    );
    expect(ready.loaded).toBe(false);
    await expect(
      ready.waitForFirstCycle(new AbortController().signal),
    ).resolves.toBe('loaded');
    expect(ready.loaded).toBe(true);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Catalog loaded after \d+\.\d s \(9 entities, unchanged for 0\.04 s\): the first reliability cycle starts now$/,
      ),
    );
  });

  it('gives up after the longest wait, says what it lacked, and keeps watching', async () => {
    let locationRead = false;
    const catalog = {
      async queryEntities() {
        return { items: [], totalItems: 4, pageInfo: {} };
      },
      async getEntitiesByRefs() {
        return { items: [locationRead ? { kind: 'Location' } : null] };
      },
    } as unknown as CatalogService;
    const { readiness: ready, logger } = readiness(catalog, 100);
    await expect(
      ready.waitForFirstCycle(new AbortController().signal),
    ).resolves.toBe('timeout');
    expect(ready.loaded).toBe(false);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Catalog not loaded after \d+\.\d s \(4 entities; locations not read yet: file:\/srv\/catalog\.yaml\): the first reliability cycle starts now, its snapshot marked incomplete until the catalog has loaded$/,
      ),
    );
    locationRead = true;
    await expect(
      ready.waitUntilLoaded(new AbortController().signal),
    ).resolves.toBe(true);
    expect(ready.loaded).toBe(true);
  });

  it('stops waiting at shutdown', async () => {
    const { readiness: ready } = readiness(
      scriptedCatalog([{ entities: 1, locations: false }]),
      10_000,
    );
    const shutdown = new AbortController();
    const waiting = ready.waitForFirstCycle(shutdown.signal);
    shutdown.abort();
    await expect(waiting).resolves.toBe('aborted');
    expect(ready.loaded).toBe(false);
  });
});
