/** Kinds of audit events of the readiness process (and deploy-gate overrides). */
export type ReadinessEventType =
  | 'item.attested'
  | 'item.waived'
  | 'review.opened'
  | 'review.submitted'
  | 'review.commented'
  | 'review.approved'
  | 'review.blocked'
  | 'review.reopened'
  /** A decision that lost a race with another reviewer's: recorded, state unchanged. */
  | 'review.decision_conflicted';

/** One append-only audit event: who did what, when, and the state before and after. */
export interface ReadinessEvent {
  id: number;
  entityRef: string;
  type: ReadinessEventType;
  /** User entity ref of who did it. */
  actor: string;
  /** Epoch ms. */
  at: number;
  itemId?: string;
  reviewId?: number;
  /** Evidence links, comment, reason, expiry… depending on the type. */
  data: {
    evidence?: string[];
    comment?: string;
    reason?: string;
    expiresAt?: number;
    targetDate?: string;
    reviewers?: string[];
  };
  before?: string;
  after?: string;
}
