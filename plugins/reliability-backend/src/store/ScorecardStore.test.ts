import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import {
  ScorecardRow,
  ScorecardTrendPoint,
} from '@reliability-suite/plugin-reliability-common';
import { migratedClient } from './DefinitionsStore';
import { isoWeekBounds, weeklyReview } from '../scorecard/weeklyReview';
import { ScorecardQuery, ScorecardStore } from './ScorecardStore';
import { org, payments, row, search } from '../testing/scorecardRows';

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
      expect(first.rows[0]).toStrictEqual({
        ...org[1],
        title: undefined,
        reviewState: undefined,
        measuredAt: undefined,
        freshness: { stale: false },
      });
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
        { budgetStatuses: ['out_of_budget' as const] },
        ['ledger'],
      ],
      [
        'burning fast (ledger, overspent, is out of budget instead)',
        { budgetStatuses: ['burning_fast' as const] },
        [],
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
        // Each entity counts in one budget status: ledger is out of budget, not burning fast.
        [payments, 3, 2, 3, 2, 2, 2, 1, 0, 0, 1, 1],
        [search, 2, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1],
      ]);
      // SLOs meeting target: checkout's 2 of 2, ledger's 0 of 1; invoicing has none.
      expect([
        groups[0].slosMeetingTarget,
        groups[0].slosMeasured,
        groups[0].attainment,
        groups[0].budgetRemaining,
      ]).toEqual([2, 3, 2 / 3, -0.5]);
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

    it('rolls up by tier in tier order, whatever their sizes, entities without a tier last', async () => {
      const other = await open(databaseId);
      await other.replaceAll(
        [
          ...org,
          row('experiments', { tier: 2, owner: search }),
          row('recommendations', { tier: 2, owner: search }),
          row('legacy-batch', { owner: payments }),
          row('wiki', { owner: search }),
        ].map(r => ({ row: r, breachedSlos: 0 })),
        '2026-11-20',
        1000,
      );
      expect(
        (await other.rollups('tier', {}, all)).groups.map(g => [
          g.key,
          g.entities,
        ]),
      ).toEqual([
        ['0', 1],
        ['1', 3],
        ['2', 2],
        ['3', 1],
        [undefined, 2],
      ]);
    });

    it('rolls up by system, largest first, keeping entities without a system as a group of their own, last', async () => {
      expect(
        (await store.rollups('system', {}, all)).groups.map(g => [
          g.key,
          g.entities,
        ]),
      ).toEqual([
        ['system:default/shop', 2],
        ['system:default/billing', 1],
        ['system:default/search', 1],
        [undefined, 1],
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
          t.outOfBudget,
          t.burningFast,
        ]),
      ).toEqual([
        ['2026-11-18', 2, 0, 1, 0, 0, 0],
        ['2026-11-19', 4, 2, 3, 2, 0, 0],
        // ledger, overspent: out of budget, which outranks burning fast.
        ['2026-11-20', 5, 3, 4, 3, 1, 0],
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

    describe('trends over several days', () => {
      const [checkout, ledger, invoicing, searchApi, autocomplete] = org;
      const day1 = '2026-11-16';
      const day2 = '2026-11-17';
      const day3 = '2026-11-18';
      // No projection on 2026-11-19.
      const day4 = '2026-11-20';
      /** Each day's projection: rows with that day's figures, and their breached SLOs. */
      const days: Array<[string, Array<[ScorecardRow, number]>]> = [
        [
          day1,
          [
            [checkout, 0],
            [
              {
                ...ledger,
                attainment: 1,
                budgetRemaining: 0.25,
                budgetStatus: 'burning_slow',
                policyState: 'yellow',
              },
              0,
            ],
            [invoicing, 0],
            [
              {
                ...searchApi,
                attainment: 1,
                budgetRemaining: 0.5,
                budgetStatus: 'on_track',
                policyState: 'green',
              },
              0,
            ],
            [autocomplete, 0],
          ],
        ],
        [
          day2,
          [
            [checkout, 0],
            [ledger, 1],
            [invoicing, 0],
            [
              {
                ...searchApi,
                slosMeetingTarget: 1,
                slosMeasured: 2,
                attainment: 0.5,
                budgetRemaining: 0.125,
              },
              1,
            ],
            [autocomplete, 0],
          ],
        ],
        [
          day3,
          [
            [
              {
                ...checkout,
                slosMeetingTarget: 1,
                attainment: 0.5,
                budgetRemaining: 0.25,
                budgetStatus: 'burning_slow',
                policyState: 'yellow',
              },
              1,
            ],
            [{ ...ledger, budgetRemaining: -0.75 }, 1],
            // Its first SLO, not measured yet.
            [{ ...invoicing, sloCount: 1, missing: ['onCall'] }, 0],
            [
              {
                ...searchApi,
                slosMeetingTarget: 1,
                attainment: 1 / 3,
                budgetRemaining: -0.25,
                budgetStatus: 'out_of_budget',
                policyState: 'red',
              },
              2,
            ],
            // autocomplete is gone.
          ],
        ],
        [
          day4,
          [
            [checkout, 0],
            [{ ...ledger, budgetRemaining: -0.75 }, 1],
            [{ ...invoicing, sloCount: 1, missing: ['onCall'] }, 0],
            [
              {
                ...searchApi,
                slosMeetingTarget: 1,
                slosMeasured: 2,
                attainment: 0.5,
                budgetRemaining: -0.25,
                budgetStatus: 'out_of_budget',
                policyState: 'red',
              },
              1,
            ],
          ],
        ],
      ];

      let trendStore: ScorecardStore;
      beforeAll(async () => {
        trendStore = await open(databaseId);
        for (const [i, [day, rows]] of days.entries()) {
          const projectedAt = (i + 1) * 10_000;
          await trendStore.replaceAll(
            rows.map(([r, breachedSlos]) => ({
              row: { ...r, updatedAt: projectedAt },
              breachedSlos,
            })),
            day,
            projectedAt,
          );
        }
      });

      /** The health counts of each point: day, entities, with SLOs, burning fast/slow, on track, no data, out of budget. */
      const health = (points: ScorecardTrendPoint[]) =>
        points.map(p => [
          p.day,
          p.entities,
          p.withSlos,
          p.burningFast,
          p.burningSlow,
          p.onTrack,
          p.noData,
          p.outOfBudget,
        ]);

      it('gives one point per projected day, oldest first, with exact coverage and health', async () => {
        const coverage = {
          critical: 4,
          criticalWithOnCall: 3,
          withOnCall: 3,
          withRunbooks: 3,
          readinessScore: 0.625,
          stale: 0,
        };
        /** Every entity of these days is a service. */
        const services = (
          total: number,
          withSlos: number,
          criticalWithSlos: number,
        ) => ({
          total,
          withSlos,
          withOnCall: 3,
          withRunbooks: 3,
          critical: 4,
          criticalWithSlos,
          criticalWithOnCall: 3,
        });
        expect(await trendStore.trends(day1, {}, all)).toEqual([
          {
            day: day1,
            entities: 5,
            withSlos: 3,
            criticalWithSlos: 3,
            outOfBudget: 0,
            burningFast: 0,
            burningSlow: 1,
            onTrack: 2,
            noData: 2,
            services: services(5, 3, 3),
            slosMeetingTarget: 6,
            slosMeasured: 6,
            attainment: 1,
            budgetRemaining: 0.25,
            ...coverage,
          },
          {
            day: day2,
            entities: 5,
            withSlos: 3,
            criticalWithSlos: 3,
            outOfBudget: 1,
            burningFast: 0,
            burningSlow: 1,
            onTrack: 1,
            noData: 2,
            services: services(5, 3, 3),
            // checkout 2 of 2, ledger 0 of 1, search-api 1 of 2.
            slosMeetingTarget: 3,
            slosMeasured: 5,
            attainment: 3 / 5,
            budgetRemaining: -0.5,
            ...coverage,
          },
          {
            day: day3,
            entities: 4,
            withSlos: 4,
            criticalWithSlos: 4,
            outOfBudget: 2,
            burningFast: 0,
            burningSlow: 1,
            onTrack: 0,
            noData: 1,
            services: services(4, 4, 4),
            slosMeetingTarget: 2,
            slosMeasured: 6,
            attainment: 2 / 6,
            budgetRemaining: -0.75,
            ...coverage,
          },
          {
            day: day4,
            entities: 4,
            withSlos: 4,
            criticalWithSlos: 4,
            outOfBudget: 2,
            burningFast: 0,
            burningSlow: 0,
            onTrack: 1,
            noData: 1,
            services: services(4, 4, 4),
            slosMeetingTarget: 3,
            slosMeasured: 5,
            attainment: 3 / 5,
            budgetRemaining: -0.75,
            ...coverage,
          },
        ]);
      });

      it('leaves out the days before the first day asked for', async () => {
        expect(health(await trendStore.trends(day2, {}, all))).toEqual([
          [day2, 5, 3, 0, 1, 1, 2, 1],
          [day3, 4, 4, 0, 1, 0, 1, 2],
          [day4, 4, 4, 0, 0, 1, 1, 2],
        ]);
        expect(health(await trendStore.trends('2026-11-19', {}, all))).toEqual([
          [day4, 4, 4, 0, 0, 1, 1, 2],
        ]);
        expect(await trendStore.trends('2026-11-21', {}, all)).toEqual([]);
      });

      it.each([
        [
          'an owner',
          { owners: [payments] },
          [
            [day1, 3, 2, 0, 1, 1, 1, 0],
            [day2, 3, 2, 0, 0, 1, 1, 1],
            [day3, 3, 3, 0, 1, 0, 1, 1],
            [day4, 3, 3, 0, 0, 1, 1, 1],
          ],
        ],
        [
          'both owners',
          { owners: [payments, search] },
          [
            [day1, 5, 3, 0, 1, 2, 2, 0],
            [day2, 5, 3, 0, 1, 1, 2, 1],
            [day3, 4, 4, 0, 1, 0, 1, 2],
            [day4, 4, 4, 0, 0, 1, 1, 2],
          ],
        ],
        [
          'a tier',
          { tiers: [1] },
          [
            [day1, 3, 2, 0, 0, 2, 1, 0],
            [day2, 3, 2, 0, 1, 1, 1, 0],
            [day3, 3, 3, 0, 1, 0, 1, 1],
            [day4, 3, 3, 0, 0, 1, 1, 1],
          ],
        ],
        [
          'a tier of an entity that is gone (no points after it went)',
          { tiers: [3] },
          [
            [day1, 1, 0, 0, 0, 0, 1, 0],
            [day2, 1, 0, 0, 0, 0, 1, 0],
          ],
        ],
        [
          'an owner and a tier',
          { owners: [search], tiers: [1] },
          [
            [day1, 1, 1, 0, 0, 1, 0, 0],
            [day2, 1, 1, 0, 1, 0, 0, 0],
            [day3, 1, 1, 0, 0, 0, 0, 1],
            [day4, 1, 1, 0, 0, 0, 0, 1],
          ],
        ],
        ['an owner without entities', { owners: ['group:default/nobody'] }, []],
      ])('narrows trends to %s', async (_label, filter, expected) => {
        expect(health(await trendStore.trends(day1, filter, all))).toEqual(
          expected,
        );
      });

      it('counts only the entities the caller can see', async () => {
        const visible = {
          refs: [
            'component:default/ledger',
            'component:default/search-api',
            'component:default/unknown',
          ],
        };
        const trend = await trendStore.trends(day1, {}, visible);
        expect(health(trend)).toEqual([
          [day1, 2, 2, 0, 1, 1, 0, 0],
          [day2, 2, 2, 0, 1, 0, 0, 1],
          [day3, 2, 2, 0, 0, 0, 0, 2],
          [day4, 2, 2, 0, 0, 0, 0, 2],
        ]);
        // ledger's and search-api's SLOs meeting target.
        expect(
          trend.map(t => [
            t.slosMeetingTarget,
            t.slosMeasured,
            t.attainment,
            t.readinessScore,
          ]),
        ).toEqual([
          [4, 4, 1, 0.625],
          [1, 3, 1 / 3, 0.625],
          [1, 4, 1 / 4, 0.625],
          [1, 3, 1 / 3, 0.625],
        ]);
        expect(
          health(
            await trendStore.trends(day1, { owners: [payments] }, visible),
          ),
        ).toEqual([
          [day1, 1, 1, 0, 1, 0, 0, 0],
          [day2, 1, 1, 0, 0, 0, 0, 1],
          [day3, 1, 1, 0, 0, 0, 0, 1],
          [day4, 1, 1, 0, 0, 0, 0, 1],
        ]);
        expect(
          await trendStore.trends(
            day1,
            {},
            { refs: ['component:default/autocomplete'] },
          ),
        ).toEqual([
          {
            day: day1,
            entities: 1,
            withSlos: 0,
            critical: 0,
            criticalWithSlos: 0,
            criticalWithOnCall: 0,
            withOnCall: 0,
            withRunbooks: 0,
            outOfBudget: 0,
            burningFast: 0,
            burningSlow: 0,
            onTrack: 0,
            noData: 1,
            stale: 0,
            services: {
              total: 1,
              withSlos: 0,
              withOnCall: 0,
              withRunbooks: 0,
              critical: 0,
              criticalWithSlos: 0,
              criticalWithOnCall: 0,
            },
            slosMeetingTarget: 0,
            slosMeasured: 0,
            attainment: undefined,
            budgetRemaining: undefined,
            readinessScore: undefined,
          },
          {
            day: day2,
            entities: 1,
            withSlos: 0,
            critical: 0,
            criticalWithSlos: 0,
            criticalWithOnCall: 0,
            withOnCall: 0,
            withRunbooks: 0,
            outOfBudget: 0,
            burningFast: 0,
            burningSlow: 0,
            onTrack: 0,
            noData: 1,
            stale: 0,
            services: {
              total: 1,
              withSlos: 0,
              withOnCall: 0,
              withRunbooks: 0,
              critical: 0,
              criticalWithSlos: 0,
              criticalWithOnCall: 0,
            },
            slosMeetingTarget: 0,
            slosMeasured: 0,
            attainment: undefined,
            budgetRemaining: undefined,
            readinessScore: undefined,
          },
        ]);
        expect(await trendStore.trends(day1, {}, { refs: [] })).toEqual([]);
      });
    });

    describe('daily snapshots over several weeks', () => {
      const [checkout, ledger, , , autocomplete] = org;
      const checkoutRef = 'component:default/checkout';
      const ledgerRef = 'component:default/ledger';
      const autocompleteRef = 'component:default/autocomplete';
      /** ledger's budget and breaches by day; checkout and autocomplete as in `org`. */
      const ledgerDays: Array<[string, Partial<ScorecardRow>, number]> = [
        // Friday of 2026-W46.
        [
          '2026-11-13',
          {
            budgetRemaining: 0.75,
            attainment: 1,
            budgetStatus: 'on_track',
            policyState: 'green',
          },
          0,
        ],
        // Monday and Sunday of 2026-W47.
        [
          '2026-11-16',
          {
            budgetRemaining: 0.5,
            attainment: 1,
            budgetStatus: 'on_track',
            policyState: 'green',
          },
          0,
        ],
        [
          '2026-11-22',
          {
            budgetRemaining: 0.25,
            attainment: 1,
            budgetStatus: 'burning_slow',
            policyState: 'yellow',
          },
          0,
        ],
        // Monday and Sunday of 2026-W48.
        [
          '2026-11-23',
          {
            budgetRemaining: 0,
            attainment: 0,
            budgetStatus: 'burning_fast',
            policyState: 'yellow',
          },
          1,
        ],
        [
          '2026-11-29',
          {
            budgetRemaining: -0.5,
            attainment: 0,
            budgetStatus: 'out_of_budget',
            policyState: 'red',
          },
          1,
        ],
        // Monday of 2026-W49.
        [
          '2026-11-30',
          {
            budgetRemaining: -0.25,
            attainment: 0.5,
            budgetStatus: 'out_of_budget',
            policyState: 'red',
          },
          0,
        ],
      ];

      let weeksStore: ScorecardStore;
      beforeAll(async () => {
        weeksStore = await open(databaseId);
        for (const [i, [day, fields, breachedSlos]] of ledgerDays.entries()) {
          const projectedAt = (i + 1) * 10_000;
          await weeksStore.replaceAll(
            [
              { row: { ...checkout, updatedAt: projectedAt }, breachedSlos: 0 },
              {
                row: { ...ledger, ...fields, updatedAt: projectedAt },
                breachedSlos,
              },
              {
                row: { ...autocomplete, updatedAt: projectedAt },
                breachedSlos: 0,
              },
            ],
            day,
            projectedAt,
          );
        }
      });

      const checkoutSnapshot = (day: string) => ({
        day,
        entityRef: checkoutRef,
        budgetStatus: 'on_track',
        policyState: 'green',
        budgetRemaining: 0.8,
        attainment: 1,
        breachedSlos: 0,
        staleBecause: undefined,
        measuredAt: undefined,
      });
      const autocompleteSnapshot = (day: string) => ({
        day,
        entityRef: autocompleteRef,
        budgetStatus: 'no_data',
        policyState: 'nodata',
        budgetRemaining: undefined,
        attainment: undefined,
        breachedSlos: 0,
        staleBecause: undefined,
        measuredAt: undefined,
      });

      it('returns the snapshots between two days, both included, oldest first and by entity', async () => {
        expect(
          await weeksStore.snapshots('2026-11-16', '2026-11-29', all),
        ).toStrictEqual([
          autocompleteSnapshot('2026-11-16'),
          checkoutSnapshot('2026-11-16'),
          {
            day: '2026-11-16',
            entityRef: ledgerRef,
            budgetStatus: 'on_track',
            policyState: 'green',
            budgetRemaining: 0.5,
            attainment: 1,
            breachedSlos: 0,
            staleBecause: undefined,
            measuredAt: undefined,
          },
          autocompleteSnapshot('2026-11-22'),
          checkoutSnapshot('2026-11-22'),
          {
            day: '2026-11-22',
            entityRef: ledgerRef,
            budgetStatus: 'burning_slow',
            policyState: 'yellow',
            budgetRemaining: 0.25,
            attainment: 1,
            breachedSlos: 0,
            staleBecause: undefined,
            measuredAt: undefined,
          },
          autocompleteSnapshot('2026-11-23'),
          checkoutSnapshot('2026-11-23'),
          {
            day: '2026-11-23',
            entityRef: ledgerRef,
            budgetStatus: 'burning_fast',
            policyState: 'yellow',
            budgetRemaining: 0,
            attainment: 0,
            breachedSlos: 1,
            staleBecause: undefined,
            measuredAt: undefined,
          },
          autocompleteSnapshot('2026-11-29'),
          checkoutSnapshot('2026-11-29'),
          {
            day: '2026-11-29',
            entityRef: ledgerRef,
            budgetStatus: 'out_of_budget',
            policyState: 'red',
            budgetRemaining: -0.5,
            attainment: 0,
            breachedSlos: 1,
            staleBecause: undefined,
            measuredAt: undefined,
          },
        ]);
      });

      it('returns only the visible entities’ snapshots', async () => {
        expect(
          (
            await weeksStore.snapshots('2026-11-01', '2026-12-31', {
              refs: [ledgerRef, 'component:default/unknown'],
            })
          ).map(s => [
            s.day,
            s.entityRef,
            s.budgetStatus,
            s.policyState,
            s.budgetRemaining,
            s.attainment,
            s.breachedSlos,
          ]),
        ).toStrictEqual([
          ['2026-11-13', ledgerRef, 'on_track', 'green', 0.75, 1, 0],
          ['2026-11-16', ledgerRef, 'on_track', 'green', 0.5, 1, 0],
          ['2026-11-22', ledgerRef, 'burning_slow', 'yellow', 0.25, 1, 0],
          ['2026-11-23', ledgerRef, 'burning_fast', 'yellow', 0, 0, 1],
          ['2026-11-29', ledgerRef, 'out_of_budget', 'red', -0.5, 0, 1],
          ['2026-11-30', ledgerRef, 'out_of_budget', 'red', -0.25, 0.5, 0],
        ]);
        expect(
          await weeksStore.snapshots('2026-11-01', '2026-12-31', { refs: [] }),
        ).toStrictEqual([]);
      });

      it.each([
        ['a single day', '2026-11-30', '2026-11-30', ['2026-11-30']],
        ['days without projections', '2026-11-17', '2026-11-21', []],
        ['a range ending before it starts', '2026-11-29', '2026-11-23', []],
        [
          'the weekly review’s range for 2026-W48 (previous week and week)',
          '2026-11-16',
          '2026-11-29',
          ['2026-11-16', '2026-11-22', '2026-11-23', '2026-11-29'],
        ],
      ])('returns the days of %s', async (_label, from, to, expected) => {
        const snapshots = await weeksStore.snapshots(from, to, {
          refs: [checkoutRef],
        });
        expect(snapshots.map(s => s.day)).toStrictEqual(expected);
        expect(new Set(snapshots.map(s => s.entityRef))).toStrictEqual(
          new Set(expected.length ? [checkoutRef] : []),
        );
      });

      it('feeds the weekly review with the week’s and the previous week’s last snapshots', async () => {
        const bounds = isoWeekBounds('2026-W48', 0);
        const review = weeklyReview(
          bounds,
          await weeksStore.allRows(
            { filter: {}, sort: 'name', order: 'asc' },
            all,
          ),
          await weeksStore.snapshots('2026-11-16', bounds.end, all),
          [],
          { now: bounds.endMs, evaluationIntervalMs: 300_000 },
        );
        expect(
          review.services.map(s => [
            s.name,
            s.budgetStatus,
            s.policyState,
            s.inFreeze,
            s.budgetRemaining,
            s.budgetRemainingChange,
            s.attainmentChange,
            s.breachedSlos,
          ]),
        ).toStrictEqual([
          ['ledger', 'out_of_budget', 'red', true, -0.5, -0.75, -1, 1],
          ['checkout', 'on_track', 'green', false, 0.8, 0, 0, 0],
        ]);
        expect(review.counts).toStrictEqual({
          outOfBudget: 1,
          burningFast: 0,
          burningSlow: 0,
          onTrack: 1,
          noData: 0,
          inFreeze: 1,
          withBreaches: 1,
          stale: 0,
        });
      });
    });
  },
);
