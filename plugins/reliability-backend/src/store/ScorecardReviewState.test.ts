import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { row } from '../testing/scorecardRows';
import { migratedClient } from './DefinitionsStore';
import { ScorecardStore } from './ScorecardStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const query = { filter: {}, sort: 'name', order: 'asc' } as const;
const all = { all: true } as const;

describe.each(databases.eachSupportedId())(
  'ScorecardStore.setReviewState on %s',
  databaseId => {
    it("sets one entity's review state and its export line at once, leaving the others", async () => {
      const store = new ScorecardStore(
        await migratedClient(
          mockServices.database({
            knex: await databases.init(databaseId as TestDatabaseId),
            migrations: { skip: false },
          }),
        ),
      );
      await store.replaceAll(
        [
          {
            row: row('checkout', { reviewState: 'approved' }),
            breachedSlos: 0,
          },
          { row: row('search', {}), breachedSlos: 0 },
        ],
        '2026-12-01',
        1000,
      );

      await store.setReviewState('component:default/search', 'draft');
      await store.setReviewState('component:default/checkout', 'in_review');
      await store.setReviewState('component:default/unprojected', 'draft');

      const rows = await store.allRows(query, all);
      expect(rows.map(r => [r.entityRef, r.reviewState])).toEqual([
        ['component:default/checkout', 'in_review'],
        ['component:default/search', 'draft'],
      ]);
      expect((await store.csvLines(query, all)).map(l => l.line)).toEqual([
        'component:default/checkout,,,,,,,,0,0,,,,no_data,nodata,,in_review,\n',
        'component:default/search,,,,,,,,0,0,,,,no_data,nodata,,draft,\n',
      ]);
    });
  },
);
