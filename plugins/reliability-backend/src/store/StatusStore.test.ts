import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { SloFigures } from '@reliability-suite/plugin-reliability-common';
import { migratedClient } from './DefinitionsStore';
import { OverrideStore } from './OverrideStore';
import { StatusStore } from './StatusStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const figures = (
  measuredAt: number,
  remainingFraction: number,
): SloFigures => ({
  target: 0.999,
  sli: 0.9995,
  attained: true,
  windowStart: measuredAt - 2_592_000_000,
  windowEnd: measuredAt,
  budget: {
    unit: 'events',
    total: 1000,
    consumed: 500,
    remaining: 500,
    remainingFraction,
    overspent: false,
  },
  burnRates: [{ windowMs: 300_000, rate: 0.5 }, { windowMs: 3_600_000 }],
  policyState: 'green',
  history: [{ t: measuredAt, remaining: remainingFraction }],
  measuredAt,
});

async function open(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const db = await migratedClient(
    mockServices.database({ knex, migrations: { skip: false } }),
  );
  return {
    db,
    statuses: new StatusStore(db),
    overrides: new OverrideStore(db),
  };
}

describe.each(databases.eachSupportedId())(
  'SLO status and overrides on %s',
  databaseId => {
    it('stores a wave of 250 outcomes in statements of 100 rows: figures replaced, a failure keeps the last figures', async () => {
      const { statuses } = await open(databaseId);
      await statuses.saveSuccess(
        'component:default/a',
        'slo-7',
        figures(500, 0.9),
      );
      await statuses.saveMany(
        Array.from({ length: 250 }, (_, i) =>
          i % 25 === 7
            ? {
                entityRef: `component:default/${i % 2 ? 'a' : 'b'}`,
                sloName: `slo-${i}`,
                error: 'source down',
                attemptedAt: 1000,
              }
            : {
                entityRef: `component:default/${i % 2 ? 'a' : 'b'}`,
                sloName: `slo-${i}`,
                figures: figures(1000, i / 250),
              },
        ),
      );
      const a = await statuses.forEntity('component:default/a');
      const b = await statuses.forEntity('component:default/b');
      expect([a.size, b.size]).toEqual([125, 125]);
      expect(a.get('slo-7')).toEqual({
        sloName: 'slo-7',
        state: 'degraded',
        figures: figures(500, 0.9),
        error: 'source down',
        attemptedAt: 1000,
        goodAt: 500,
      });
      expect(b.get('slo-32')?.state).toBe('degraded');
      expect(b.get('slo-32')?.figures).toBeUndefined();
      expect(a.get('slo-249')?.figures).toEqual(figures(1000, 249 / 250));
    });

    it('keeps the burn-down history apart from the figures, and reads rows written before with theirs', async () => {
      const { db, statuses } = await open(databaseId);
      await statuses.saveSuccess(
        'component:default/x',
        'new',
        figures(1000, 0.5),
      );
      // A row as written before the history had a column of its own.
      await db('slo_status').insert({
        entity_ref: 'component:default/x',
        slo_name: 'old',
        figures: JSON.stringify(figures(900, 0.75)),
        good_at: 900,
        error: null,
        attempted_at: 900,
      });
      const stored = await db('slo_status').where({ slo_name: 'new' }).first();
      expect(JSON.parse(stored.figures).history).toBeUndefined();
      expect(JSON.parse(stored.history)).toEqual([{ t: 1000, remaining: 0.5 }]);
      const read = await statuses.forEntity('component:default/x');
      expect(read.get('new')?.figures).toEqual(figures(1000, 0.5));
      expect(read.get('old')?.figures).toEqual(figures(900, 0.75));
      const all = await statuses.allWithoutHistory();
      expect(
        all
          .get('component:default/x')
          ?.map(s => [s.sloName, s.figures?.history])
          .sort(),
      ).toEqual([
        ['new', []],
        ['old', []],
      ]);
    });

    it('lists every status by entity for the scorecard, without the burn-down history', async () => {
      const { statuses } = await open(databaseId);
      await statuses.saveSuccess(
        'component:default/x',
        'availability',
        figures(1000, 0.5),
      );
      await statuses.saveSuccess(
        'component:default/x',
        'latency',
        figures(1000, 0.25),
      );
      await statuses.saveFailure(
        'component:default/y',
        'availability',
        'main: down',
        900,
      );
      const all = await statuses.allWithoutHistory();
      expect([...all.keys()].sort()).toEqual([
        'component:default/x',
        'component:default/y',
      ]);
      expect(
        all
          .get('component:default/x')!
          .map(s => [
            s.sloName,
            s.figures?.budget.remainingFraction,
            s.figures?.history,
          ]),
      ).toEqual(
        expect.arrayContaining([
          ['availability', 0.5, []],
          ['latency', 0.25, []],
        ]),
      );
      expect(all.get('component:default/y')).toEqual([
        {
          sloName: 'availability',
          state: 'degraded',
          figures: undefined,
          error: 'main: down',
          attemptedAt: 900,
          goodAt: undefined,
        },
      ]);
    });

    it('keeps the last good figures through a failure and clears the error on success', async () => {
      const { statuses } = await open(databaseId);
      await statuses.saveFailure(
        'component:default/x',
        'availability',
        'main: down',
        500,
      );
      await expect(statuses.forEntity('component:default/x')).resolves.toEqual(
        new Map([
          [
            'availability',
            {
              sloName: 'availability',
              state: 'degraded',
              error: 'main: down',
              attemptedAt: 500,
              goodAt: undefined,
              figures: undefined,
            },
          ],
        ]),
      );
      await statuses.saveSuccess(
        'component:default/x',
        'availability',
        figures(1000, 0.5),
      );
      await statuses.saveFailure(
        'component:default/x',
        'availability',
        'main: timeout',
        2000,
      );
      const degraded = (await statuses.forEntity('component:default/x')).get(
        'availability',
      );
      expect(degraded).toEqual({
        sloName: 'availability',
        state: 'degraded',
        error: 'main: timeout',
        attemptedAt: 2000,
        goodAt: 1000,
        figures: figures(1000, 0.5),
      });
      await statuses.saveSuccess(
        'component:default/x',
        'availability',
        figures(3000, 0.4),
      );
      expect(
        (await statuses.forEntity('component:default/x')).get('availability'),
      ).toEqual({
        sloName: 'availability',
        state: 'ok',
        error: undefined,
        attemptedAt: 3000,
        goodAt: 3000,
        figures: figures(3000, 0.4),
      });
    });

    it('forgets SLOs an entity no longer defines', async () => {
      const { statuses } = await open(databaseId);
      await statuses.saveSuccess('component:default/x', 'a', figures(1, 1));
      await statuses.saveSuccess('component:default/x', 'b', figures(1, 1));
      await statuses.keepOnly('component:default/x', ['b']);
      expect([
        ...(await statuses.forEntity('component:default/x')).keys(),
      ]).toEqual(['b']);
    });

    it('records overrides and finds the one in force', async () => {
      const { overrides } = await open(databaseId);
      const first = await overrides.add({
        entityRef: 'component:default/x',
        reason: 'INC-1 hotfix',
        createdBy: 'user:default/ann',
        createdAt: 1000,
        expiresAt: 5000,
      });
      expect(first.id).toEqual(expect.any(Number));
      await overrides.add({
        entityRef: 'component:default/x',
        reason: 'INC-2 hotfix',
        createdBy: 'user:default/bob',
        createdAt: 2000,
        expiresAt: 9000,
      });
      expect(
        (await overrides.active('component:default/x', 3000))?.reason,
      ).toBe('INC-2 hotfix');
      expect(
        await overrides.active('component:default/x', 9000),
      ).toBeUndefined();
      expect(
        await overrides.active('component:default/y', 3000),
      ).toBeUndefined();
    });
  },
);
