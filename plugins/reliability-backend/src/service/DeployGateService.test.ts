import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { DeployOverride, OverrideStore } from '../store/OverrideStore';
import { StatusStore } from '../store/StatusStore';
import { EntityAccess } from './EntityAccess';
import { DeployGateService, OVERRIDE_HISTORY_LIMIT } from './DeployGateService';
import { StoredDefinitionsReader } from './StoredDefinitionsReader';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
};

const stored: DeployOverride[] = [
  {
    id: 3,
    entityRef: 'component:default/checkout',
    reason: 'INC-3 rollback',
    createdBy: 'user:default/ann',
    createdAt: 3000,
    expiresAt: 6000,
  },
  {
    id: 1,
    entityRef: 'component:default/checkout',
    reason: 'INC-1 hotfix',
    createdBy: 'user:default/bob',
    createdAt: 1000,
    expiresAt: 4000,
  },
];

function service() {
  const forEntity = jest.fn(async () => stored);
  const gate = new DeployGateService({
    access: {
      visibleEntity: jest.fn(async () => entity),
    } as unknown as EntityAccess,
    definitions: {} as StoredDefinitionsReader,
    statuses: {} as StatusStore,
    overrides: { forEntity } as unknown as OverrideStore,
    // Neither the policies nor the gate's rules are consulted for the history.
    policies: {} as never,
    gate: {} as never,
    evaluationIntervalMs: 300_000,
  });
  return { gate, forEntity };
}

describe('DeployGateService.overrideHistory', () => {
  it.each([
    [3000, [true, true]],
    [3999, [true, true]],
    [4000, [true, false]],
    [6000, [false, false]],
  ])(
    'at %d marks the overrides in force (created, not expired)',
    async (now, active) => {
      const { gate, forEntity } = service();
      const overrides = await gate.overrideHistory(
        'component:default/checkout',
        mockCredentials.user(),
        now,
      );
      expect(forEntity).toHaveBeenCalledWith(
        'component:default/checkout',
        OVERRIDE_HISTORY_LIMIT,
      );
      expect(overrides.map(o => o.active)).toEqual(active);
      expect(overrides[0]).toEqual({
        id: 3,
        reason: 'INC-3 rollback',
        createdBy: 'user:default/ann',
        createdAt: 3000,
        expiresAt: 6000,
        active: active[0],
      });
    },
  );
});
