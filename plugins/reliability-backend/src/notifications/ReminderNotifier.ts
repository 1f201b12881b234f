import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationPayload } from '@backstage/plugin-notifications-common';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  ReadinessItem,
  TierDefinition,
} from '@reliability-suite/plugin-reliability-common';
import { DefinitionsStore } from '../store/DefinitionsStore';
import {
  NotificationKey,
  NotificationStateStore,
  keyString,
} from '../store/NotificationStateStore';
import { ReadinessStore } from '../store/ReadinessStore';
import {
  NotifySummary,
  catalogEntities,
  claimAndSend,
  tally,
} from './claimAndSend';
import { entityLabel, entityTabPath, ownerRefs } from './entityLinks';
import { NotificationSettings } from './notificationSettings';
import { ReminderSubject, drTestNotice, expiryNotice } from './reminderNotices';
import {
  drTestStatus,
  expiringGrants,
  expiryState,
  grantSubject,
} from './reminderStates';

const DAY_MS = 86_400_000;
const DR_SUBJECT = 'dr';

interface Change {
  key: NotificationKey;
  from?: string;
  to: string;
  /** Undefined: recorded silently (a DR test first seen current). */
  notice?: (subject: ReminderSubject) => NotificationPayload;
  tab: 'reliability' | 'readiness';
}

/**
 * Reminders of what runs out, in the pipeline's notify stage: attestations and waivers expiring
 * within `expiringWithinDays` (once per attestation or waiver and expiry: a renewal is a new
 * one), and a DR test overdue for the entity's tier (once when it becomes overdue, once when a
 * newer test is recorded). To the entity's owner; claimed in the notification state before they
 * are sent, like the SLO notifications.
 */
export class ReminderNotifier {
  private readonly clock: () => number;

  constructor(
    private readonly deps: {
      readiness: Pick<ReadinessStore, 'itemEventsByEntity'>;
      definitions: Pick<DefinitionsStore, 'allSettings'>;
      state: NotificationStateStore;
      catalog: CatalogService;
      auth: AuthService;
      notifications: NotificationService;
      logger: LoggerService;
      settings: NotificationSettings;
      tiers: ReadonlyArray<TierDefinition>;
      checklist: ReadonlyArray<ReadinessItem>;
      clock?: () => number;
    },
  ) {
    this.clock = deps.clock ?? Date.now;
  }

  async notify(signal: AbortSignal): Promise<NotifySummary> {
    const summary = { sent: 0, failed: 0 };
    const { settings } = this.deps;
    if (!settings.enabled) return summary;
    const now = this.clock();
    const changes = [
      ...(settings.events.expiring ? await this.expiryChanges(now) : []),
      ...(settings.events.drTests ? await this.drTestChanges(now) : []),
    ];
    const entities = await catalogEntities(
      this.deps,
      changes.filter(c => c.notice).map(c => c.key.entityRef),
    );
    let firstFailure: string | undefined;
    for (const change of changes) {
      if (signal.aborted) break;
      const failure = tally(summary, await this.apply(change, entities, now));
      firstFailure ??= failure;
    }
    if (firstFailure) {
      this.deps.logger.warn(
        `Could not send ${summary.failed} reliability reminder(s); they are sent again at the next cycle. ${firstFailure}`,
      );
    }
    return summary;
  }

  /** Attestations and waivers of checklist items expiring soon, not yet announced for this expiry. */
  private async expiryChanges(now: number): Promise<Change[]> {
    const { deps } = this;
    const [events, stored] = await Promise.all([
      deps.readiness.itemEventsByEntity(),
      deps.state.all('expiry'),
    ]);
    const titles = new Map(deps.checklist.map(item => [item.id, item.title]));
    const changes: Change[] = [];
    for (const [entityRef, entityEvents] of events) {
      const withinMs = deps.settings.expiringWithinDays * DAY_MS;
      for (const grant of expiringGrants(entityEvents, now, withinMs)) {
        const title = titles.get(grant.itemId);
        if (title === undefined) continue;
        const key: NotificationKey = {
          entityRef,
          kind: 'expiry',
          subject: grantSubject(grant),
        };
        const to = expiryState(grant);
        const from = stored.get(keyString(key));
        if (from === to) continue;
        changes.push({
          key,
          from,
          to,
          tab: 'readiness',
          notice: subject =>
            expiryNotice(subject, grant, title, now, deps.settings),
        });
      }
    }
    return changes;
  }

  /** DR tests that became overdue for the tier, or were recorded again, since last notified. */
  private async drTestChanges(now: number): Promise<Change[]> {
    const { deps } = this;
    // The DR test dates and tiers only: not every SLO definition of the organisation.
    const [settingsByEntity, stored] = await Promise.all([
      deps.definitions.allSettings(),
      deps.state.all('drTest'),
    ]);
    const changes: Change[] = [];
    const watched = new Set<string>();
    for (const [entityRef, settings] of settingsByEntity) {
      const status = drTestStatus(settings, deps.tiers, now);
      if (!status) continue;
      const key: NotificationKey = {
        entityRef,
        kind: 'drTest',
        subject: DR_SUBJECT,
      };
      watched.add(keyString(key));
      const from = stored.get(keyString(key));
      if (from === status.state) continue;
      const tell = status.state === 'overdue' || from === 'overdue';
      changes.push({
        key,
        from,
        to: status.state,
        tab: 'reliability',
        notice: tell
          ? subject => drTestNotice(subject, status, deps.settings)
          : undefined,
      });
    }
    // No interval or no recorded test any more: the next overdue test is told afresh.
    await deps.state.forget(
      [...stored.keys()]
        .filter(key => !watched.has(key))
        .map(key => ({
          kind: 'drTest',
          entityRef: key.split(' ')[1],
          subject: DR_SUBJECT,
        })),
    );
    return changes;
  }

  private apply(change: Change, entities: Map<string, Entity>, now: number) {
    const { key } = change;
    const entity = entities.get(key.entityRef);
    const payload = entity
      ? change.notice?.({
          entityRef: key.entityRef,
          entityLabel: entityLabel(entity),
          link: entityTabPath(key.entityRef, change.tab),
        })
      : undefined;
    return claimAndSend(
      { ...this.deps, now },
      change,
      payload,
      entity ? ownerRefs(entity) : [],
    );
  }
}
