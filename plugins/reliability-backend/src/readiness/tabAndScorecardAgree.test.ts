import { mockServices } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  BUILT_IN_CHECKS,
  DEFAULT_READINESS_ITEMS,
  DEFAULT_TIERS,
} from '@reliability-suite/plugin-reliability-common';
import { scorecardRow } from '../scorecard/scorecardRow';
import { EntityAccess } from '../service/EntityAccess';
import { ProfileService } from '../service/ProfileService';
import { StoredDefinitionsReader } from '../service/StoredDefinitionsReader';
import { entityReadiness } from './entityAssessment';

const checklist = {
  items: DEFAULT_READINESS_ITEMS,
  checks: BUILT_IN_CHECKS,
};
const entity = (
  kind: string,
  name: string,
  fields: { annotations?: Record<string, string>; relations?: string[][] },
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', annotations: fields.annotations },
  spec: { type: 'service', owner: 'payments', lifecycle: 'production' },
  relations: (fields.relations ?? []).map(([type, targetRef]) => ({
    type,
    targetRef,
  })),
});

// payments pages through PagerDuty; alice (a user) has a PagerDuty annotation too, which lends
// nothing: only an owning group's on-call is inherited. checkout (tier 1) depends on search
// (tier 3) and on a resource the catalog does not have.
const payments = entity('Group', 'payments', {
  annotations: { 'pagerduty.com/service-id': 'PPAY001' },
});
const alice = entity('User', 'alice', {
  annotations: { 'pagerduty.com/service-id': 'PALICE1' },
});
const checkout = entity('Component', 'checkout', {
  annotations: { 'reliability-suite.io/tier': '1' },
  relations: [
    ['ownedBy', 'group:default/payments'],
    ['dependsOn', 'component:default/search'],
    ['dependsOn', 'resource:default/gone'],
  ],
});
const search = entity('Component', 'search', {
  annotations: { 'reliability-suite.io/tier': '3' },
  relations: [['ownedBy', 'user:default/alice']],
});
const ledger = entity('Component', 'ledger', {
  annotations: { 'reliability-suite.io/tier': '2' },
  relations: [['ownedBy', 'group:default/nobody']],
});
const everything = [payments, alice, checkout, search, ledger];
const now = Date.UTC(2026, 11, 1, 12);

describe('the Reliability tab and the scorecard', () => {
  it.each([checkout, search, ledger].map(e => [e.metadata.name, e] as const))(
    'show the same on-call, missing items and readiness for %s',
    async (_, subject) => {
      const catalog = catalogServiceMock({ entities: everything });
      const profiles = new ProfileService({
        catalog,
        access: new EntityAccess({
          catalog,
          permissions: mockServices.permissions(),
        }),
        definitions: new StoredDefinitionsReader({
          get: async () => undefined,
        }),
        settings: { tiers: DEFAULT_TIERS, paging: {} } as never,
        auth: mockServices.auth(),
      });
      const tab = await profiles.resolve(subject);
      const tabReadiness = entityReadiness(tab.profile, {
        entity: subject,
        related: tab.related,
        statuses: [],
        events: [],
        checklist,
        now,
      });
      const { row } = scorecardRow(
        subject,
        {
          entities: new Map(everything.map(e => [stringifyEntityRef(e), e])),
          definitions: new Map(),
          statuses: new Map(),
          itemEvents: new Map(),
          reviews: new Map(),
          tiers: DEFAULT_TIERS,
          paging: {},
          checklist,
        },
        now,
      );
      const tabFigures = {
        onCall: tab.profile.onCall?.label,
        missing: [...new Set(tab.profile.missing.map(m => m.requirement))],
        readinessScore: tabReadiness.score,
        blocking: tabReadiness.blocking,
      };
      expect(tabFigures).toEqual({
        onCall: row.onCall,
        missing: row.missing,
        readinessScore: row.readinessScore,
        blocking: tabReadiness.blocking,
      });
      // And what they agree on, for people: checkout inherits payments' on-call.
      expect([subject.metadata.name, row.onCall]).toEqual(
        {
          checkout: ['checkout', 'PagerDuty service PPAY001'],
          search: ['search', undefined],
          ledger: ['ledger', undefined],
        }[subject.metadata.name],
      );
    },
  );
});
