import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationPayload } from '@backstage/plugin-notifications-common';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  EntityReliabilitySettings,
  ErrorBudgetPolicy,
  SloStatus,
} from '@reliability-suite/plugin-reliability-common';
import { DefinitionsStore } from '../store/DefinitionsStore';
import {
  NotificationKey,
  NotificationKind,
  NotificationStateStore,
  keyString,
} from '../store/NotificationStateStore';
import { StatusStore } from '../store/StatusStore';
import {
  NotifySummary,
  SendOutcome,
  catalogEntities,
  claimAndSend,
  tally,
} from './claimAndSend';
import { entityLabel, entityTabPath, ownerRefs } from './entityLinks';
import { NotificationSettings } from './notificationSettings';
import { SloSubject, budgetNotice, burnNotice } from './sloNotices';
import {
  BASELINE_BUDGET,
  budgetState,
  budgetStateString,
  burnState,
  parseBudgetState,
} from './sloStates';

export type { NotifySummary };

/** A state change of one SLO: stored (claimed) before its notification, if any, is sent. */
interface Change {
  key: NotificationKey;
  from?: string;
  to: string;
  /** Undefined: recorded silently (an SLO first seen in a fine state). */
  notice?: (subject: SloSubject) => NotificationPayload | undefined;
}

/**
 * The pipeline's notify stage: compares each SLO's stored figures with the state last notified
 * (per entity and SLO, in the plugin's store) and tells the entity's owner about each change,
 * once: a budget crossing the policy's warning or critical level or running out, a policy state
 * change, a fast burn starting, and each recovery. Nothing repeats while a state holds. A
 * change is claimed in the store before it is sent, so of two replicas only one sends it, and
 * released when sending failed, so the next cycle tries again.
 */
export class SloNotifier {
  private readonly clock: () => number;

  constructor(
    private readonly deps: {
      statuses: Pick<StatusStore, 'allWithoutHistory'>;
      definitions: Pick<DefinitionsStore, 'all'>;
      state: NotificationStateStore;
      catalog: CatalogService;
      auth: AuthService;
      notifications: NotificationService;
      logger: LoggerService;
      settings: NotificationSettings;
      policyFor: (settings: EntityReliabilitySettings) => ErrorBudgetPolicy;
      clock?: () => number;
    },
  ) {
    this.clock = deps.clock ?? Date.now;
  }

  private kinds(): NotificationKind[] {
    const { settings } = this.deps;
    if (!settings.enabled) return [];
    return [
      ...(settings.events.budget ? (['budget'] as const) : []),
      ...(settings.events.fastBurn ? (['burn'] as const) : []),
    ];
  }

  async notify(signal: AbortSignal): Promise<NotifySummary> {
    const summary = { sent: 0, failed: 0 };
    const kinds = this.kinds();
    if (kinds.length === 0) return summary;
    const { deps } = this;
    const [statuses, definitions, ...kindStates] = await Promise.all([
      deps.statuses.allWithoutHistory(),
      deps.definitions.all(),
      ...kinds.map(kind => deps.state.all(kind)),
    ]);
    const states = new Map(kinds.map((kind, i) => [kind, kindStates[i]]));
    const changes: Change[] = [];
    const watched = new Set<string>();
    for (const [entityRef, slos] of statuses) {
      const stored = definitions.get(entityRef);
      const policy = deps.policyFor(
        stored?.settings ?? { sloFilePatterns: [] },
      );
      for (const status of slos) {
        const sloLabel =
          stored?.slos.find(slo => slo.name === status.sloName)?.displayName ??
          status.sloName;
        for (const kind of kinds) {
          const key = { entityRef, kind, subject: status.sloName };
          watched.add(keyString(key));
          const change = this.change(
            key,
            states.get(kind)!.get(keyString(key)),
            status,
            policy,
            sloLabel,
          );
          if (change) changes.push(change);
        }
      }
    }
    await deps.state.forget(
      kinds.flatMap(kind =>
        [...states.get(kind)!.keys()]
          .filter(key => !watched.has(key))
          .map(key => {
            const [, entityRef, ...subject] = key.split(' ');
            return { kind, entityRef, subject: subject.join(' ') };
          }),
      ),
    );
    const entities = await catalogEntities(
      deps,
      changes.filter(c => c.notice).map(c => c.key.entityRef),
    );
    let firstFailure: string | undefined;
    for (const change of changes) {
      if (signal.aborted) break;
      const failure = tally(summary, await this.apply(change, entities));
      firstFailure ??= failure;
    }
    if (firstFailure) {
      deps.logger.warn(
        `Could not send ${summary.failed} reliability notification(s); they are sent again at the next cycle. ${firstFailure}`,
      );
    }
    return summary;
  }

  /** The change of one SLO's state of a kind since it was last notified, if any. */
  private change(
    key: NotificationKey,
    from: string | undefined,
    status: SloStatus,
    policy: ErrorBudgetPolicy,
    sloLabel: string,
  ): Change | undefined {
    const { figures } = status;
    const { settings } = this.deps;
    if (key.kind === 'budget') {
      const next = budgetState(figures, policy);
      if (!next || budgetStateString(next) === from) return undefined;
      const previous =
        from === undefined ? BASELINE_BUDGET : parseBudgetState(from);
      return {
        key,
        from,
        to: budgetStateString(next),
        notice: subject =>
          budgetNotice(
            { ...subject, sloLabel },
            previous,
            next,
            figures!,
            policy,
            settings,
          ),
      };
    }
    const next = burnState(figures);
    if (!next || next === from) return undefined;
    const previous = from === 'fast' ? 'fast' : 'calm';
    return {
      key,
      from,
      to: next,
      notice: subject =>
        burnNotice(
          { ...subject, sloLabel },
          previous,
          next,
          figures!,
          settings,
        ),
    };
  }

  /** Claims a change and sends its notification; undefined when there was nothing to send. */
  private async apply(
    change: Change,
    entities: Map<string, Entity>,
  ): Promise<SendOutcome> {
    const { key } = change;
    const entity = entities.get(key.entityRef);
    const payload = entity
      ? change.notice?.({
          entityRef: key.entityRef,
          entityLabel: entityLabel(entity),
          sloLabel: key.subject,
          sloName: key.subject,
          link: entityTabPath(key.entityRef, 'reliability'),
        })
      : undefined;
    return claimAndSend(
      { ...this.deps, now: this.clock() },
      change,
      payload,
      entity ? ownerRefs(entity) : [],
    );
  }
}
