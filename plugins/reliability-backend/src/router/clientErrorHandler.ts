import { ErrorRequestHandler } from 'express';
import { isError, serializeError } from '@backstage/errors';

/** Status codes of the `@backstage/errors` types this plugin answers callers with. */
const CLIENT_ERROR_STATUS: Record<string, number> = {
  InputError: 400,
  AuthenticationError: 401,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
};

function clientErrorStatus(error: unknown): number | undefined {
  if (!isError(error)) return undefined;
  const { status, statusCode } = error as {
    status?: unknown;
    statusCode?: unknown;
  };
  const explicit = [statusCode, status].find(
    (code): code is number => typeof code === 'number',
  );
  if (explicit !== undefined)
    return explicit >= 400 && explicit < 500 ? explicit : undefined;
  return CLIENT_ERROR_STATUS[error.name];
}

/**
 * Answers a caller's mistakes (4xx: bad input, unknown entity, conflicts, malformed JSON) in
 * Backstage's error body shape but never with a stack trace, which Backstage's own handler adds
 * whenever NODE_ENV is development (as in the demo). Server errors go on to Backstage's handler,
 * which logs them.
 */
export const clientErrorHandler: ErrorRequestHandler = (
  error,
  req,
  res,
  next,
) => {
  const statusCode = clientErrorStatus(error);
  if (statusCode === undefined || res.headersSent) {
    next(error);
    return;
  }
  res.status(statusCode).json({
    error: serializeError(error, { includeStack: false }),
    request: { method: req.method, url: req.url },
    response: { statusCode },
  });
};
