import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** Parses request input with a schema; the first problem becomes a 400 `field reason`. */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InputError(
      `${issue.path.join('.') || 'request'} ${issue.message}`,
    );
  }
  return result.data;
}
