import request from 'supertest';
import {
  TestDatabaseId,
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ScorecardStore } from './store/ScorecardStore';
import { org, payments } from './testing/scorecardRows';
import reliabilityPlugin from '.';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const today = new Date().toISOString().slice(0, 10);
const auditor = 'user:default/auditor';
/** A user who may read only some entities (a conditional catalog decision). */
const contractor = 'user:default/contractor';

function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: {},
  };
}

/**
 * The reliability backend on a test database, the scorecard rows stored as the projector leaves
 * them. The contractor's catalog reads are conditional; the catalog then answers with the entities
 * of `contractorSees` (the real catalog would apply the conditions).
 */
async function startBackend(
  databaseId: TestDatabaseId,
  contractorSees: Entity[],
) {
  const knex = await databases.init(databaseId);
  /** Whether request options carry the contractor's credentials. */
  const isContractor = (options: unknown) =>
    (
      options as
        | { credentials?: { principal?: { userEntityRef?: string } } }
        | undefined
    )?.credentials?.principal?.userEntityRef === contractor;
  const permissions = mockServices.permissions.mock({
    authorizeConditional: async (requests, options) =>
      requests.map(() =>
        isContractor(options)
          ? {
              result: AuthorizeResult.CONDITIONAL,
              pluginId: 'catalog',
              resourceType: 'catalog-entity',
              conditions: {
                rule: 'IS_ENTITY_OWNER',
                resourceType: 'catalog-entity',
                params: { claims: [payments] },
              },
            }
          : { result: AuthorizeResult.ALLOW },
      ),
  });
  const catalog = catalogServiceMock.mock({
    getEntities: async (_request, options) => ({
      items: isContractor(options) ? contractorSees : [],
    }),
  });
  const { server } = await startTestBackend({
    features: [
      reliabilityPlugin,
      permissions.factory,
      catalog.factory,
      mockServices.database.factory({ knex, migrations: { skip: false } }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
    ],
  });
  await new ScorecardStore(knex).replaceAll(
    org.map(row => ({ row, breachedSlos: 0 })),
    today,
    1000,
  );
  const get = (path: string, user = auditor) =>
    request(server)
      .get(`/api/reliability${path}`)
      .set('Authorization', mockCredentials.user.header(user));
  return { get, knex };
}

const names = (body: { rows: Array<{ name: string }> }) =>
  body.rows.map(row => row.name);

const CSV_HEADER =
  'entity,title,tier,owner,system,domain,lifecycle,on_call,runbooks,slos,attainment,' +
  'budget_remaining,max_burn_rate_1h,budget_status,policy_state,readiness_score,review_state,missing,tier_name,measured_at,stale,' +
  'slos_meeting_target,slos_measured,alerts_not_deployed';

describe.each(databases.eachSupportedId())(
  'scorecard API on %p',
  databaseId => {
    let api: Awaited<ReturnType<typeof startBackend>>;
    beforeAll(async () => {
      api = await startBackend(databaseId, [
        component('checkout'),
        component('ledger'),
      ]);
    });

    it('pages through the rows in the requested order', async () => {
      const first = await api.get('/scorecard?sort=name&pageSize=2');
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        totalCount: 5,
        page: 1,
        pageSize: 2,
      });
      expect(names(first.body)).toEqual(['autocomplete', 'checkout']);
      const third = await api.get('/scorecard?sort=name&pageSize=2&page=3');
      expect(names(third.body)).toEqual(['search-api']);
      const byBudget = await api.get(
        '/scorecard?sort=budgetRemaining&order=desc',
      );
      expect(names(byBudget.body)).toEqual([
        'checkout',
        'search-api',
        'ledger',
        'autocomplete',
        'invoicing',
      ]);
    });

    it('filters by tier, owner, missing item, budget status and search', async () => {
      const critical = await api.get(
        '/scorecard?tier=0,1&missing=slos&sort=name',
      );
      expect(names(critical.body)).toEqual(['invoicing']);
      const burning = await api.get(
        '/scorecard?budgetStatus=out_of_budget,burning_slow&sort=name',
      );
      expect(names(burning.body)).toEqual(['ledger', 'search-api']);
      const searched = await api.get('/scorecard?q=SEARCH&sort=name');
      expect(names(searched.body)).toEqual(['autocomplete', 'search-api']);
      const team = await api.get(
        `/scorecard?owner=${payments}&lifecycle=production&sort=name`,
      );
      expect(names(team.body)).toEqual(['checkout', 'invoicing', 'ledger']);
      const invalid = await api.get('/scorecard?tier=7');
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.message).toBe(
        'tier.0 must be a configured tier: 0, 1, 2 or 3',
      );
    });

    it('rolls up coverage by owner with the totals', async () => {
      const { body } = await api.get('/scorecard/rollups?by=owner');
      expect(body.by).toBe('owner');
      expect(
        body.groups.map((g: { key: string; entities: number }) => [
          g.key,
          g.entities,
        ]),
      ).toEqual([
        [payments, 3],
        ['group:default/search', 2],
      ]);
      expect(body.totals).toMatchObject({
        entities: 5,
        withSlos: 3,
        critical: 4,
        criticalWithSlos: 3,
        criticalWithOnCall: 3,
        withOnCall: 3,
        withRunbooks: 3,
        // Each entity in one budget status: ledger, overspent, is out of budget.
        outOfBudget: 1,
        burningFast: 0,
        burningSlow: 1,
        onTrack: 1,
        noData: 2,
      });
    });

    it('exports the filtered, sorted view as CSV and JSON', async () => {
      const csv = await api.get(
        '/scorecard/export?format=csv&tier=0,1&sort=budgetRemaining',
      );
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe(
        'attachment; filename="reliability-scorecard.csv"',
      );
      expect(csv.text.split('\n')).toEqual([
        CSV_HEADER,
        'component:default/ledger,,0,group:default/payments,system:default/shop,domain:default/commerce,production,PagerDuty PGRP001,1,1,0,-0.5,20,out_of_budget,red,0.5,,,Tier 0,,false,0,1,',
        'component:default/search-api,Search API,1,group:default/search,system:default/search,,production,Slack #search,1,3,0.6666666666666666,0.1,4,burning_slow,yellow,0.75,,,Tier 1,,false,2,3,',
        'component:default/checkout,Checkout,1,group:default/payments,system:default/shop,domain:default/commerce,production,PagerDuty PGRP001,2,2,1,0.8,0.4,on_track,green,1,,,Tier 1,,false,2,2,',
        'component:default/invoicing,,1,group:default/payments,system:default/billing,,production,,0,0,,,,no_data,nodata,0.25,,onCall slos,Tier 1,,false,0,0,',
        '',
      ]);
      const json = await api.get('/scorecard/export?format=json&missing=slos');
      expect(json.headers['content-disposition']).toBe(
        'attachment; filename="reliability-scorecard.json"',
      );
      expect(
        json.body.map((r: { entityRef: string; missing: string[] }) => [
          r.entityRef,
          r.missing,
        ]),
      ).toEqual([
        ['component:default/invoicing', ['onCall', 'slos']],
        ['component:default/autocomplete', ['slos']],
      ]);
    });

    it('renders rows stored without a CSV line (before the first projection of this version) from their columns', async () => {
      const stored = await api.get('/scorecard/export?sort=name');
      await api.knex('scorecard_rows').update({ csv_line: null });
      const rendered = await api.get('/scorecard/export?sort=name');
      expect(rendered.text).toBe(stored.text);
      expect(rendered.text.split('\n')).toHaveLength(7);
    });

    it('leaves out of rows, rollups and exports what the caller cannot see', async () => {
      const page = await api.get('/scorecard?sort=name', contractor);
      expect(page.body.totalCount).toBe(2);
      expect(names(page.body)).toEqual(['checkout', 'ledger']);
      const rollups = await api.get('/scorecard/rollups?by=tier', contractor);
      expect(
        rollups.body.groups.map((g: { key: string; entities: number }) => [
          g.key,
          g.entities,
        ]),
      ).toEqual([
        ['0', 1],
        ['1', 1],
      ]);
      expect(rollups.body.totals.entities).toBe(2);
      const csv = await api.get('/scorecard/export?sort=name', contractor);
      expect(csv.text.split('\n').map(line => line.split(',')[0])).toEqual([
        'entity',
        'component:default/checkout',
        'component:default/ledger',
        '',
      ]);
      const trends = await api.get('/scorecard/trends?days=400', contractor);
      expect(
        trends.body.days.map((d: { day: string; entities: number }) => [
          d.day,
          d.entities,
        ]),
      ).toEqual([[today, 2]]);
    });
  },
);

describe.each(databases.eachSupportedId())(
  'scorecard visibility at scale on %p',
  databaseId => {
    it('filters by tens of thousands of visible entities (beyond the limits of bound values per statement)', async () => {
      const visible = Array.from({ length: 70_000 }, (_, i) =>
        component(`service-${i}`),
      );
      visible.push(component('ledger'), component('search-api'));
      const api = await startBackend(databaseId, visible);
      const page = await api.get('/scorecard?sort=name', contractor);
      expect(page.status).toBe(200);
      expect(names(page.body)).toEqual(['ledger', 'search-api']);
      const rollups = await api.get('/scorecard/rollups?by=owner', contractor);
      expect(rollups.body.totals.entities).toBe(2);
    });
  },
);

describe.each(databases.eachSupportedId())(
  'scorecard freshness API on %p',
  databaseId => {
    const MINUTE = 60_000;
    const HOUR = 60 * MINUTE;
    /** Measured three hours ago, evaluated every 5 minutes (the default): stale. */
    const threeHoursAgo = Date.now() - 3 * HOUR;
    const projectedAt = Date.now();
    let api: Awaited<ReturnType<typeof startBackend>>;
    beforeAll(async () => {
      api = await startBackend(databaseId, []);
      const measured: Record<string, Partial<(typeof org)[number]>> = {
        checkout: { measuredAt: projectedAt - MINUTE },
        ledger: { measuredAt: projectedAt - MINUTE, degraded: true },
        'search-api': { measuredAt: threeHoursAgo },
      };
      await new ScorecardStore(api.knex).replaceAll(
        org.map(row => ({
          row: { ...row, ...measured[row.name], updatedAt: projectedAt },
          breachedSlos: 0,
        })),
        today,
        projectedAt,
      );
    });

    it('serves each row’s freshness and filters on it', async () => {
      const page = await api.get('/scorecard?sort=name');
      expect(
        page.body.rows.map(
          (r: {
            name: string;
            freshness: { stale: boolean; staleBecause?: string };
          }) => [r.name, r.freshness.stale, r.freshness.staleBecause],
        ),
      ).toEqual([
        ['autocomplete', false, undefined],
        ['checkout', false, undefined],
        ['invoicing', false, undefined],
        ['ledger', true, 'degraded'],
        ['search-api', true, 'old'],
      ]);
      const old = page.body.rows[4].freshness;
      expect(old.measuredAt).toBe(threeHoursAgo);
      expect(old.ageMs).toBeGreaterThanOrEqual(3 * HOUR);
      const stale = await api.get('/scorecard?stale=true&sort=name');
      expect(names(stale.body)).toEqual(['ledger', 'search-api']);
      expect(stale.body.totalCount).toBe(2);
      const current = await api.get('/scorecard?stale=false&sort=name');
      expect(names(current.body)).toEqual([
        'autocomplete',
        'checkout',
        'invoicing',
      ]);
      const invalid = await api.get('/scorecard?stale=yes');
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.message).toBe('stale must be true or false');
      const rollups = await api.get('/scorecard/rollups?by=owner&stale=true');
      expect(rollups.body.totals).toMatchObject({ entities: 2, stale: 2 });
    });

    it('exports when the figures were measured and whether they are stale', async () => {
      const csv = await api.get('/scorecard/export?sort=name&stale=true');
      expect(csv.status).toBe(200);
      const [header, ...lines] = csv.text.trim().split('\n');
      expect(header.split(',').slice(-6, -3)).toEqual([
        'tier_name',
        'measured_at',
        'stale',
      ]);
      expect(
        lines.map(line => {
          const cells = line.split(',');
          return [cells[0], ...cells.slice(-6, -3)];
        }),
      ).toEqual([
        [
          'component:default/ledger',
          'Tier 0',
          new Date(projectedAt - MINUTE).toISOString(),
          'true',
        ],
        [
          'component:default/search-api',
          'Tier 1',
          new Date(threeHoursAgo).toISOString(),
          'true',
        ],
      ]);
      const all = await api.get('/scorecard/export?sort=name');
      expect(
        all.text
          .trim()
          .split('\n')
          .slice(1)
          .map(line => [line.split(',')[0], line.split(',').at(-4)]),
      ).toEqual([
        ['component:default/autocomplete', 'false'],
        ['component:default/checkout', 'false'],
        ['component:default/invoicing', 'false'],
        ['component:default/ledger', 'true'],
        ['component:default/search-api', 'true'],
      ]);
      const json = await api.get('/scorecard/export?format=json&stale=true');
      expect(
        json.body.map(
          (r: {
            entityRef: string;
            measuredAt: number;
            freshness: { stale: boolean; staleBecause: string };
          }) => [
            r.entityRef,
            r.measuredAt,
            r.freshness.stale,
            r.freshness.staleBecause,
          ],
        ),
      ).toEqual([
        ['component:default/ledger', projectedAt - MINUTE, true, 'degraded'],
        ['component:default/search-api', threeHoursAgo, true, 'old'],
      ]);
    });

    it('marks the stale services in this week’s review', async () => {
      const { body } = await api.get('/scorecard/weekly');
      expect(
        body.services.map(
          (s: { name: string; stale: boolean; staleBecause?: string }) => [
            s.name,
            s.stale,
            s.staleBecause,
          ],
        ),
      ).toEqual([
        ['ledger', true, 'degraded'],
        ['search-api', true, 'old'],
        ['checkout', false, undefined],
      ]);
      expect(body.counts.stale).toBe(2);
    });
  },
);
