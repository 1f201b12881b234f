import express from 'express';
import Router from 'express-promise-router';
import request from 'supertest';
import { ConflictError, InputError } from '@backstage/errors';
import { clientErrorHandler } from './clientErrorHandler';

/** A router like the plugin's: JSON bodies, routes that throw, then the handler. */
function app() {
  const router = Router();
  router.use(express.json());
  router.post('/input', async () => {
    throw new InputError('targetDate must be a date such as 2027-01-15');
  });
  router.post('/conflict', async () => {
    throw new ConflictError('cannot approve: required items are failing: x');
  });
  router.post('/bug', async () => {
    throw new Error('database is gone');
  });
  router.use(clientErrorHandler);
  const server = express();
  server.use(router);
  // What Backstage's handler does after ours: whatever reaches it is a 500 with the stack.
  server.use(
    (
      error: Error,
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      res
        .status(500)
        .json({ error: { message: error.message, stack: error.stack } });
    },
  );
  return server;
}

describe('clientErrorHandler', () => {
  it('answers input errors and conflicts without a stack trace', async () => {
    const input = await request(app()).post('/input').send({});
    expect(input.status).toBe(400);
    expect(input.body).toEqual({
      error: {
        name: 'InputError',
        message: 'targetDate must be a date such as 2027-01-15',
      },
      request: { method: 'POST', url: '/input' },
      response: { statusCode: 400 },
    });
    const conflict = await request(app()).post('/conflict').send({});
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toEqual({
      name: 'ConflictError',
      message: 'cannot approve: required items are failing: x',
    });
  });

  it('answers a malformed JSON body with 400 and no stack trace', async () => {
    const response = await request(app())
      .post('/input')
      .set('Content-Type', 'application/json')
      .send('{"itemId": ');
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('SyntaxError');
    expect(response.body.error.stack).toBeUndefined();
    expect(JSON.stringify(response.body)).not.toMatch(/\n\s+at /);
  });

  it('leaves server errors to the next handler', async () => {
    const response = await request(app()).post('/bug').send({});
    expect(response.status).toBe(500);
    expect(response.body.error.message).toBe('database is gone');
  });
});
