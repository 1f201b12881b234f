import { ResponseError } from '@backstage/errors';

/** What went wrong, in the backend's words when it answered with an error (403, 409, 400…). */
export function describeError(error: unknown): string {
  if (ResponseError.is(error) && error.cause.message) {
    return error.cause.message;
  }
  return error instanceof Error ? error.message : String(error);
}
