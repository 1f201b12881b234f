import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  SloDefinition,
  SloFigures,
} from '@reliability-suite/plugin-reliability-common';
import { DefinitionsStore, migratedClient } from './DefinitionsStore';
import { PipelineStore } from './PipelineStore';
import { StatusStore } from './StatusStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const slo = (name: string): SloDefinition => ({
  name,
  indicator: { metric: { type: 'threshold', query: { query: 'up' } } },
  objectives: [{ target: 0.999 }],
  timeWindow: { type: 'rolling', duration: '30d', durationMs: 2592000000 },
  budgetingMethod: 'Occurrences',
  alertPolicies: [],
  source: { format: 'inline', file: 'catalog-info.yaml', line: 1 },
});

const figures = (measuredAt: number) =>
  ({
    target: 0.999,
    attained: true,
    windowStart: 0,
    windowEnd: measuredAt,
    budget: { unit: 'events', overspent: false },
    burnRates: [],
    policyState: 'green',
    history: [],
    measuredAt,
  } as unknown as SloFigures);

async function open(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const db = await migratedClient(
    mockServices.database({ knex, migrations: { skip: false } }),
  );
  const definitions = new DefinitionsStore(db);
  const save = (name: string, slos: string[], readAt = 1000) =>
    definitions.save(
      {
        entityRef: `component:default/${name}`,
        settings: { sloFilePatterns: [] },
        slos: slos.map(slo),
        problems: [],
        readAt,
      },
      { keepSlos: false },
    );
  return {
    db,
    definitions,
    save,
    statuses: new StatusStore(db),
    pipeline: new PipelineStore(db),
  };
}

const ref = (name: string) => `component:default/${name}`;

describe.each(databases.eachSupportedId())(
  'pipeline state on %s',
  databaseId => {
    it('lists SLOs never attempted first, then the oldest attempt first', async () => {
      const { save, statuses, definitions } = await open(databaseId);
      await save('a', ['one', 'two', 'three']);
      await save('b', ['one']);
      await statuses.saveSuccess(ref('a'), 'one', figures(3000));
      await statuses.saveFailure(ref('a'), 'three', 'main: down', 1000);
      await statuses.saveSuccess(ref('b'), 'one', figures(2000));
      expect(
        (await definitions.listSlosByLastAttempt()).map(s => [
          s.entityRef,
          s.slo.name,
          s.attemptedAt,
        ]),
      ).toEqual([
        [ref('a'), 'two', undefined],
        [ref('a'), 'three', 1000],
        [ref('b'), 'one', 2000],
        [ref('a'), 'one', 3000],
      ]);
    });

    it('removes the statuses of SLOs removed from their entity and of entities gone', async () => {
      const { save, statuses, definitions } = await open(databaseId);
      await save('a', ['one', 'two']);
      await save('gone', ['one'], 500);
      for (const [entity, name] of [
        ['a', 'one'],
        ['a', 'two'],
        ['gone', 'one'],
      ]) {
        await statuses.saveSuccess(ref(entity), name, figures(900));
      }
      await save('a', ['two'], 1000);
      await definitions.deleteNotReadSince(1000);
      expect(await statuses.removeUndefined()).toBe(2);
      const all = await statuses.allWithoutHistory();
      expect(
        [...all.entries()].map(([entity, list]) => [
          entity,
          list.map(s => s.sloName),
        ]),
      ).toEqual([[ref('a'), ['two']]]);
      expect(await statuses.removeUndefined()).toBe(0);
    });

    it('keeps the statuses of SLOs kept because their files could not be read', async () => {
      const { save, statuses, definitions } = await open(databaseId);
      await save('a', ['one']);
      await statuses.saveSuccess(ref('a'), 'one', figures(900));
      await definitions.save(
        {
          entityRef: ref('a'),
          settings: { sloFilePatterns: [] },
          slos: [],
          problems: [
            { file: 'slo/a.yaml', field: 'x', message: 'x', unreadable: true },
          ],
          readAt: 2000,
        },
        { keepSlos: true },
      );
      expect(await statuses.removeUndefined()).toBe(0);
      expect([...(await statuses.forEntity(ref('a'))).keys()]).toEqual(['one']);
    });

    it('records the last completed run of each stage', async () => {
      const { pipeline } = await open(databaseId);
      expect(await pipeline.lastRun('sync')).toBeUndefined();
      await pipeline.completed({
        stage: 'sync',
        startedAt: 1000,
        completedAt: 1500,
        catalogLoaded: false,
        summary: { read: 3, failed: 0, removed: 0 },
      });
      await pipeline.completed({
        stage: 'sync',
        startedAt: 2000,
        completedAt: 2600,
        catalogLoaded: true,
        summary: { read: 40, failed: 1, removed: 2 },
      });
      expect(await pipeline.lastRun('sync')).toEqual({
        stage: 'sync',
        startedAt: 2000,
        completedAt: 2600,
        catalogLoaded: true,
        summary: { read: 40, failed: 1, removed: 2 },
      });
      expect(await pipeline.lastRun('evaluate')).toBeUndefined();
    });

    it('migrates the pipeline tables down and up again', async () => {
      const { db } = await open(databaseId);
      const directory = resolvePackagePath(
        '@reliability-suite/plugin-reliability-backend',
        'migrations',
      );
      const ours = [
        '20261125000000_slo_status_attempted_at.js',
        '20261125010000_pipeline_stages.js',
        '20261125020000_scorecard_snapshot_basis.js',
      ];
      const applied = async () =>
        ((await db.migrate.list({ directory }))[0] as Array<{ name: string }>)
          .map(migration => migration.name)
          .filter(name => ours.includes(name));
      expect(await applied()).toEqual(ours);
      while ((await applied()).length) await db.migrate.down({ directory });
      expect(await db.schema.hasTable('pipeline_stages')).toBe(false);
      expect(await db.schema.hasTable('scorecard_snapshot_basis')).toBe(false);
      await db.migrate.latest({ directory });
      expect(await db.schema.hasTable('pipeline_stages')).toBe(true);
      expect(await db.schema.hasTable('scorecard_snapshot_basis')).toBe(true);
    });
  },
);
