import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { RELIABILITY_ENTITY_RESOURCE_TYPE } from '@reliability-suite/plugin-reliability-common';
import { z } from 'zod';

/** Entity ownership as a query: which owner refs may act. */
export type OwnershipQuery = { ownedBy: string[] };

/** The Reliability Suite's permission resource: a catalog entity, by its reference. */
export const reliabilityEntityResourceRef = createPermissionResourceRef<
  Entity,
  OwnershipQuery
>().with({
  pluginId: 'reliability',
  resourceType: RELIABILITY_ENTITY_RESOURCE_TYPE,
});

/**
 * IS_ENTITY_OWNER: the entity is owned by one of the claims (the user's ownership refs: the user
 * and their groups). Use it in a policy so that owners attest and open reviews.
 */
export const isEntityOwner = createPermissionRule({
  name: 'IS_ENTITY_OWNER',
  description:
    'Allow only if the entity is owned by one of the given claims (user or group refs)',
  resourceRef: reliabilityEntityResourceRef,
  paramsSchema: z.object({
    claims: z.array(z.string()).describe('Ownership refs of the user'),
  }),
  apply: (entity, { claims }) =>
    (entity.relations ?? []).some(
      r => r.type === RELATION_OWNED_BY && claims.includes(r.targetRef),
    ),
  toQuery: ({ claims }) => ({ ownedBy: claims }),
});

/** The rules of the reliability-entity resource type. */
export const reliabilityPermissionRules = [isEntityOwner];

/**
 * Conditions for permission policies, e.g.
 * `createReliabilityConditionalDecision(permission, reliabilityConditions.isEntityOwner({ claims }))`.
 */
export const {
  conditions: reliabilityConditions,
  createConditionalDecision: createReliabilityConditionalDecision,
} = createConditionExports({
  resourceRef: reliabilityEntityResourceRef,
  rules: { isEntityOwner },
});
