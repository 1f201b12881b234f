import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { ScorecardRow } from '@reliability-suite/plugin-reliability-common';
import { payments, row, search } from '../testing/scorecardRows';
import { migratedClient } from './DefinitionsStore';
import { ScorecardQuery, ScorecardStore } from './ScorecardStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const projectedAt = Date.parse('2026-12-04T12:00:00Z');
const shop = 'system:default/shop';

/**
 * A shop system: two services (one critical with SLOs and on-call, one without SLOs), a website
 * with SLOs, an API and a database; and a System that declares a tier of its own. Only the two
 * Components of type service are services.
 */
const rows: Array<[ScorecardRow, number]> = [
  [
    row('checkout', {
      owner: payments,
      system: shop,
      tier: 1,
      onCall: 'PagerDuty PGRP001',
      runbookCount: 1,
      sloCount: 3,
      slosMeetingTarget: 2,
      slosMeasured: 3,
      attainment: 2 / 3,
      budgetRemaining: 0.4,
    }),
    1,
  ],
  [
    row('invoicing', {
      owner: payments,
      system: shop,
      tier: 2,
      type: 'SERVICE',
    }),
    0,
  ],
  [
    row('storefront', {
      owner: payments,
      system: shop,
      tier: 1,
      type: 'website',
      onCall: 'PagerDuty PGRP001',
      sloCount: 2,
      slosMeetingTarget: 1,
      slosMeasured: 1,
      attainment: 1,
      budgetRemaining: -0.25,
    }),
    0,
  ],
  [
    {
      ...row('checkout-api', { owner: payments, system: shop, tier: 1 }),
      entityRef: 'api:default/checkout-api',
      kind: 'API',
      type: 'openapi',
    },
    0,
  ],
  [
    {
      ...row('orders-db', { owner: payments, system: shop, tier: 0 }),
      entityRef: 'resource:default/orders-db',
      kind: 'Resource',
      type: 'database',
    },
    0,
  ],
  [
    {
      ...row('search-platform', { owner: search, tier: 1, sloCount: 1 }),
      entityRef: 'system:default/search-platform',
      kind: 'System',
      type: undefined,
    },
    0,
  ],
].map(([r, breached]) => [
  { ...(r as ScorecardRow), updatedAt: projectedAt },
  breached as number,
]);

const query = (filter: ScorecardQuery['filter'] = {}): ScorecardQuery => ({
  filter,
  sort: 'name',
  order: 'asc',
  page: 1,
  pageSize: 50,
});
const all = { all: true } as const;

describe.each(databases.eachSupportedId())(
  'scorecard services and SLOs meeting target on %s',
  databaseId => {
    let store: ScorecardStore;
    beforeAll(async () => {
      store = new ScorecardStore(
        await migratedClient(
          mockServices.database({
            knex: await databases.init(databaseId as TestDatabaseId),
            migrations: { skip: false },
          }),
        ),
        { evaluationIntervalMs: 300_000 },
      );
      await store.replaceAll(
        rows.map(([r, breachedSlos]) => ({ row: r, breachedSlos })),
        '2026-12-04',
        projectedAt,
      );
    });

    const names = async (filter: ScorecardQuery['filter']) =>
      (await store.page(query(filter), all, projectedAt)).rows.map(r => r.name);

    it('keeps each row’s type and SLOs meeting target', async () => {
      const [checkout] = (
        await store.page(query({ search: 'checkout' }), all, projectedAt)
      ).rows;
      expect([
        checkout.name,
        checkout.type,
        checkout.slosMeetingTarget,
        checkout.slosMeasured,
      ]).toEqual(['checkout', 'service', 2, 3]);
    });

    it('filters by kind and spec.type, in any case', async () => {
      expect(await names({ kinds: ['component'], types: ['service'] })).toEqual(
        ['checkout', 'invoicing'],
      );
      expect(await names({ kinds: ['Component'], types: ['Website'] })).toEqual(
        ['storefront'],
      );
      expect(await names({ kinds: ['api', 'resource'] })).toEqual([
        'checkout-api',
        'orders-db',
      ]);
      expect(await names({ kinds: ['system'] })).toEqual(['search-platform']);
      expect(await names({ types: ['database'] })).toEqual(['orders-db']);
    });

    it('counts services only among the entities, and SLOs meeting target over all of them', async () => {
      const { totals } = await store.rollups('owner', {}, all, projectedAt);
      expect([totals.entities, totals.withSlos, totals.critical]).toEqual([
        6, 3, 5,
      ]);
      expect(totals.services).toEqual({
        total: 2,
        withSlos: 1,
        withOnCall: 1,
        withRunbooks: 1,
        critical: 1,
        criticalWithSlos: 1,
        criticalWithOnCall: 1,
      });
      // checkout's 2 of 3 and storefront's 1 of 1; the system's SLO was never measured.
      expect([
        totals.slosMeetingTarget,
        totals.slosMeasured,
        totals.attainment,
        totals.budgetRemaining,
      ]).toEqual([3, 4, 3 / 4, -0.25]);
    });

    it('rolls up one system: its parts by tier, with their worst budget left', async () => {
      const { groups, totals } = await store.rollups(
        'tier',
        { systems: [shop] },
        all,
        projectedAt,
      );
      expect(groups.map(g => [g.key, g.entities])).toEqual([
        ['0', 1],
        ['1', 3],
        ['2', 1],
      ]);
      expect([
        totals.entities,
        totals.services.total,
        totals.slosMeetingTarget,
        totals.slosMeasured,
        totals.budgetRemaining,
      ]).toEqual([5, 2, 3, 4, -0.25]);
    });

    it('snapshots whether each entity is a service and its measured SLOs, for trends', async () => {
      const [day] = await store.trends('2026-12-04', {}, all);
      expect(day.services).toEqual({
        total: 2,
        withSlos: 1,
        withOnCall: 1,
        withRunbooks: 1,
        critical: 1,
        criticalWithSlos: 1,
        criticalWithOnCall: 1,
      });
      // checkout breached 1 of its 3; storefront 0 of 1.
      expect([day.slosMeetingTarget, day.slosMeasured, day.attainment]).toEqual(
        [3, 4, 3 / 4],
      );
    });

    it('counts no services and no measured SLOs in snapshots from before they were recorded', async () => {
      const db = await migratedClient(
        mockServices.database({
          knex: await databases.init(databaseId as TestDatabaseId),
          migrations: { skip: false },
        }),
      );
      const old = new ScorecardStore(db);
      await old.replaceAll(
        rows.map(([r, breachedSlos]) => ({ row: r, breachedSlos })),
        '2026-11-01',
        projectedAt,
      );
      await db('scorecard_daily')
        .where({ day: '2026-11-01' })
        .update({ is_service: null, slos_measured: null });
      const [day] = await old.trends('2026-11-01', {}, all);
      expect([
        day.entities,
        day.services.total,
        day.slosMeetingTarget,
        day.slosMeasured,
        day.attainment,
      ]).toEqual([6, 0, 0, 0, undefined]);
    });
  },
);
