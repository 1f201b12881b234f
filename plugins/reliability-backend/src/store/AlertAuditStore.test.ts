import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { SloAlertAudit } from '@reliability-suite/plugin-reliability-common';
import { migratedClient } from './DefinitionsStore';
import { AlertAuditStore } from './AlertAuditStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const checkout = 'component:default/checkout';
const deployed: SloAlertAudit = {
  entityRef: checkout,
  sloName: 'availability',
  source: 'prometheus',
  status: 'deployed',
  findings: [],
};
const outdated: SloAlertAudit = {
  entityRef: checkout,
  sloName: 'latency',
  source: 'prometheus',
  status: 'out-of-date',
  findings: ['out of date: threshold 0.999 deployed, 0.99 defined'],
};

async function open(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const db = await migratedClient(
    mockServices.database({ knex, migrations: { skip: false } }),
  );
  return new AlertAuditStore(db);
}

describe.each(databases.eachSupportedId())('AlertAuditStore on %p', id => {
  it('stores a source’s SLO audits and orphan groups, replacing the last ones', async () => {
    const store = await open(id);
    await store.saveSource(
      {
        source: 'prometheus',
        orphanGroups: ['slo:component:default/gone:latency'],
        auditedAt: 1000,
      },
      [deployed, outdated],
    );
    expect(await store.ofEntity(checkout)).toEqual([
      { ...deployed, auditedAt: 1000 },
      { ...outdated, auditedAt: 1000 },
    ]);
    await store.saveSource(
      {
        source: 'prometheus',
        orphanGroups: [],
        error: 'prometheus: connect ECONNREFUSED',
        auditedAt: 2000,
      },
      [{ ...deployed, status: 'unknown', findings: ['x'] }],
    );
    expect([...(await store.all())]).toEqual([
      [
        checkout,
        [{ ...deployed, status: 'unknown', findings: ['x'], auditedAt: 2000 }],
      ],
    ]);
    expect(await store.sources()).toEqual([
      {
        source: 'prometheus',
        orphanGroups: [],
        error: 'prometheus: connect ECONNREFUSED',
        auditedAt: 2000,
      },
    ]);
  });

  it('forgets sources no longer configured', async () => {
    const store = await open(id);
    await store.saveSource({ source: 'old', orphanGroups: [], auditedAt: 1 }, [
      { ...deployed, source: 'old' },
    ]);
    await store.saveSource(
      { source: 'prometheus', orphanGroups: ['g'], auditedAt: 1 },
      [outdated],
    );
    await store.keepSources(['prometheus']);
    expect((await store.ofEntity(checkout)).map(a => a.sloName)).toEqual([
      'latency',
    ]);
    expect((await store.sources()).map(s => s.source)).toEqual(['prometheus']);
  });
});
