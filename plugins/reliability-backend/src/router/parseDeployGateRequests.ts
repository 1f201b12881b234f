import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';
import { parseWith } from './parseWith';

const entityRef = z
  .string({
    error: issue =>
      issue.input === undefined
        ? 'is required, e.g. component:default/checkout'
        : 'must be one entity reference, e.g. component:default/checkout',
  })
  .min(1, 'is required, e.g. component:default/checkout')
  .max(255, 'must be at most 255 characters')
  .transform((value, ctx) => {
    try {
      return stringifyEntityRef(
        parseEntityRef(value, {
          defaultKind: 'component',
          defaultNamespace: 'default',
        }),
      );
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `is not an entity reference: ${(error as Error).message}`,
      });
      return z.NEVER;
    }
  });

const gateQuery = z.object({ entityRef });

const overrideBody = z.object({
  entityRef,
  reason: z
    .string({ error: 'is required' })
    .trim()
    .min(10, 'must explain the emergency (at least 10 characters)')
    .max(2000, 'must be at most 2000 characters'),
  durationMinutes: z
    .number({ error: 'must be a number of minutes' })
    .int('must be whole minutes')
    .min(1, 'must be at least 1')
    .max(7 * 24 * 60, 'must be at most 7 days (10080 minutes)')
    .default(60),
});

/** `GET /deploy-gate?entityRef=component:default/x` → the entity reference. */
export function parseDeployGateQuery(query: unknown): { entityRef: string } {
  return parseWith(gateQuery, query);
}

/** `POST /deploy-gate/overrides` body → entity, reason and duration. */
export function parseOverrideBody(body: unknown): {
  entityRef: string;
  reason: string;
  durationMinutes: number;
} {
  return parseWith(overrideBody, body);
}
