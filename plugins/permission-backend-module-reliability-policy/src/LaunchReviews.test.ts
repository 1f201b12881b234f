import { DateTime } from 'luxon';
import {
  EntityReadiness,
  Review,
} from '@reliability-suite/plugin-reliability-common';
import {
  paymentsComponent,
  paymentsGroup,
  sreGroups,
  startReliabilityTestBackend,
  tierOneService,
} from './__testUtils__/testBackend';

jest.setTimeout(120_000);

const alice = 'user:default/alice'; // payments: owns invoicing and the confidential ledger
const sam = 'user:default/sam'; // SRE
const sara = 'user:default/sara'; // SRE and growth
const mallory = 'user:default/mallory'; // growth
const groupsOf = {
  [alice]: ['group:default/payments'],
  [sam]: ['group:default/sre'],
  [sara]: ['group:default/sre', 'group:default/growth'],
  [mallory]: ['group:default/growth'],
};
const growthGroup = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: growth
spec:
  type: team
  children: []`;
const catalogYaml = [
  paymentsGroup,
  sreGroups,
  growthGroup,
  tierOneService('invoicing'),
  paymentsComponent(
    'ledger',
    `  labels:
    confidential: 'true'
  annotations:
    reliability-suite.io/tier: '1'`,
  ),
].join('\n---\n');
const invoicing = '/readiness/component/default/invoicing';
const ledger = '/readiness/component/default/ledger';
const today = DateTime.utc().toISODate()!;
const inAYear = DateTime.utc().plus({ years: 1 }).toISODate()!;
const yesterday = DateTime.utc().minus({ days: 1 }).toISODate()!;

describe('launch reviews reviewers can trust, and the review queue', () => {
  let backend: Awaited<ReturnType<typeof startReliabilityTestBackend>>;
  let reviewId: number;

  beforeAll(async () => {
    backend = await startReliabilityTestBackend({ catalogYaml, groupsOf });
    await backend.waitFor(alice, ledger);
  });

  it.each([
    [
      'a reviewer the catalog does not know',
      { reviewers: ['group:default/sre', 'group:default/nobody'] },
      'reviewers.1 "group:default/nobody" is no user or group in the catalog',
    ],
    [
      'a reviewer that is no user or group',
      { reviewers: ['component:default/invoicing'] },
      'reviewers.0 "component:default/invoicing" must be a user or group ref such as group:default/sre',
    ],
    [
      'a target date in the past',
      { targetDate: yesterday, reviewers: ['group:default/sre'] },
      `targetDate must not be in the past: ${yesterday} is before today, ${today}`,
    ],
  ])(
    'refuses to open a review with %s (400 naming the field)',
    async (_, body, message) => {
      const response = await backend
        .as(alice)
        .post(`${invoicing}/reviews`, body);
      expect(response.status).toBe(400);
      expect(response.body.error).toEqual({ name: 'InputError', message });
    },
  );

  it('opens one review per entity (409 naming the open one) and shows it on the scorecard at once', async () => {
    const opened = await backend.as(alice).post(`${invoicing}/reviews`, {
      targetDate: today,
      reviewers: ['Group:default/growth'],
    });
    expect(opened.status).toBe(201);
    const review = (opened.body as EntityReadiness).review!;
    reviewId = review.id;
    expect(review).toMatchObject({
      state: 'draft',
      targetDate: today,
      reviewers: ['group:default/growth'],
    });

    const again = await backend.as(alice).post(`${invoicing}/reviews`, {
      reviewers: ['group:default/sre'],
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({
      name: 'ConflictError',
      message: `component:default/invoicing already has an open launch review: #${reviewId} (draft); decide it before opening another`,
    });
    expect((await backend.as(alice).get(invoicing)).body.review.id).toBe(
      reviewId,
    );

    const scorecard = await backend
      .as(alice)
      .get('/scorecard?search=invoicing');
    expect(
      scorecard.body.rows.map((r: { reviewState?: string }) => r.reviewState),
    ).toEqual(['draft']);
  });

  it('lets only the named reviewers decide (403 for another SRE)', async () => {
    const act = (user: string, body: object) =>
      backend.as(user).post(`/reviews/${reviewId}/actions`, body);
    expect((await act(alice, { action: 'submit' })).status).toBe(200);

    const notNamed = await act(sam, { action: 'block', text: 'No load test' });
    expect(notNamed.status).toBe(403);
    expect(notNamed.body.error).toEqual({
      name: 'NotAllowedError',
      message:
        "only the review's reviewers may decide it: group:default/growth; user:default/sam is none of them",
    });

    const blocked = await act(sara, { action: 'block', text: 'No load test' });
    expect(blocked.status).toBe(200);
    expect(blocked.body.review.state).toBe('blocked');
    const scorecard = await backend
      .as(alice)
      .get('/scorecard?search=invoicing');
    expect(
      scorecard.body.rows.map((r: { reviewState?: string }) => r.reviewState),
    ).toEqual(['blocked']);
  });

  it('lists open reviews of entities the viewer may read, filtered by state, reviewer and target date', async () => {
    const reopened = await backend
      .as(alice)
      .post(`/reviews/${reviewId}/actions`, { action: 'reopen' });
    expect(reopened.status).toBe(200);
    const ledgerReview = await backend.as(alice).post(`${ledger}/reviews`, {
      targetDate: inAYear,
      reviewers: ['group:default/sre'],
    });
    expect(ledgerReview.status).toBe(201);
    const ledgerId = ledgerReview.body.review.id;

    const queue = async (user: string, query = '') => {
      const response = await backend.as(user).get(`/reviews${query}`);
      expect(response.status).toBe(200);
      return (response.body.reviews as Review[]).map(r => [
        r.id,
        r.entityRef,
        r.state,
      ]);
    };
    const invoicingRow = [reviewId, 'component:default/invoicing', 'in_review'];
    const ledgerRow = [ledgerId, 'component:default/ledger', 'draft'];
    expect(await queue(alice)).toEqual([invoicingRow, ledgerRow]);
    // The ledger is confidential: mallory may not read it, nor its review.
    expect(await queue(mallory)).toEqual([invoicingRow]);
    expect(await queue(alice, '?state=draft')).toEqual([ledgerRow]);
    expect(await queue(alice, '?reviewer=group:default/growth')).toEqual([
      invoicingRow,
    ]);
    expect(await queue(alice, `?due_before=${today}`)).toEqual([invoicingRow]);
    // "Mine": reviews naming the viewer or one of the viewer's groups.
    expect(await queue(mallory, '?reviewer=me')).toEqual([invoicingRow]);
    expect(await queue(sara, '?reviewer=me')).toEqual([invoicingRow]);
    // The ledger's review names sre, but the ledger is confidential to payments.
    expect(await queue(sam, '?reviewer=me')).toEqual([]);
    expect(await queue(alice, '?reviewer=group:default/sre')).toEqual([
      ledgerRow,
    ]);
    expect(await queue(alice, '?reviewer=me')).toEqual([]);

    const badState = await backend.as(alice).get('/reviews?state=approved');
    expect(badState.status).toBe(400);
    expect(badState.body.error.message).toBe(
      'state must be draft or in_review',
    );
    const badDate = await backend.as(alice).get('/reviews?due_before=soon');
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.message).toBe(
      'due_before must be a date such as 2027-01-15',
    );
  });
});
