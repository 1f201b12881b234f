import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DEFAULT_TIERS,
  SloStatus,
} from '@reliability-suite/plugin-reliability-common';
import { DefinitionsStore, migratedClient } from '../store/DefinitionsStore';
import { ReadinessStore } from '../store/ReadinessStore';
import { ScorecardStore } from '../store/ScorecardStore';
import { StatusStore } from '../store/StatusStore';
import { ScorecardProjector } from './ScorecardProjector';
import { row } from '../testing/scorecardRows';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const now = Date.UTC(2026, 10, 23, 12);
const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner: 'payments', lifecycle: 'production' },
});
const complete = { catalogLoaded: true, definitionsRead: true };

async function setup() {
  const db = await migratedClient(
    mockServices.database({
      knex: await databases.init('SQLITE_3'),
      migrations: { skip: false },
    }),
  );
  const scorecard = new ScorecardStore(db);
  const logger = mockServices.logger.mock();
  const projector = new ScorecardProjector({
    catalog: catalogServiceMock({
      entities: [component('a'), component('b'), component('c')],
    }),
    auth: mockServices.auth(),
    logger,
    definitions: new DefinitionsStore(db),
    statuses: new StatusStore(db),
    readiness: new ReadinessStore(db),
    scorecard,
    tiers: DEFAULT_TIERS,
    paging: {},
    checklist: { items: [], checks: {} },
  });
  const measuredAt: number[] = [];
  const statusesAt = async (at: number) => {
    measuredAt.push(at);
    return new Map<string, SloStatus[]>();
  };
  const entitiesPerDay = async () =>
    (await scorecard.trends('2026-11-01', {}, { all: true })).map(t => [
      t.day,
      t.entities,
    ]);
  return {
    projector,
    scorecard,
    logger,
    statusesAt,
    measuredAt,
    entitiesPerDay,
  };
}

describe('ScorecardProjector.backfill', () => {
  it('measures the days without a snapshot and those recorded from an incomplete basis, and keeps the rest', async () => {
    const { projector, statusesAt, measuredAt, entitiesPerDay, scorecard } =
      await setup();
    // 2026-11-21: recorded at a start-up before the catalog had loaded (one entity of three).
    await scorecard.replaceAll(
      [{ row: row('a', { updatedAt: 1 }), breachedSlos: 0 }],
      '2026-11-21',
      1,
      {
        entityCount: 1,
        sloCount: 0,
        catalogLoaded: false,
        definitionsRead: false,
        measured: 'live',
        recordedAt: 1,
      },
    );
    // 2026-11-22: a live snapshot from the whole catalog: it stands.
    await projector.projectAll(Date.UTC(2026, 10, 22, 23), { state: complete });

    const filled = await projector.backfill(3, statusesAt, now, {
      state: complete,
    });
    expect(filled).toEqual(['2026-11-20', '2026-11-21']);
    expect(measuredAt.map(at => new Date(at).toISOString())).toEqual([
      '2026-11-20T23:59:00.000Z',
      '2026-11-21T23:59:00.000Z',
    ]);
    expect(await entitiesPerDay()).toEqual([
      ['2026-11-20', 3],
      ['2026-11-21', 3],
      ['2026-11-22', 3],
    ]);
    expect(await scorecard.snapshotBasis('2026-11-21')).toEqual({
      entityCount: 3,
      sloCount: 0,
      catalogLoaded: true,
      definitionsRead: true,
      measured: 'afterwards',
      recordedAt: now,
    });
    // Measured once: nothing is left to measure.
    expect(
      await projector.backfill(3, statusesAt, now, { state: complete }),
    ).toEqual([]);
  });

  it('measures nothing while the catalog or the definitions are not read in full', async () => {
    const { projector, statusesAt, measuredAt, logger, entitiesPerDay } =
      await setup();
    expect(
      await projector.backfill(3, statusesAt, now, {
        state: { catalogLoaded: false, definitionsRead: false },
      }),
    ).toEqual([]);
    expect(
      await projector.backfill(3, statusesAt, now, {
        state: { catalogLoaded: true, definitionsRead: false },
      }),
    ).toEqual([]);
    expect(measuredAt).toEqual([]);
    expect(await entitiesPerDay()).toEqual([]);
    expect(logger.info).toHaveBeenCalledWith(
      'Scorecard history of 3 days not measured yet: the catalog has not been read in full; measured at a later cycle',
    );
    expect(logger.info).toHaveBeenCalledWith(
      'Scorecard history of 3 days not measured yet: the definitions have not been read in full; measured at a later cycle',
    );
  });

  it('stops between two days when aborted', async () => {
    const { projector, entitiesPerDay } = await setup();
    const abort = new AbortController();
    const filled = await projector.backfill(
      3,
      async () => {
        abort.abort();
        return new Map();
      },
      now,
      { state: complete, signal: abort.signal },
    );
    expect(filled).toEqual(['2026-11-20']);
    expect(await entitiesPerDay()).toEqual([['2026-11-20', 3]]);
  });
});
