import {
  TestDatabases,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConflictError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  BUILT_IN_CHECKS,
  DEFAULT_READINESS_ITEMS,
  DEFAULT_TIERS,
  SloDefinition,
  SloStatus,
} from '@reliability-suite/plugin-reliability-common';
import { StoredDefinitions, migratedClient } from '../store/DefinitionsStore';
import { ReadinessStore } from '../store/ReadinessStore';
import { StatusStore } from '../store/StatusStore';
import { EntityAccess } from './EntityAccess';
import { ProfileService } from './ProfileService';
import { ReadinessService } from './ReadinessService';
import { StoredDefinitionsReader } from './StoredDefinitionsReader';

jest.setTimeout(60_000);

const DAY = 86_400_000;
const now = Date.now();
const entityRef = 'component:default/invoicing';
const PENDING_REASON =
  'Pending: the SLO definitions of this entity have not been read yet';

/** A Tier-1 service with everything its profile needs, whose inline SLO is not read yet. */
const invoicing: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'invoicing',
    namespace: 'default',
    annotations: {
      'reliability-suite.io/tier': '1',
      'reliability-suite.io/rto': '1h',
      'reliability-suite.io/rpo': '15m',
      'reliability-suite.io/dr-tested': new Date(now - 10 * DAY)
        .toISOString()
        .slice(0, 10),
      'pagerduty.com/service-id': 'PINV001',
    },
    links: [
      { url: 'https://runbooks.example.com/invoicing', type: 'runbook' },
      { url: 'https://grafana.example.com/d/invoicing', type: 'dashboard' },
    ],
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'payments',
    reliability: { slos: [] },
  },
};
const payments: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

const availability: SloDefinition = {
  name: 'availability',
  indicator: {
    metric: {
      type: 'ratio',
      counter: true,
      good: { query: 'http_requests_total{job="invoicing",code!~"5.."}' },
      total: { query: 'http_requests_total{job="invoicing"}' },
    },
  },
  objectives: [{ target: 0.999 }],
  timeWindow: { type: 'rolling', duration: '30d', durationMs: 30 * DAY },
  budgetingMethod: 'Occurrences',
  alertPolicies: [],
  source: { format: 'inline', file: 'catalog-info.yaml' },
};

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/** The service on a real readiness store, with the definitions and statuses the test sets. */
async function setUp() {
  const knex = await databases.init('SQLITE_3');
  const store = new ReadinessStore(
    await migratedClient(
      mockServices.database({ knex, migrations: { skip: false } }),
    ),
  );
  const state: {
    definitions?: StoredDefinitions;
    statuses: Map<string, SloStatus>;
  } = { statuses: new Map() };
  const catalog = catalogServiceMock({
    entities: [
      invoicing,
      payments,
      { ...payments, metadata: { name: 'sre', namespace: 'default' } },
    ],
  });
  const access = new EntityAccess({
    catalog,
    permissions: mockServices.permissions(),
  });
  const profiles = new ProfileService({
    catalog,
    access,
    definitions: new StoredDefinitionsReader({
      get: async () => state.definitions,
    }),
    settings: {
      tiers: DEFAULT_TIERS,
      paging: {},
      refreshIntervalMinutes: 5,
      evaluationIntervalMinutes: 3,
    } as never,
    auth: mockServices.auth(),
  });
  const service = new ReadinessService({
    access,
    catalog,
    profiles,
    statuses: {
      forEntity: async () => state.statuses,
    } as unknown as StatusStore,
    store,
    checklist: { items: DEFAULT_READINESS_ITEMS, checks: BUILT_IN_CHECKS },
    fourEyes: true,
    // Everyone here is an SRE, a member of the named reviewers group.
    userInfo: {
      async getUserInfo(credentials) {
        const { userEntityRef } = (credentials as ReturnType<typeof user>)
          .principal;
        return {
          userEntityRef,
          ownershipEntityRefs: [userEntityRef, 'group:default/sre'],
        };
      },
    },
  });
  return { service, state, profiles };
}

const user = (name: string) => mockCredentials.user(`user:default/${name}`);

/** Attests the manual items (as alice) and opens and submits a review (as olga); its id. */
async function prepareLaunch(service: ReadinessService) {
  for (const itemId of ['capacity', 'rollback', 'security-review']) {
    await service.attest(
      entityRef,
      {
        itemId,
        evidence: [`https://docs.example.com/invoicing/${itemId}`],
        expiresAt: now + 100 * DAY,
      },
      user('alice'),
      now,
    );
  }
  const opened = await service.openReview(
    entityRef,
    { reviewers: ['group:default/sre'] },
    user('olga'),
    now,
  );
  const reviewId = opened.review!.id;
  await service.act(reviewId, { action: 'submit' }, user('olga'), now);
  return reviewId;
}

describe('ReadinessService for an entity whose definitions are pending', () => {
  it('reports the SLO items as pending, neither passing nor blocking, and the profile says within which interval they are read', async () => {
    const { service, profiles } = await setUp();
    const readiness = await service.readiness(entityRef, user('alice'), now);
    const slosItems = readiness.summary.items
      .filter(s =>
        ['slos-defined', 'slos-measurable', 'alerts'].includes(s.item.id),
      )
      .map(s => [s.item.id, s.state, s.reason]);
    expect(slosItems).toEqual([
      ['slos-defined', 'pending', PENDING_REASON],
      ['slos-measurable', 'pending', PENDING_REASON],
      ['alerts', 'pending', PENDING_REASON],
    ]);
    expect(readiness.summary.pending).toEqual([
      'slos-defined',
      'slos-measurable',
      'alerts',
    ]);
    expect(readiness.summary.blocking).toEqual([
      'capacity',
      'rollback',
      'security-review',
    ]);
    expect(readiness.summary.requiredPassing).toBe(6);
    expect(readiness.summary.requiredCount).toBe(12);

    const profile = await profiles.getProfile(entityRef, user('alice'));
    expect(profile).toMatchObject({
      pending: true,
      cycleIntervalMinutes: 3,
      slos: [],
    });
    expect(profile.missing).toEqual([]);
  });

  it('does not approve while required items are pending (409 naming them, not "failing"), and approves once the definitions are read and measured', async () => {
    const { service, state } = await setUp();
    const reviewId = await prepareLaunch(service);

    const refused = service.act(
      reviewId,
      { action: 'approve' },
      user('sam'),
      now,
    );
    await expect(refused).rejects.toThrow(ConflictError);
    await expect(refused).rejects.toThrow(
      "cannot approve yet: required items are pending, not checked yet, until the entity's SLO definitions are read and measured: SLOs defined, SLOs measurable, Burn-rate alerts",
    );

    state.definitions = {
      entityRef,
      settings: { sloFilePatterns: [] },
      slos: [availability],
      problems: [],
      readAt: now - 60_000,
    };
    const measuredLater = service.act(
      reviewId,
      { action: 'approve' },
      user('sam'),
      now,
    );
    await expect(measuredLater).rejects.toThrow(
      "cannot approve yet: required items are pending, not checked yet, until the entity's SLO definitions are read and measured: SLOs measurable",
    );

    state.statuses.set('availability', {
      sloName: 'availability',
      state: 'ok',
      figures: { sli: 0.9995 } as never,
    });
    const approved = await service.act(
      reviewId,
      { action: 'approve' },
      user('sam'),
      now,
    );
    expect(approved.review?.state).toBe('approved');
    expect(approved.summary.pending).toEqual([]);
    expect(approved.summary.blocking).toEqual([]);
  });
});
