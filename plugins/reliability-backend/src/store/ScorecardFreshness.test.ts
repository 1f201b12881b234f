import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { ScorecardRow } from '@reliability-suite/plugin-reliability-common';
import { isoWeekBounds, weeklyReview } from '../scorecard/weeklyReview';
import { payments, row, search } from '../testing/scorecardRows';
import { migratedClient } from './DefinitionsStore';
import { ScorecardQuery, ScorecardStore } from './ScorecardStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Evaluated every 5 minutes: figures older than 10 minutes are stale. */
const INTERVAL = 5 * MINUTE;
/** Projected on Wednesday of 2026-W49 at noon. */
const projectedAt = Date.parse('2026-12-02T12:00:00Z');
const day = '2026-12-02';

const sloRow = (name: string, fields: Partial<ScorecardRow>) =>
  row(name, {
    sloCount: 1,
    attainment: 1,
    budgetRemaining: 0.5,
    budgetStatus: 'on_track',
    policyState: 'green',
    updatedAt: projectedAt,
    ...fields,
  });

const rows = [
  sloRow('current', { owner: payments, measuredAt: projectedAt - 2 * MINUTE }),
  // Not evaluated for three hours (its source timed out every cycle since, say).
  sloRow('old', { owner: payments, measuredAt: projectedAt - 3 * HOUR }),
  // Its last evaluation failed: its figures are the last good ones, a minute old.
  sloRow('degraded', {
    owner: search,
    measuredAt: projectedAt - MINUTE,
    degraded: true,
  }),
  // Exactly two intervals old: still current (stale is older than that).
  sloRow('edge', { owner: search, measuredAt: projectedAt - 2 * INTERVAL }),
  sloRow('just-over', {
    owner: search,
    measuredAt: projectedAt - 2 * INTERVAL - 1,
  }),
  // No SLOs: nothing to be stale.
  row('no-slos', { owner: search, updatedAt: projectedAt }),
];

const query = (fields: Partial<ScorecardQuery> = {}): ScorecardQuery => ({
  filter: {},
  sort: 'name',
  order: 'asc',
  page: 1,
  pageSize: 50,
  ...fields,
});
const all = { all: true } as const;

describe.each(databases.eachSupportedId())(
  'scorecard freshness on %s',
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
        { evaluationIntervalMs: INTERVAL },
      );
      await store.replaceAll(
        rows.map(r => ({ row: r, breachedSlos: 0 })),
        day,
        projectedAt,
      );
    });

    it('serves each row with its freshness judged when asked', async () => {
      const page = await store.page(query(), all, projectedAt);
      expect(
        page.rows.map(r => [r.name, r.measuredAt, r.degraded, r.freshness]),
      ).toStrictEqual([
        [
          'current',
          projectedAt - 2 * MINUTE,
          false,
          {
            measuredAt: projectedAt - 2 * MINUTE,
            ageMs: 2 * MINUTE,
            stale: false,
          },
        ],
        [
          'degraded',
          projectedAt - MINUTE,
          true,
          {
            measuredAt: projectedAt - MINUTE,
            ageMs: MINUTE,
            stale: true,
            staleBecause: 'degraded',
          },
        ],
        [
          'edge',
          projectedAt - 2 * INTERVAL,
          false,
          {
            measuredAt: projectedAt - 2 * INTERVAL,
            ageMs: 2 * INTERVAL,
            stale: false,
          },
        ],
        [
          'just-over',
          projectedAt - 2 * INTERVAL - 1,
          false,
          {
            measuredAt: projectedAt - 2 * INTERVAL - 1,
            ageMs: 2 * INTERVAL + 1,
            stale: true,
            staleBecause: 'old',
          },
        ],
        ['no-slos', undefined, false, { stale: false }],
        [
          'old',
          projectedAt - 3 * HOUR,
          false,
          {
            measuredAt: projectedAt - 3 * HOUR,
            ageMs: 3 * HOUR,
            stale: true,
            staleBecause: 'old',
          },
        ],
      ]);
    });

    it('filters on stale and current rows in SQL, as `freshness` judges them', async () => {
      const names = async (stale: boolean, now = projectedAt) => {
        const page = await store.page(query({ filter: { stale } }), all, now);
        expect(page.totalCount).toBe(page.rows.length);
        expect(page.rows.every(r => r.freshness?.stale === stale)).toBe(true);
        return page.rows.map(r => r.name);
      };
      expect(await names(true)).toStrictEqual(['degraded', 'just-over', 'old']);
      expect(await names(false)).toStrictEqual(['current', 'edge', 'no-slos']);
      // The pipeline stopped: an hour later nothing measured is current any more.
      expect(await names(true, projectedAt + HOUR)).toStrictEqual([
        'current',
        'degraded',
        'edge',
        'just-over',
        'old',
      ]);
      expect(await names(false, projectedAt + HOUR)).toStrictEqual(['no-slos']);
      expect(
        (
          await store.page(
            query({ filter: { stale: true, owners: [payments] } }),
            all,
            projectedAt,
          )
        ).rows.map(r => r.name),
      ).toStrictEqual(['old']);
    });

    it('counts stale entities in rollups', async () => {
      const { groups, totals } = await store.rollups(
        'owner',
        {},
        all,
        projectedAt,
      );
      expect(groups.map(g => [g.key, g.entities, g.stale])).toStrictEqual([
        [search, 4, 2],
        [payments, 2, 1],
      ]);
      expect(totals.stale).toBe(3);
      expect(
        (await store.rollups('owner', {}, all, projectedAt + HOUR)).totals
          .stale,
      ).toBe(5);
    });

    it('gives the export each line’s freshness when exporting', async () => {
      const lines = await store.csvLines(
        { filter: { stale: true }, sort: 'name', order: 'asc' },
        all,
        projectedAt,
      );
      expect(
        lines.map(({ line, freshness }) => [
          line.split(',')[0],
          freshness.stale,
          freshness.staleBecause,
        ]),
      ).toStrictEqual([
        ['component:default/degraded', true, 'degraded'],
        ['component:default/just-over', true, 'old'],
        ['component:default/old', true, 'old'],
      ]);
    });

    it('records in the day’s snapshot whether the figures were stale when projected', async () => {
      const snapshots = await store.snapshots(day, day, all);
      expect(
        snapshots.map(s => [
          s.entityRef.replace('component:default/', ''),
          s.staleBecause,
          s.measuredAt,
        ]),
      ).toStrictEqual([
        ['current', undefined, projectedAt - 2 * MINUTE],
        ['degraded', 'degraded', projectedAt - MINUTE],
        ['edge', undefined, projectedAt - 2 * INTERVAL],
        ['just-over', 'old', projectedAt - 2 * INTERVAL - 1],
        ['no-slos', undefined, undefined],
        ['old', 'old', projectedAt - 3 * HOUR],
      ]);
      expect(
        (await store.trends(day, {}, all)).map(t => [t.day, t.stale]),
      ).toStrictEqual([[day, 3]]);
    });

    it('marks the stale services in the weekly review', async () => {
      const bounds = isoWeekBounds('2026-W49', 0);
      const reviewAt = async (now: number) => {
        const result = weeklyReview(
          bounds,
          await store.allRows(
            { filter: {}, sort: 'name', order: 'asc' },
            all,
            now,
          ),
          await store.snapshots(bounds.start, bounds.end, all),
          [],
          { now, evaluationIntervalMs: INTERVAL },
        );
        return {
          services: result.services.map(s => [s.name, s.stale, s.staleBecause]),
          stale: result.counts.stale,
        };
      };
      // When projected: as recorded in the snapshots.
      expect(await reviewAt(projectedAt)).toStrictEqual({
        services: [
          ['current', false, undefined],
          ['degraded', true, 'degraded'],
          ['edge', false, undefined],
          ['just-over', true, 'old'],
          ['old', true, 'old'],
        ],
        stale: 3,
      });
      // A minute later, nothing projected since (the pipeline stopped): edge is 11 minutes old.
      expect(await reviewAt(projectedAt + MINUTE)).toStrictEqual({
        services: [
          ['current', false, undefined],
          ['degraded', true, 'degraded'],
          ['edge', true, 'old'],
          ['just-over', true, 'old'],
          ['old', true, 'old'],
        ],
        stale: 4,
      });
    });
  },
);
