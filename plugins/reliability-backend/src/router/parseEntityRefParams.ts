import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** Catalog names: letters, digits and `-_.`, at most 63 characters. */
const part = z
  .string()
  .min(1)
  .max(63, 'must be at most 63 characters')
  .regex(
    /^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/,
    'must be a catalog name (letters, digits, - _ .)',
  );

const entityRefParams = z.object({ kind: part, namespace: part, name: part });

/** Parses `/:kind/:namespace/:name` into an entity reference, or throws a 400 InputError. */
export function parseEntityRefParams(params: unknown): string {
  const result = entityRefParams.safeParse(params);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InputError(
      `Invalid entity reference: ${issue.path.join('.')} ${issue.message}`,
    );
  }
  const { kind, namespace, name } = result.data;
  return `${kind}:${namespace}/${name}`.toLocaleLowerCase('en-US');
}
