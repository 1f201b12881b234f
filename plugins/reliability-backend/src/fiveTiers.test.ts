import path from 'node:path';
import request from 'supertest';
import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleReliability from '@reliability-suite/plugin-catalog-backend-module-reliability';
import { ScorecardStore } from './store/ScorecardStore';
import { FIVE_TIERS_CONFIG, fiveTierRows } from './testing/fiveTiers';
import reliabilityPlugin from '.';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const today = new Date().toISOString().slice(0, 10);
const fixtures = path.resolve(__dirname, '__fixtures__');

describe.each(databases.eachSupportedId())(
  'the scorecard API with five configured tiers on %p',
  databaseId => {
    let get: (route: string) => request.Test;
    beforeAll(async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const { server } = await startTestBackend({
        features: [
          reliabilityPlugin,
          mockServices.rootConfig.factory({
            data: { reliability: { tiers: FIVE_TIERS_CONFIG } },
          }),
          mockServices.database.factory({ knex, migrations: { skip: false } }),
          mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        ],
      });
      // The rows as the projector leaves them; the store's critical set is the plugin's concern.
      await new ScorecardStore(knex).replaceAll(
        fiveTierRows.map(row => ({ row, breachedSlos: 0 })),
        today,
        1000,
      );
      get = route => request(server).get(`/api/reliability${route}`);
    });

    it('serves the configured tiers, critical ones marked', async () => {
      const response = await get('/tiers');
      expect(response.status).toBe(200);
      expect(
        response.body.tiers.map(
          (t: { level: number; name: string; critical: boolean }) => [
            t.level,
            t.name,
            t.critical,
          ],
        ),
      ).toEqual([
        [0, 'Platinum', true],
        [1, 'Gold', false],
        [2, 'Silver', false],
        [3, 'Bronze', false],
        [4, 'Lab', false],
      ]);
    });

    it('filters by the fifth tier and refuses a sixth, naming the field and the levels', async () => {
      const lab = await get('/scorecard?tier=4');
      expect(lab.status).toBe(200);
      expect(lab.body.rows.map((r: { name: string }) => r.name)).toEqual([
        'sandbox',
      ]);
      for (const route of [
        '/scorecard?tier=5',
        '/scorecard/rollups?by=tier&tier=5',
        '/scorecard/export?tier=5',
        '/scorecard/trends?tier=4,5',
      ]) {
        const refused = await get(route);
        expect([route, refused.status, refused.body.error.message]).toEqual([
          route,
          400,
          `tier.${
            route.endsWith('4,5') ? 1 : 0
          } must be a configured tier: 0, 1, 2, 3 or 4`,
        ]);
      }
      const gold = await get('/scorecard?tier=gold');
      expect(gold.body.error.message).toBe(
        'tier.0 must be a configured tier: 0, 1, 2, 3 or 4',
      );
    });

    it('counts only the configured critical tier as critical, in rollups and trends', async () => {
      const { body } = await get('/scorecard/rollups?by=tier');
      expect(
        body.groups.map((g: { key?: string; critical: number }) => [
          g.key ?? null,
          g.critical,
        ]),
      ).toEqual([
        ['0', 1],
        ['1', 0],
        ['2', 0],
        ['3', 0],
        ['4', 0],
        [null, 0],
      ]);
      expect(body.totals).toMatchObject({
        entities: 6,
        critical: 1,
        criticalWithSlos: 1,
        criticalWithOnCall: 1,
      });
      const trends = await get('/scorecard/trends?days=1');
      expect(
        trends.body.days.map(
          (d: {
            day: string;
            critical: number;
            criticalWithSlos: number;
            criticalWithOnCall: number;
          }) => [d.day, d.critical, d.criticalWithSlos, d.criticalWithOnCall],
        ),
      ).toEqual([[today, 1, 1, 1]]);
    });

    it('exports the configured tier names', async () => {
      const csv = await get('/scorecard/export?sort=tier');
      const cells = csv.text
        .trim()
        .split('\n')
        .map(line => line.split(','))
        // tier_name, then measured_at, stale, slos_meeting_target, slos_measured and
        // alerts_not_deployed.
        .map(row => [row[0], row[2], row[row.length - 6]]);
      expect(cells).toEqual([
        ['entity', 'tier', 'tier_name'],
        ['component:default/vault', '0', 'Platinum'],
        ['component:default/payments', '1', 'Gold'],
        ['component:default/search', '2', 'Silver'],
        ['component:default/wiki', '3', 'Bronze'],
        ['component:default/sandbox', '4', 'Lab'],
        ['component:default/scratch', '', ''],
      ]);
    });
  },
);

describe('entities of five configured tiers through the real catalog', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  const profile = async (name: string) =>
    request(server).get(`/api/reliability/profile/component/default/${name}`);
  const catalogEntity = async (name: string) =>
    request(server).get(
      `/api/catalog/entities/by-name/component/default/${name}`,
    );

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleReliability,
        reliabilityPlugin,
        mockServices.rootConfig.factory({
          data: {
            reliability: {
              tiers: FIVE_TIERS_CONFIG,
              pipeline: { startup: { catalogQuietSeconds: 1 } },
            },
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [{ allow: ['Component'] }],
              locations: [
                {
                  type: 'file',
                  target: path.join(fixtures, 'five-tiers.yaml'),
                },
              ],
            },
          },
        }),
      ],
    }));
    for (let attempt = 0; ; attempt++) {
      const responses = await Promise.all(
        ['lab-tool', 'sixth-tier'].map(profile),
      );
      if (responses.every(r => r.status === 200 && !r.body.pending)) break;
      if (attempt >= 300)
        throw new Error('the definitions were not read within 60 s');
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  });

  it('gives an entity of the fifth tier its configured tier', async () => {
    const { body } = await profile('lab-tool');
    expect([body.tier?.name, body.tier?.critical, body.problems]).toEqual([
      'Lab',
      false,
      [],
    ]);
  });

  it('reports a sixth tier with the configured levels, on the profile and in the catalog', async () => {
    const { body } = await profile('sixth-tier');
    expect([body.tier, body.problems]).toEqual([
      undefined,
      [
        {
          file: 'five-tiers.yaml',
          line: 18,
          field: 'metadata.annotations.reliability-suite.io/tier',
          message: '"5" is not a tier: use 0, 1, 2, 3 or 4',
        },
      ],
    ]);
    // The catalog stitches the processing errors in shortly after processing.
    let entity = await catalogEntity('sixth-tier');
    for (let attempt = 0; !entity.body.status && attempt < 100; attempt++) {
      await new Promise(resolve => setTimeout(resolve, 200));
      entity = await catalogEntity('sixth-tier');
    }
    expect(
      entity.body.status.items.map(
        (item: { error: { message: string } }) => item.error.message,
      ),
    ).toEqual([
      'five-tiers.yaml:18 metadata.annotations.reliability-suite.io/tier: "5" is not a tier: use 0, 1, 2, 3 or 4',
    ]);
  });
});
