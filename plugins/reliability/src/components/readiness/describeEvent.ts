import {
  ReadinessEvent,
  ReadinessEventType,
} from '@reliability-suite/plugin-reliability-common';

const WHAT: Record<
  ReadinessEventType,
  (item: string, review: string) => string
> = {
  'item.attested': item => `attested ${item}`,
  'item.waived': item => `waived ${item}`,
  'review.opened': (_, review) => `opened ${review}`,
  'review.submitted': (_, review) => `submitted ${review} for approval`,
  'review.commented': (_, review) => `commented on ${review}`,
  'review.approved': (_, review) => `approved the launch (${review})`,
  'review.blocked': (_, review) => `blocked the launch (${review})`,
  'review.reopened': (_, review) => `reopened ${review}`,
  'review.decision_conflicted': (_, review) =>
    `decided on ${review}, but lost to a concurrent change`,
};

/** What an audit event records, e.g. `attested Capacity and load test` or `opened launch review #7`. */
export function describeEvent(
  event: ReadinessEvent,
  itemTitle: string | undefined,
): string {
  return WHAT[event.type](
    itemTitle ?? event.itemId ?? 'an item',
    `launch review #${event.reviewId}`,
  );
}
