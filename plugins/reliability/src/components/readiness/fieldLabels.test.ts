import { ResponseError } from '@backstage/errors';
import { describeFormError, withFieldLabel } from './fieldLabels';

describe('withFieldLabel', () => {
  it.each([
    [
      'evidence.0 must be an http: or https: link',
      'Evidence link 1 must be an http: or https: link',
    ],
    [
      'evidence.19 must be a link of at most 2048 characters',
      'Evidence link 20 must be a link of at most 2048 characters',
    ],
    [
      'evidence needs at least one evidence link',
      'Evidence links needs at least one evidence link',
    ],
    [
      'expiresAt must be a date such as 2027-03-01',
      'Expires on must be a date such as 2027-03-01',
    ],
    [
      'targetDate must not be in the past: 2026-01-01 is before today, 2026-11-23',
      'Target launch date must not be in the past: 2026-01-01 is before today, 2026-11-23',
    ],
    [
      'reviewers.1 "group:default/nobody" is no user or group in the catalog',
      'Reviewer 2 "group:default/nobody" is no user or group in the catalog',
    ],
    [
      'reason must explain the emergency (at least 10 characters)',
      'Reason must explain the emergency (at least 10 characters)',
    ],
    [
      'durationMinutes must be at most 7 days (10080 minutes)',
      'Duration must be at most 7 days (10080 minutes)',
    ],
    // Not a field this form knows, or no field at all: as the backend said it.
    ['request must be a JSON object', 'request must be a JSON object'],
    ['comment.0 oops', 'comment.0 oops'],
    [
      'cannot approve: required items are failing: Rollback readiness',
      'cannot approve: required items are failing: Rollback readiness',
    ],
  ])('%s → %s', (message, expected) => {
    expect(withFieldLabel(message)).toBe(expected);
  });
});

describe('describeFormError', () => {
  const answer = (status: number, message: string) =>
    ResponseError.fromResponse({
      status,
      statusText: 'x',
      url: 'http://localhost/api/reliability',
      headers: new Headers({ 'Content-Type': 'application/json' }),
      text: async () =>
        JSON.stringify({
          error: { name: 'Error', message },
          request: { method: 'POST', url: '/' },
          response: { statusCode: status },
        }),
    } as Response);

  it('labels the fields of refused input (400) only', async () => {
    expect(
      describeFormError(
        await answer(400, 'evidence.0 must be an http: or https: link'),
      ),
    ).toBe('Evidence link 1 must be an http: or https: link');
    expect(describeFormError(await answer(409, 'reason is taken'))).toBe(
      'reason is taken',
    );
    expect(describeFormError(new Error('comment failed'))).toBe(
      'comment failed',
    );
  });
});
