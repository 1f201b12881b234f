import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { payments, row } from '../testing/scorecardRows';
import { migratedClient } from './DefinitionsStore';
import { ScorecardQuery, ScorecardStore } from './ScorecardStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const projectedAt = Date.parse('2026-12-02T12:00:00Z');

const rows = [
  row('deployed', {
    owner: payments,
    sloCount: 2,
    alertsNotDeployed: 0,
    updatedAt: projectedAt,
  }),
  row('outdated', {
    owner: payments,
    sloCount: 2,
    alertsNotDeployed: 1,
    updatedAt: projectedAt,
  }),
  // Not audited (no metric source lists its rules): neither.
  row('unaudited', { owner: payments, sloCount: 1, updatedAt: projectedAt }),
];

const query = (filter: ScorecardQuery['filter'] = {}): ScorecardQuery => ({
  filter,
  sort: 'name',
  order: 'asc',
  page: 1,
  pageSize: 50,
});
const all = { all: true } as const;

describe.each(databases.eachSupportedId())(
  'scorecard alerts column on %s',
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
        rows.map(r => ({ row: r, breachedSlos: 0 })),
        '2026-12-02',
        projectedAt,
      );
    });

    it('serves how many SLOs have alerts not deployed, undefined when not audited', async () => {
      const page = await store.page(query(), all, projectedAt);
      expect(page.rows.map(r => [r.name, r.alertsNotDeployed])).toEqual([
        ['deployed', 0],
        ['outdated', 1],
        ['unaudited', undefined],
      ]);
    });

    it.each([
      [true, ['outdated']],
      [false, ['deployed']],
    ])('filters alertsNotDeployed=%s', async (alertsNotDeployed, names) => {
      const page = await store.page(
        query({ alertsNotDeployed }),
        all,
        projectedAt,
      );
      expect(page.rows.map(r => r.name)).toEqual(names);
    });
  },
);
