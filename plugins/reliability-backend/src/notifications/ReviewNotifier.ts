import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import {
  NotificationRecipients,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import { NotificationPayload } from '@backstage/plugin-notifications-common';
import { Review } from '@reliability-suite/plugin-reliability-common';
import {
  entityLabel,
  entityTabPath,
  ownerRefs,
  recipientRefs,
} from './entityLinks';
import { NotificationSettings } from './notificationSettings';
import { TOPICS } from './sloNotices';

/** The people a review notification goes to, and what it says. */
export interface ReviewNotice {
  recipients: string[];
  payload: NotificationPayload;
}

/** "Launch review of checkout opened by user:default/alice: …", to the review's reviewers. */
export function reviewOpenedNotice(
  entity: Entity,
  review: Review,
  settings: NotificationSettings,
): ReviewNotice {
  const target = review.targetDate
    ? `, target launch ${review.targetDate}`
    : '';
  return {
    recipients: recipientRefs(review.reviewers),
    payload: {
      title: `Launch review of ${entityLabel(
        entity,
      )} opened: you are asked to review it`,
      description: `Opened by ${review.createdBy}${target}.`,
      link: entityTabPath(stringifyEntityRef(entity), 'readiness'),
      severity: settings.severity.reviewOpened,
      topic: TOPICS.review,
      scope: `reliability/review/${review.id}/opened`,
    },
  };
}

/** "Launch review of checkout approved by user:default/bob", to the entity's owner. */
export function reviewDecidedNotice(
  entity: Entity,
  review: Review,
  decision: 'approved' | 'blocked',
  actor: string,
  reason: string | undefined,
  settings: NotificationSettings,
): ReviewNotice {
  return {
    recipients: ownerRefs(entity),
    payload: {
      title: `Launch review of ${entityLabel(entity)} ${decision} by ${actor}`,
      description: reason?.trim()
        ? `${decision === 'blocked' ? 'Reason' : 'Comment'}: ${reason.trim()}`
        : `Decided on the review opened by ${review.createdBy}.`,
      link: entityTabPath(stringifyEntityRef(entity), 'readiness'),
      severity: settings.severity.reviewDecided,
      topic: TOPICS.review,
      scope: `reliability/review/${review.id}/decided`,
    },
  };
}

/**
 * Sends launch-review notifications after the review was written. A review is opened or decided
 * once (the store's write decides), so each is sent once; a notification that cannot be sent is
 * logged and never fails the request.
 */
export class ReviewNotifier {
  constructor(
    private readonly deps: {
      notifications: NotificationService;
      logger: LoggerService;
      settings: NotificationSettings;
    },
  ) {}

  get enabled(): boolean {
    return this.deps.settings.enabled && this.deps.settings.events.reviews;
  }

  async opened(entity: Entity, review: Review): Promise<void> {
    if (!this.enabled) return;
    const notice = reviewOpenedNotice(entity, review, this.deps.settings);
    await this.send(notice, review.createdBy);
  }

  async decided(
    entity: Entity,
    review: Review,
    decision: 'approved' | 'blocked',
    actor: string,
    reason?: string,
  ): Promise<void> {
    if (!this.enabled) return;
    const notice = reviewDecidedNotice(
      entity,
      review,
      decision,
      actor,
      reason,
      this.deps.settings,
    );
    await this.send(notice, actor);
  }

  private async send(notice: ReviewNotice, actor: string): Promise<void> {
    if (notice.recipients.length === 0) return;
    const recipients: NotificationRecipients = {
      type: 'entity',
      entityRef: notice.recipients,
      // Nobody is told about what they did themselves.
      excludeEntityRef: actor,
    };
    try {
      await this.deps.notifications.send({
        recipients,
        payload: notice.payload,
      });
    } catch (error) {
      this.deps.logger.warn(
        `Could not send the notification "${
          notice.payload.title
        }" to ${notice.recipients.join(', ')}: ${stringifyError(error)}`,
      );
    }
  }
}
