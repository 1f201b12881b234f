import {
  CheckResult,
  DEFINITIONS_PENDING_REASON,
  DEFAULT_READINESS_ITEMS,
  EntityReadiness,
  ReadinessEvent,
  Review,
  projectReadiness,
} from '@reliability-suite/plugin-reliability-common';

/** Readiness as the backend serves it, projected from events like the backend does. */
export const NOW = Date.parse('2026-11-23T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const entityRef = 'component:default/checkout';

/** Every automatic check passes except dashboards. */
const automatic: CheckResult[] = DEFAULT_READINESS_ITEMS.filter(
  i => i.kind === 'automatic',
).map(({ id }) =>
  id === 'dashboards'
    ? { itemId: id, passed: false, reason: 'No dashboard linked' }
    : { itemId: id, passed: true, reason: `${id} is in place` },
);

export const inReview: Review = {
  id: 7,
  entityRef,
  state: 'in_review',
  targetDate: '2026-12-15',
  reviewers: ['group:default/sre'],
  createdBy: 'user:default/ann',
  createdAt: NOW - 2 * DAY,
  version: 2,
};

/** Capacity attested, security review waived, a review opened, submitted and commented on. */
export const checkoutEvents: ReadinessEvent[] = [
  {
    id: 1,
    entityRef,
    type: 'item.attested',
    actor: 'user:default/ann',
    at: NOW - 10 * DAY,
    itemId: 'capacity',
    data: {
      evidence: ['https://ci.example.com/load/42'],
      comment: 'Twice the expected peak',
      expiresAt: Date.parse('2027-02-01'),
    },
  },
  {
    id: 2,
    entityRef,
    type: 'item.waived',
    actor: 'user:default/bob',
    at: NOW - 3 * DAY,
    itemId: 'security-review',
    data: {
      reason: 'Review booked for 2026-12-01',
      expiresAt: Date.parse('2026-12-07'),
    },
  },
  {
    id: 3,
    entityRef,
    type: 'review.opened',
    actor: 'user:default/ann',
    at: NOW - 2 * DAY,
    reviewId: 7,
    data: { targetDate: '2026-12-15', reviewers: ['group:default/sre'] },
    after: 'draft',
  },
  {
    id: 4,
    entityRef,
    type: 'review.submitted',
    actor: 'user:default/ann',
    at: NOW - DAY,
    reviewId: 7,
    data: {},
    before: 'draft',
    after: 'in_review',
  },
  {
    id: 5,
    entityRef,
    type: 'review.commented',
    actor: 'user:default/carol',
    at: NOW - HOUR,
    reviewId: 7,
    data: { comment: 'Dashboards still missing' },
  },
];

/** As above, but the entity's definitions have not been read yet: its SLO items are pending. */
const automaticPending: CheckResult[] = automatic.map(result =>
  ['slos-defined', 'slos-measurable', 'alerts'].includes(result.itemId)
    ? {
        itemId: result.itemId,
        passed: false,
        pending: true,
        reason: DEFINITIONS_PENDING_REASON,
      }
    : result,
);

/** The readiness of the Tier-1 checkout service after these events. */
export function readinessWith(
  events: ReadinessEvent[],
  review: Review | undefined,
  results: CheckResult[] = automatic,
): EntityReadiness {
  return {
    entityRef,
    tierLevel: 1,
    summary: projectReadiness(DEFAULT_READINESS_ITEMS, 1, results, events, NOW),
    review,
    events,
  };
}

/** 9 of 12 required items passing (75%); dashboards and rollback block approval. */
export const checkoutReadiness = readinessWith(checkoutEvents, inReview);

/** Capacity attested with a `javascript:` URL among its evidence, stored before evidence was validated. */
export const hostileEvents: ReadinessEvent[] = checkoutEvents.map(event =>
  event.id === 1
    ? {
        ...event,
        data: {
          ...event.data,
          evidence: ['javascript:alert(1)', 'https://ci.example.com/load/42'],
        },
      }
    : event,
);

export const hostileReadiness = readinessWith(hostileEvents, inReview);

/**
 * checkout before its definitions were read: 6 of 12 required items passing (50%), the three
 * SLO items pending, dashboards and rollback blocking approval.
 */
export const pendingReadiness = readinessWith(
  checkoutEvents,
  inReview,
  automaticPending,
);
