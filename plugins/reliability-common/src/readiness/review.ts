/**
 * States of a launch readiness review: open (`draft`, `in_review`; at most one per entity),
 * decided (`approved`, `blocked`), or `superseded`: an open review left behind before an entity
 * could have only one (never shown as the entity's review, never decided).
 */
export type ReviewState =
  | 'draft'
  | 'in_review'
  | 'approved'
  | 'blocked'
  | 'superseded';

/** The states of an open review. */
export const OPEN_REVIEW_STATES: ReadonlyArray<ReviewState> = [
  'draft',
  'in_review',
];

/** A launch readiness review of an entity. `version` guards decisions (compare-and-set). */
export interface Review {
  id: number;
  entityRef: string;
  state: ReviewState;
  /** Target launch date, `YYYY-MM-DD`. */
  targetDate?: string;
  /** User or group refs asked to review. */
  reviewers: string[];
  createdBy: string;
  /** Epoch ms. */
  createdAt: number;
  version: number;
}

/** What people do to a review. */
export type ReviewAction =
  | 'submit'
  | 'approve'
  | 'block'
  | 'reopen'
  | 'comment';

const TRANSITIONS: Record<
  Exclude<ReviewAction, 'comment'>,
  { from: ReviewState[]; to: ReviewState }
> = {
  submit: { from: ['draft'], to: 'in_review' },
  approve: { from: ['in_review'], to: 'approved' },
  block: { from: ['in_review'], to: 'blocked' },
  reopen: { from: ['approved', 'blocked'], to: 'in_review' },
};

/**
 * The state a review moves to, or why it cannot: draft → in review → approved | blocked, and
 * approved | blocked → reopened (in review). Comments never change the state.
 */
export function nextReviewState(
  current: ReviewState,
  action: ReviewAction,
): { state: ReviewState } | { error: string } {
  if (action === 'comment') return { state: current };
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(current)) {
    return {
      error: `cannot ${action} a review that is ${current.replace('_', ' ')}`,
    };
  }
  return { state: transition.to };
}
