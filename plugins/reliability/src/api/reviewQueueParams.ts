import { ReviewState } from '@reliability-suite/plugin-reliability-common';

/** The states of an open launch review, the only ones the review queue lists. */
export const REVIEW_QUEUE_STATES = [
  'draft',
  'in_review',
] as const satisfies ReadonlyArray<ReviewState>;
export type ReviewQueueState = (typeof REVIEW_QUEUE_STATES)[number];

/** The review queue's filters, as the backend's `GET /reviews` takes them. */
export interface ReviewQueueFilter {
  state?: ReviewQueueState;
  /** A user or group ref named on the review, e.g. `group:default/sre`. */
  reviewer?: string;
  /** `YYYY-MM-DD`: reviews whose target date is on or before it. */
  dueBefore?: string;
}

/** Query parameters of the review queue, in the backend and in the page's URL alike. */
export const REVIEW_QUEUE_PARAMS = ['state', 'reviewer', 'due_before'] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `state=in_review&reviewer=group:default/sre&due_before=2027-01-15`; unset filters left out. */
export function reviewQueueParams(filter: ReviewQueueFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.state) params.set('state', filter.state);
  if (filter.reviewer) params.set('reviewer', filter.reviewer);
  if (filter.dueBefore) params.set('due_before', filter.dueBefore);
  return params;
}

/**
 * The filter a URL's parameters describe: the inverse of `reviewQueueParams`. Values the backend
 * would refuse (`state=approved`, `due_before=soon`) are dropped, so a hand-edited link still opens.
 */
export function parseReviewQueueFilter(
  params: URLSearchParams,
): ReviewQueueFilter {
  const filter: ReviewQueueFilter = {};
  const state = REVIEW_QUEUE_STATES.find(s => s === params.get('state'));
  if (state) filter.state = state;
  const reviewer = params.get('reviewer')?.trim();
  if (reviewer) filter.reviewer = reviewer;
  const dueBefore = params.get('due_before');
  if (dueBefore && DAY.test(dueBefore) && isDay(dueBefore)) {
    filter.dueBefore = dueBefore;
  }
  return filter;
}

/** A real calendar day (not `2027-02-30`). */
function isDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
