import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { ScorecardRow } from '@reliability-suite/plugin-reliability-common';
import { migratedClient } from './DefinitionsStore';
import { ScorecardQuery, ScorecardStore } from './ScorecardStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function open(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  return new ScorecardStore(
    await migratedClient(
      mockServices.database({ knex, migrations: { skip: false } }),
    ),
  );
}

function row(name: string, fields: Partial<ScorecardRow>): ScorecardRow {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    runbookCount: 0,
    sloCount: 0,
    budgetStatus: 'no_data',
    policyState: 'nodata',
    missing: [],
    updatedAt: 1000,
    ...fields,
  };
}

const payments = 'group:default/payments';
const search = 'group:default/search';
/** A small org: two teams, Tier 0–3, some without SLOs or on-call. */
const org = [
  row('checkout', {
    title: 'Checkout',
    tier: 1,
    owner: payments,
    system: 'system:default/shop',
    domain: 'domain:default/commerce',
    lifecycle: 'production',
    onCall: 'PagerDuty PGRP001',
    runbookCount: 2,
    sloCount: 2,
    attainment: 1,
    budgetRemaining: 0.8,
    maxBurnRate: 0.4,
    budgetStatus: 'on_track',
    policyState: 'green',
    readinessScore: 1,
  }),
  row('ledger', {
    tier: 0,
    owner: payments,
    system: 'system:default/shop',
    domain: 'domain:default/commerce',
    lifecycle: 'production',
    onCall: 'PagerDuty PGRP001',
    runbookCount: 1,
    sloCount: 1,
    attainment: 0,
    budgetRemaining: -0.5,
    maxBurnRate: 20,
    budgetStatus: 'burning_fast',
    policyState: 'red',
    readinessScore: 0.5,
  }),
  row('invoicing', {
    tier: 1,
    owner: payments,
    system: 'system:default/billing',
    lifecycle: 'production',
    sloCount: 0,
    missing: ['onCall', 'slos'],
    readinessScore: 0.25,
  }),
  row('search-api', {
    title: 'Search API',
    tier: 1,
    owner: search,
    system: 'system:default/search',
    lifecycle: 'production',
    onCall: 'Slack #search',
    runbookCount: 1,
    sloCount: 3,
    attainment: 2 / 3,
    budgetRemaining: 0.1,
    maxBurnRate: 4,
    budgetStatus: 'burning_slow',
    policyState: 'yellow',
    readinessScore: 0.75,
  }),
  row('autocomplete', {
    tier: 3,
    owner: search,
    lifecycle: 'experimental',
    sloCount: 0,
    missing: ['slos'],
  }),
];

const query = (fields: Partial<ScorecardQuery> = {}): ScorecardQuery => ({
  filter: {},
  sort: 'name',
  order: 'asc',
  page: 1,
  pageSize: 50,
  ...fields,
});
const names = (rows: ScorecardRow[]) => rows.map(r => r.name);
const all = { all: true } as const;

describe.each(databases.eachSupportedId())(
  'ScorecardStore on %s',
  databaseId => {
    let store: ScorecardStore;
    beforeAll(async () => {
      store = await open(databaseId);
      await store.replaceAll(
        org.map(r => ({ row: r, breachedSlos: r.name === 'ledger' ? 1 : 0 })),
        '2026-11-20',
        1000,
      );
    });

    it('returns rows as stored, sorted and paged in SQL', async () => {
      const first = await store.page(
        query({ sort: 'tier', order: 'asc', pageSize: 2 }),
        all,
      );
      expect(first.totalCount).toBe(5);
      expect(names(first.rows)).toEqual(['ledger', 'checkout']);
      expect(first.rows[0]).toEqual(org[1]);
      const second = await store.page(
        query({ sort: 'tier', order: 'asc', pageSize: 2, page: 2 }),
        all,
      );
      expect(names(second.rows)).toEqual(['invoicing', 'search-api']);
      const third = await store.page(
        query({ sort: 'tier', pageSize: 2, page: 3 }),
        all,
      );
      expect(names(third.rows)).toEqual(['autocomplete']);
    });

    it('sorts by budget left with entities without data last, both ways', async () => {
      expect(
        names((await store.page(query({ sort: 'budgetRemaining' }), all)).rows),
      ).toEqual([
        'ledger',
        'search-api',
        'checkout',
        'autocomplete',
        'invoicing',
      ]);
      expect(
        names(
          (
            await store.page(
              query({ sort: 'budgetRemaining', order: 'desc' }),
              all,
            )
          ).rows,
        ),
      ).toEqual([
        'checkout',
        'search-api',
        'ledger',
        'autocomplete',
        'invoicing',
      ]);
    });

    it.each([
      [
        'Tier 0 and 1',
        { tiers: [0, 1] },
        ['checkout', 'invoicing', 'ledger', 'search-api'],
      ],
      ['an owner', { owners: [search] }, ['autocomplete', 'search-api']],
      [
        'a system',
        { systems: ['system:default/shop'] },
        ['checkout', 'ledger'],
      ],
      [
        'a domain',
        { domains: ['domain:default/commerce'] },
        ['checkout', 'ledger'],
      ],
      ['a lifecycle', { lifecycles: ['experimental'] }, ['autocomplete']],
      [
        'a policy state',
        { policyStates: ['red' as const, 'yellow' as const] },
        ['ledger', 'search-api'],
      ],
      [
        'a budget status',
        { budgetStatuses: ['burning_fast' as const] },
        ['ledger'],
      ],
      [
        'a missing item',
        { missing: 'slos' as const },
        ['autocomplete', 'invoicing'],
      ],
      [
        'Tier 1 missing on-call',
        { tiers: [1], missing: 'onCall' as const },
        ['invoicing'],
      ],
      ['search in the title', { search: 'SEARCH a' }, ['search-api']],
      [
        'search in the owner',
        { search: 'payments' },
        ['checkout', 'invoicing', 'ledger'],
      ],
      ['LIKE wildcards taken literally', { search: '%' }, []],
    ])('filters by %s', async (_label, filter, expected) => {
      const page = await store.page(query({ filter }), all);
      expect(names(page.rows)).toEqual(expected);
      expect(page.totalCount).toBe(expected.length);
    });

    it('leaves out the entities the caller cannot see', async () => {
      const visible = {
        refs: ['component:default/checkout', 'component:default/autocomplete'],
      };
      expect(names((await store.page(query(), visible)).rows)).toEqual([
        'autocomplete',
        'checkout',
      ]);
      expect((await store.rollups('owner', {}, visible)).totals.entities).toBe(
        2,
      );
      expect(await store.page(query(), { refs: [] })).toEqual({
        rows: [],
        totalCount: 0,
        page: 1,
        pageSize: 50,
      });
    });

    it('rolls up coverage and health by owner, largest group first', async () => {
      const { groups, totals } = await store.rollups('owner', {}, all);
      expect(
        groups.map(g => [
          g.key,
          g.entities,
          g.withSlos,
          g.critical,
          g.criticalWithSlos,
          g.criticalWithOnCall,
          g.withRunbooks,
          g.outOfBudget,
          g.burningFast,
          g.burningSlow,
          g.onTrack,
          g.noData,
        ]),
      ).toEqual([
        [payments, 3, 2, 3, 2, 2, 2, 1, 1, 0, 1, 1],
        [search, 2, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1],
      ]);
      expect(groups[0].attainment).toBeCloseTo(0.5);
      expect(groups[0].readinessScore).toBeCloseTo(1.75 / 3);
      expect(totals).toMatchObject({
        entities: 5,
        withSlos: 3,
        critical: 4,
        criticalWithSlos: 3,
        criticalWithOnCall: 3,
        outOfBudget: 1,
      });
    });

    it('rolls up by tier, keeping entities without a system as a group of their own, last', async () => {
      expect(
        (await store.rollups('tier', {}, all)).groups.map(g => [
          g.key,
          g.entities,
        ]),
      ).toEqual([
        ['1', 3],
        ['0', 1],
        ['3', 1],
      ]);
      expect(
        (await store.rollups('system', { owners: [search] }, all)).groups.map(
          g => [g.key, g.entities],
        ),
      ).toEqual([
        ['system:default/search', 1],
        [undefined, 1],
      ]);
    });

    it('removes rows of entities that are gone at the next projection', async () => {
      const other = await open(databaseId);
      await other.replaceAll(
        org.map(r => ({ row: r, breachedSlos: 0 })),
        '2026-11-20',
        1000,
      );
      await other.replaceAll(
        [{ row: { ...org[0], updatedAt: 2000 }, breachedSlos: 0 }],
        '2026-11-21',
        2000,
      );
      expect(names((await other.page(query(), all)).rows)).toEqual([
        'checkout',
      ]);
    });

    it('keeps one snapshot per entity per day and serves trends over several days', async () => {
      const other = await open(databaseId);
      const day = (d: string, rows: ScorecardRow[], at: number) =>
        other.replaceAll(
          rows.map(r => ({ row: { ...r, updatedAt: at }, breachedSlos: 0 })),
          d,
          at,
        );
      await day('2026-11-18', [org[2], org[4]], 1); // nobody has SLOs yet
      await day('2026-11-19', [org[0], org[2], org[4]], 2);
      await day('2026-11-19', [org[0], org[2], org[3], org[4]], 3); // later the same day: replaces
      await day('2026-11-20', org, 4);
      const trend = await other.trends('2026-11-18', {}, all);
      expect(
        trend.map(t => [
          t.day,
          t.entities,
          t.withSlos,
          t.critical,
          t.criticalWithSlos,
          t.burningFast,
        ]),
      ).toEqual([
        ['2026-11-18', 2, 0, 1, 0, 0],
        ['2026-11-19', 4, 2, 3, 2, 0],
        ['2026-11-20', 5, 3, 4, 3, 1],
      ]);
      expect(
        (await other.trends('2026-11-19', { owners: [search] }, all)).map(t => [
          t.day,
          t.entities,
        ]),
      ).toEqual([
        ['2026-11-19', 2],
        ['2026-11-20', 2],
      ]);
      expect(
        (
          await other.trends(
            '2026-11-18',
            {},
            { refs: ['component:default/checkout'] },
          )
        ).map(t => [t.day, t.entities]),
      ).toEqual([
        ['2026-11-19', 1],
        ['2026-11-20', 1],
      ]);
    });
  },
);
