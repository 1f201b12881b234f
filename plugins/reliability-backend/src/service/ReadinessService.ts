import {
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityReadiness,
  ReadinessEvent,
  ReadinessItem,
  ReadinessSummary,
  Review,
  ReviewAction,
  nextReviewState,
  readinessAttestPermission,
  reviewCreatePermission,
  reviewDecidePermission,
  waiverApprovePermission,
} from '@reliability-suite/plugin-reliability-common';
import { Checklist, tierOf } from '../readiness/assessReadiness';
import { entityReadiness } from '../readiness/entityAssessment';
import { approvalConflict } from '../readiness/approvalConflict';
import { fourEyesConflict } from '../readiness/fourEyes';
import { ReviewNotifier } from '../notifications/ReviewNotifier';
import { AlertAuditStore } from '../store/AlertAuditStore';
import { ReadinessStore } from '../store/ReadinessStore';
import { ScorecardStore } from '../store/ScorecardStore';
import { mayDecide, reviewerRefs, targetDateProblem } from './reviewRules';
import { StatusStore } from '../store/StatusStore';
import { EntityAccess } from './EntityAccess';
import { ProfileService } from './ProfileService';

type UserCredentials = BackstageCredentials<{
  type: 'user';
  userEntityRef: string;
}>;

/** Production readiness and launch reviews. Every write is permission-checked and audited. */
export class ReadinessService {
  constructor(
    private readonly deps: {
      access: EntityAccess;
      catalog: CatalogService;
      profiles: ProfileService;
      statuses: StatusStore;
      store: ReadinessStore;
      checklist: Checklist;
      /** The four-eyes rule: the opener and attesters of a review may not approve it. */
      fourEyes: boolean;
      /** Tells reviewers of an opened review and owners of a decided one, after the write. */
      notifier?: Pick<ReviewNotifier, 'opened' | 'decided'>;
      /** The caller's groups (ownership refs), who may decide a review by naming. */
      userInfo: UserInfoService;
      /** Members of this group may decide any review, named or not (when configured so). */
      reviewersGroupDecides?: string;
      /** The scorecard row's review column, set as soon as a review changes. */
      scorecard?: Pick<ScorecardStore, 'setReviewState'>;
      /** The alert audit's results: the alerts item checks what is deployed. */
      alertAudits?: Pick<AlertAuditStore, 'ofEntity'>;
    },
  ) {}

  async readiness(
    entityRef: string,
    credentials: BackstageCredentials,
    now = Date.now(),
  ): Promise<EntityReadiness> {
    const entity = await this.deps.access.visibleEntity(entityRef, credentials);
    const ref = stringifyEntityRef(entity);
    const [review, events] = await Promise.all([
      this.deps.store.latestReview(ref),
      this.deps.store.events(ref),
    ]);
    const summary = await this.summary(entity, events, now);
    return {
      entityRef: ref,
      tierLevel: tierOf(entity),
      summary,
      review,
      events,
    };
  }

  /** The audit trail alone (for the JSON export): no checks are run. */
  async events(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<ReadinessEvent[]> {
    const entity = await this.deps.access.visibleEntity(entityRef, credentials);
    return this.deps.store.events(stringifyEntityRef(entity));
  }

  async attest(
    entityRef: string,
    request: {
      itemId: string;
      evidence: string[];
      comment?: string;
      expiresAt: number;
    },
    credentials: UserCredentials,
    now = Date.now(),
  ): Promise<EntityReadiness> {
    const ref = await this.writable(
      entityRef,
      readinessAttestPermission,
      credentials,
    );
    const item = this.item(request.itemId);
    if (item.kind !== 'manual')
      throw new InputError(
        `itemId "${item.id}" is checked automatically and cannot be attested`,
      );
    if (request.expiresAt <= now)
      throw new InputError('expiresAt must be in the future');
    await this.deps.store.appendEvent({
      entityRef: ref,
      type: 'item.attested',
      actor: credentials.principal.userEntityRef,
      at: now,
      itemId: item.id,
      data: {
        evidence: request.evidence,
        comment: request.comment,
        expiresAt: request.expiresAt,
      },
    });
    return this.readiness(ref, credentials, now);
  }

  async waive(
    entityRef: string,
    request: { itemId: string; reason: string; expiresAt: number },
    credentials: UserCredentials,
    now = Date.now(),
  ): Promise<EntityReadiness> {
    const ref = await this.writable(
      entityRef,
      waiverApprovePermission,
      credentials,
    );
    this.item(request.itemId);
    if (request.expiresAt <= now)
      throw new InputError('expiresAt must be in the future');
    await this.deps.store.appendEvent({
      entityRef: ref,
      type: 'item.waived',
      actor: credentials.principal.userEntityRef,
      at: now,
      itemId: request.itemId,
      data: { reason: request.reason, expiresAt: request.expiresAt },
    });
    return this.readiness(ref, credentials, now);
  }

  async openReview(
    entityRef: string,
    request: { targetDate?: string; reviewers: string[] },
    credentials: UserCredentials,
    now = Date.now(),
  ): Promise<EntityReadiness> {
    const ref = await this.writable(
      entityRef,
      reviewCreatePermission,
      credentials,
    );
    const pastTarget = targetDateProblem(request.targetDate, now);
    if (pastTarget) throw new InputError(pastTarget);
    const reviewers = await reviewerRefs(
      request.reviewers,
      this.deps.catalog,
      credentials,
    );
    const result = await this.deps.store.openReview({
      entityRef: ref,
      ...request,
      reviewers,
      createdBy: credentials.principal.userEntityRef,
      createdAt: now,
    });
    if ('open' in result) throw this.alreadyOpen(ref, result.open);
    const review = result.opened;
    await this.deps.scorecard?.setReviewState(ref, review.state);
    if (this.deps.notifier) {
      await this.deps.notifier.opened(
        await this.deps.access.visibleEntity(ref, credentials),
        review,
      );
    }
    return this.readiness(ref, credentials, now);
  }

  /**
   * Submits, approves, blocks, reopens or comments on a review. Approval needs every required
   * item passing or waived (409 naming the failing and the pending ones otherwise) and, under the
   * four-eyes rule, an approver who neither opened the review nor attested an item in force (409
   * with the reason).
   * Two concurrent decisions: one wins, the other is recorded as conflicted and answered 409 —
   * never a lost update.
   */
  async act(
    reviewId: number,
    request: { action: ReviewAction; text?: string },
    credentials: UserCredentials,
    now = Date.now(),
  ): Promise<EntityReadiness> {
    const review = await this.deps.store.review(reviewId);
    if (!review) throw new NotFoundError(`No review ${reviewId}`);
    const entity = await this.deps.access.visibleEntity(
      review.entityRef,
      credentials,
    );
    const decides = request.action === 'approve' || request.action === 'block';
    if (request.action === 'comment') {
      await this.anyOf(
        [reviewCreatePermission, reviewDecidePermission],
        review.entityRef,
        credentials,
      );
    } else {
      await this.deps.access.authorize(
        decides ? reviewDecidePermission : reviewCreatePermission,
        review.entityRef,
        credentials,
      );
    }
    if (
      (request.action === 'block' || request.action === 'comment') &&
      !request.text?.trim()
    ) {
      throw new InputError(
        request.action === 'block'
          ? 'text is required: the reason to block'
          : 'text is required: the comment',
      );
    }
    const actor = credentials.principal.userEntityRef;
    const base = { entityRef: review.entityRef, actor, at: now, reviewId };
    if (request.action === 'comment') {
      await this.deps.store.appendEvent({
        ...base,
        type: 'review.commented',
        data: { comment: request.text },
      });
      return this.readiness(review.entityRef, credentials, now);
    }
    const next = nextReviewState(review.state, request.action);
    if ('error' in next) throw new ConflictError(next.error);
    if (decides) {
      const refusal = mayDecide(
        review,
        actor,
        (await this.deps.userInfo.getUserInfo(credentials)).ownershipEntityRefs,
        this.deps.reviewersGroupDecides,
      );
      if (refusal) throw new NotAllowedError(refusal);
    }
    if (request.action === 'reopen') {
      const open = await this.deps.store.openReviewOf(review.entityRef);
      if (open && open.id !== review.id)
        throw this.alreadyOpen(review.entityRef, open);
    }
    if (request.action === 'approve') {
      const summary = await this.summary(
        entity,
        await this.deps.store.events(review.entityRef),
        now,
      );
      const conflict =
        this.deps.fourEyes && fourEyesConflict(review, summary, actor);
      if (conflict) throw new ConflictError(conflict);
      const notReady = approvalConflict(summary);
      if (notReady) throw new ConflictError(notReady);
    }
    const type = `review.${
      {
        submit: 'submitted',
        approve: 'approved',
        block: 'blocked',
        reopen: 'reopened',
      }[request.action]
    }` as ReadinessEvent['type'];
    const moved = await this.deps.store.transition(review, next.state, {
      ...base,
      type,
      data: { reason: request.text },
    });
    if (!moved) {
      const current = await this.deps.store.review(reviewId);
      await this.deps.store.appendEvent({
        ...base,
        type: 'review.decision_conflicted',
        data: {
          reason: `${request.action} lost to a concurrent change (review is now ${current?.state})`,
        },
      });
      throw new ConflictError(
        `the review changed meanwhile and is now ${current?.state?.replace(
          '_',
          ' ',
        )}`,
      );
    }
    await this.deps.scorecard?.setReviewState(review.entityRef, next.state);
    if (request.action === 'approve' || request.action === 'block') {
      await this.deps.notifier?.decided(
        entity,
        review,
        request.action === 'approve' ? 'approved' : 'blocked',
        actor,
        request.text,
      );
    }
    return this.readiness(review.entityRef, credentials, now);
  }

  private async summary(
    entity: Entity,
    events: ReadinessEvent[],
    now: number,
  ): Promise<ReadinessSummary> {
    const ref = stringifyEntityRef(entity);
    const [{ profile, related }, statuses, alertAudits] = await Promise.all([
      this.deps.profiles.resolve(entity),
      this.deps.statuses.forEntity(ref),
      this.deps.alertAudits?.ofEntity(ref),
    ]);
    return entityReadiness(profile, {
      entity,
      related,
      statuses: [...statuses.values()],
      alertAudits,
      events,
      checklist: this.deps.checklist,
      now,
    });
  }

  /** 409 naming the entity's open review, which is decided or withdrawn before another opens. */
  private alreadyOpen(entityRef: string, open: Review): ConflictError {
    return new ConflictError(
      `${entityRef} already has an open launch review: #${
        open.id
      } (${open.state.replace('_', ' ')}); decide it before opening another`,
    );
  }

  private item(itemId: string): ReadinessItem {
    const item = this.deps.checklist.items.find(i => i.id === itemId);
    if (!item) throw new InputError(`itemId "${itemId}" is no readiness item`);
    return item;
  }

  private async writable(
    entityRef: string,
    permission: Parameters<EntityAccess['authorize']>[0],
    credentials: BackstageCredentials,
  ): Promise<string> {
    const ref = stringifyEntityRef(
      await this.deps.access.visibleEntity(entityRef, credentials),
    );
    await this.deps.access.authorize(permission, ref, credentials);
    return ref;
  }

  private async anyOf(
    permissions: Array<Parameters<EntityAccess['authorize']>[0]>,
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    for (const permission of permissions) {
      try {
        await this.deps.access.authorize(permission, entityRef, credentials);
        return;
      } catch (error) {
        if (!(error instanceof NotAllowedError)) throw error;
      }
    }
    throw new NotAllowedError(
      `Not allowed: ${permissions.map(p => p.name).join(' or ')}`,
    );
  }
}
