import { DateTime } from 'luxon';
import { EntityReadiness } from '@reliability-suite/plugin-reliability-common';
import {
  paymentsGroup,
  sreGroups,
  startReliabilityTestBackend,
  tierOneService,
} from './__testUtils__/testBackend';

jest.setTimeout(120_000);

// Who is who (what their sign-in token says). Olga and Piotr are SREs embedded in payments: they
// may both prepare a launch of a payments service and decide reviews.
const alice = 'user:default/alice'; // payments
const olga = 'user:default/olga'; // payments and SRE
const piotr = 'user:default/piotr'; // payments and SRE
const sam = 'user:default/sam'; // SRE
const lena = 'user:default/lena'; // SRE lead
const groupsOf = {
  [alice]: ['group:default/payments'],
  [olga]: ['group:default/payments', 'group:default/sre'],
  [piotr]: ['group:default/payments', 'group:default/sre'],
  [sam]: ['group:default/sre'],
  [lena]: ['group:default/sre-leads'],
};
const catalogYaml = [
  paymentsGroup,
  sreGroups,
  tierOneService('invoicing'),
].join('\n---\n');
const invoicing = '/readiness/component/default/invoicing';
const inAYear = DateTime.now().plus({ years: 1 }).toISODate();

type Backend = Awaited<ReturnType<typeof startReliabilityTestBackend>>;

/** Everything a launch needs except the review: attestations, a waiver of slos-measurable. */
async function prepareLaunch(backend: Backend, attesters: string[]) {
  for (const [index, itemId] of [
    'capacity',
    'rollback',
    'security-review',
  ].entries()) {
    const attested = await backend
      .as(attesters[index])
      .post(`${invoicing}/attestations`, {
        itemId,
        evidence: [`https://docs.example.com/invoicing/${itemId}`],
        expiresAt: inAYear,
      });
    expect(attested.status).toBe(201);
  }
  const waived = await backend.as(lena).post(`${invoicing}/waivers`, {
    itemId: 'slos-measurable',
    reason: 'Metrics pipeline lands next sprint; dashboards checked by hand',
    expiresAt: inAYear,
  });
  expect(waived.status).toBe(201);
}

/** Opens a review as `opener` and submits it; its id. */
async function openAndSubmit(backend: Backend, opener: string) {
  const opened = await backend.as(opener).post(`${invoicing}/reviews`, {
    targetDate: inAYear,
    reviewers: ['group:default/sre'],
  });
  expect(opened.status).toBe(201);
  const reviewId = (opened.body as EntityReadiness).review!.id;
  const submitted = await backend
    .as(opener)
    .post(`/reviews/${reviewId}/actions`, { action: 'submit' });
  expect(submitted.body.review.state).toBe('in_review');
  return reviewId;
}

describe('the four-eyes rule of launch reviews (on by default)', () => {
  let backend: Backend;
  let reviewId: number;
  const act = (user: string, body: object) =>
    backend.as(user).post(`/reviews/${reviewId}/actions`, body);

  beforeAll(async () => {
    // Backstage's error handler adds stack traces to error bodies in development, as the demo
    // runs: this backend starts in development mode to show the plugin's answers have none.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    try {
      backend = await startReliabilityTestBackend({ catalogYaml, groupsOf });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    await backend.waitFor(alice, invoicing);
    await prepareLaunch(backend, [piotr, piotr, alice]);
    reviewId = await openAndSubmit(backend, olga);
  });

  it('refuses the approval of the reviewer who opened the review (409)', async () => {
    const response = await act(olga, { action: 'approve' });
    expect(response.status).toBe(409);
    expect(response.body.error).toEqual({
      name: 'ConflictError',
      message:
        'cannot approve: user:default/olga opened this review; another reviewer must approve (four-eyes rule)',
    });
  });

  it('refuses the approval of a reviewer who attested items (409)', async () => {
    const response = await act(piotr, { action: 'approve' });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toBe(
      'cannot approve: user:default/piotr attested Capacity and load test, Rollback readiness; another reviewer must approve (four-eyes rule)',
    );
  });

  it('lets the opener block, and another reviewer approve', async () => {
    const blocked = await act(olga, {
      action: 'block',
      text: 'Rollback not rehearsed with the new ledger',
    });
    expect(blocked.status).toBe(200);
    expect(blocked.body.review.state).toBe('blocked');
    expect((await act(olga, { action: 'reopen' })).status).toBe(200);

    const approved = await act(sam, {
      action: 'approve',
      text: 'Ready for launch',
    });
    expect(approved.status).toBe(200);
    const readiness: EntityReadiness = approved.body;
    expect(readiness.review?.state).toBe('approved');
    // Refused approvals leave no trace in the audit trail; the decisions do.
    expect(
      readiness.events.map(e => [e.type, e.actor, e.itemId ?? e.reviewId]),
    ).toEqual([
      ['item.attested', piotr, 'capacity'],
      ['item.attested', piotr, 'rollback'],
      ['item.attested', alice, 'security-review'],
      ['item.waived', lena, 'slos-measurable'],
      ['review.opened', olga, reviewId],
      ['review.submitted', olga, reviewId],
      ['review.blocked', olga, reviewId],
      ['review.reopened', olga, reviewId],
      ['review.approved', sam, reviewId],
    ]);
  });

  it('answers malformed input with 400 naming the field, without a stack trace', async () => {
    const cases: Array<[string, object, string]> = [
      [
        `${invoicing}/reviews`,
        { targetDate: '2030-02-30', reviewers: ['group:default/sre'] },
        'targetDate must be a date such as 2027-01-15',
      ],
      [
        `${invoicing}/reviews`,
        { reviewers: ['x'.repeat(256)] },
        'reviewers.0 must be at most 255 characters',
      ],
      [
        `${invoicing}/attestations`,
        {
          itemId: 'capacity',
          // eslint-disable-next-line no-script-url
          evidence: ['javascript:alert(document.cookie)'],
          expiresAt: inAYear,
        },
        'evidence.0 must be an http: or https: link',
      ],
      [
        `${invoicing}/attestations`,
        {
          itemId: 'x'.repeat(256),
          evidence: ['https://docs.example.com/x'],
          expiresAt: inAYear,
        },
        'itemId must be at most 255 characters',
      ],
      [
        `${invoicing}/attestations`,
        {
          itemId: 'x'.repeat(255),
          evidence: ['https://docs.example.com/x'],
          expiresAt: inAYear,
        },
        `itemId "${'x'.repeat(255)}" is no readiness item`,
      ],
      [
        `${invoicing}/attestations`,
        {
          itemId: 'ownership',
          evidence: ['https://docs.example.com/x'],
          expiresAt: inAYear,
        },
        'itemId "ownership" is checked automatically and cannot be attested',
      ],
      [
        `${invoicing}/waivers`,
        {
          itemId: 'capacity',
          reason: 'Load test is booked for next week',
          expiresAt: '2030-02-30',
        },
        'expiresAt must be a date such as 2027-03-01',
      ],
      [
        `${invoicing}/waivers`,
        {
          itemId: 'capacity',
          reason: 'r'.repeat(2001),
          expiresAt: inAYear,
        },
        'reason must be at most 2000 characters',
      ],
      [
        `/reviews/${reviewId}/actions`,
        { action: 'comment', text: 't'.repeat(4001) },
        'text must be at most 4000 characters',
      ],
      [
        `/reviews/${reviewId}/actions`,
        { action: 'block' },
        'text is required: the reason to block',
      ],
    ];
    for (const [path, body, message] of cases) {
      // Olga is an owner, an SRE reviewer; Lena waives.
      const user = path.endsWith('/waivers') ? lena : olga;
      const response = await backend.as(user).post(path, body);
      expect([path, response.status, response.body.error]).toEqual([
        path,
        400,
        { name: 'InputError', message },
      ]);
    }
  });
});

describe('with reliability.readiness.fourEyes: false', () => {
  let backend: Backend;

  beforeAll(async () => {
    backend = await startReliabilityTestBackend({
      catalogYaml,
      groupsOf,
      reliability: { readiness: { fourEyes: false } },
    });
    await backend.waitFor(alice, invoicing);
  });

  it('lets the reviewer who opened the review and attested every item approve it', async () => {
    await prepareLaunch(backend, [olga, olga, olga]);
    const reviewId = await openAndSubmit(backend, olga);
    const approved = await backend
      .as(olga)
      .post(`/reviews/${reviewId}/actions`, { action: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.review).toMatchObject({
      state: 'approved',
      createdBy: olga,
    });
  });
});
