import { DateTime } from 'luxon';
import { EntityReadiness } from '@reliability-suite/plugin-reliability-common';
import {
  paymentsComponent,
  paymentsGroup,
  sreGroups,
  startReliabilityTestBackend,
  tierOneService,
} from './__testUtils__/testBackend';

jest.setTimeout(120_000);

// The people of the test organisation and their groups (what their sign-in token says).
const alice = 'user:default/alice'; // payments: owns checkout
const mallory = 'user:default/mallory'; // growth: owns nothing here
const sam = 'user:default/sam'; // SRE reviewer
const sara = 'user:default/sara'; // SRE reviewer
const lena = 'user:default/lena'; // SRE lead
const groupsOf = {
  [alice]: ['group:default/payments'],
  [mallory]: ['group:default/growth'],
  [sam]: ['group:default/sre'],
  [sara]: ['group:default/sre'],
  [lena]: ['group:default/sre-leads'],
};

function catalogYaml() {
  return [
    paymentsGroup,
    sreGroups,
    tierOneService('checkout'),
    paymentsComponent(
      'ledger',
      `  labels:
    confidential: 'true'
  annotations:
    reliability-suite.io/tier: '1'`,
    ),
  ].join('\n---\n');
}

describe('ReliabilityPolicy with the real permission backend, catalog and reliability backend', () => {
  let backend: Awaited<ReturnType<typeof startReliabilityTestBackend>>;
  const as = (user: string) => backend.as(user);
  const checkout = '/readiness/component/default/checkout';
  const inAYear = DateTime.now().plus({ years: 1 }).toISODate();
  let reviewId: number;

  beforeAll(async () => {
    backend = await startReliabilityTestBackend({
      catalogYaml: catalogYaml(),
      groupsOf,
    });
    await backend.waitFor(alice, '/readiness/component/default/ledger');
  });

  it('refuses an attestation by someone who does not own the service (403)', async () => {
    const response = await as(mallory).post(`${checkout}/attestations`, {
      itemId: 'capacity',
      evidence: ['https://docs.example.com/load-test'],
      expiresAt: inAYear,
    });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(
      'Not allowed: reliability.readiness.attest',
    );
  });

  it('lets the owner attest the manual items and open a review; reviewers must be SRE', async () => {
    for (const itemId of ['capacity', 'rollback', 'security-review']) {
      const response = await as(alice).post(`${checkout}/attestations`, {
        itemId,
        evidence: [`https://docs.example.com/${itemId}`],
        comment: `${itemId} done`,
        expiresAt: inAYear,
      });
      expect(response.status).toBe(201);
    }
    const opened = await as(alice).post(`${checkout}/reviews`, {
      targetDate: inAYear,
      reviewers: ['group:default/sre'],
    });
    expect(opened.status).toBe(201);
    const readiness: EntityReadiness = opened.body;
    reviewId = readiness.review!.id;
    expect(readiness.review).toMatchObject({
      state: 'draft',
      createdBy: alice,
      reviewers: ['group:default/sre'],
    });
    expect(
      (
        await as(alice).post(`/reviews/${reviewId}/actions`, {
          action: 'submit',
        })
      ).body.review.state,
    ).toBe('in_review');
    const ownerApproves = await as(alice).post(`/reviews/${reviewId}/actions`, {
      action: 'approve',
    });
    expect(ownerApproves.status).toBe(403);
    expect(ownerApproves.body.error.message).toBe(
      'Not allowed: reliability.review.decide',
    );
  });

  it('answers an approval with a failing required item with 409 and the list', async () => {
    const response = await as(sam).post(`/reviews/${reviewId}/actions`, {
      action: 'approve',
    });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toBe(
      'cannot approve: required items are failing: SLOs measurable',
    );
  });

  it('lets only SRE leads waive, and a reviewer approve once nothing blocks', async () => {
    const waiver = {
      itemId: 'slos-measurable',
      reason: 'Metrics pipeline lands next sprint; dashboards checked by hand',
      expiresAt: inAYear,
    };
    const reviewerWaives = await as(sam).post(`${checkout}/waivers`, waiver);
    expect(reviewerWaives.status).toBe(403);
    expect((await as(lena).post(`${checkout}/waivers`, waiver)).status).toBe(
      201,
    );

    const approved = await as(sam).post(`/reviews/${reviewId}/actions`, {
      action: 'approve',
      text: 'Ready for launch',
    });
    expect(approved.status).toBe(200);
    const readiness: EntityReadiness = approved.body;
    expect(readiness.review?.state).toBe('approved');
    expect(readiness.summary.blocking).toEqual([]);
    expect(
      readiness.events.map(e => [e.type, e.actor, e.itemId ?? e.reviewId]),
    ).toEqual([
      ['item.attested', alice, 'capacity'],
      ['item.attested', alice, 'rollback'],
      ['item.attested', alice, 'security-review'],
      ['review.opened', alice, reviewId],
      ['review.submitted', alice, reviewId],
      ['item.waived', lena, 'slos-measurable'],
      ['review.approved', sam, reviewId],
    ]);
  });

  it('records one decision and one conflict when two reviewers decide at once', async () => {
    await as(alice).post(`/reviews/${reviewId}/actions`, { action: 'reopen' });
    const responses = await Promise.all([
      as(sam).post(`/reviews/${reviewId}/actions`, { action: 'approve' }),
      as(sara).post(`/reviews/${reviewId}/actions`, {
        action: 'block',
        text: 'Rollback plan not rehearsed',
      }),
    ]);
    expect(responses.map(r => r.status).sort()).toEqual([200, 409]);
    const { body }: { body: EntityReadiness } = await as(alice).get(checkout);
    const afterReopen = body.events.slice(
      body.events.findIndex(e => e.type === 'review.reopened') + 1,
    );
    expect(afterReopen.map(e => e.type).sort()).toEqual(
      [
        responses[0].status === 200 ? 'review.approved' : 'review.blocked',
        'review.decision_conflicted',
      ].sort(),
    );
    expect(body.review?.state).toBe(
      responses[0].status === 200 ? 'approved' : 'blocked',
    );
  });

  it('hides an entity the caller cannot see: 404 for readiness and its audit trail', async () => {
    const ledger = '/readiness/component/default/ledger';
    expect((await as(mallory).get(ledger)).status).toBe(404);
    expect((await as(mallory).get(`${ledger}/events`)).status).toBe(404);
    expect(
      (
        await as(mallory).post(`${ledger}/attestations`, {
          itemId: 'capacity',
          evidence: ['https://docs.example.com/x'],
          expiresAt: inAYear,
        })
      ).status,
    ).toBe(404);
    expect((await as(alice).get(ledger)).status).toBe(200);
    const trail = await as(alice).get(`${checkout}/events`);
    expect(trail.headers['content-disposition']).toBe(
      'attachment; filename="component-default-checkout.audit.json"',
    );
    expect(trail.body.slice(0, 4).map((e: { type: string }) => e.type)).toEqual(
      ['item.attested', 'item.attested', 'item.attested', 'review.opened'],
    );
  });

  it('leaves entities the caller cannot see out of the scorecard, its rollups and exports', async () => {
    await backend.scheduler.triggerTask('reliability-definitions-sync');
    const scorecard = await as(alice).get('/scorecard?sort=name');
    expect(scorecard.body.rows.map((r: { name: string }) => r.name)).toEqual([
      'checkout',
      'ledger',
    ]);
    expect(scorecard.body.rows[0]).toMatchObject({
      tier: 1,
      owner: 'group:default/payments',
      onCall: 'PagerDuty service PGRP001',
      sloCount: 1,
      reviewState: expect.stringMatching(/approved|blocked/),
    });

    const hidden = await as(mallory).get('/scorecard?sort=name');
    expect(hidden.body).toMatchObject({ totalCount: 1 });
    expect(hidden.body.rows.map((r: { name: string }) => r.name)).toEqual([
      'checkout',
    ]);
    const rollups = await as(mallory).get('/scorecard/rollups?by=owner');
    expect(rollups.body.totals.entities).toBe(1);
    const csv = await as(mallory).get('/scorecard/export?format=csv');
    expect(csv.text.trim().split('\n')).toHaveLength(2);
    expect(csv.text).not.toContain('ledger');
  });
});
