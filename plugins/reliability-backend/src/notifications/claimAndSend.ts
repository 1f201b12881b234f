import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationPayload } from '@backstage/plugin-notifications-common';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  NotificationKey,
  NotificationStateStore,
} from '../store/NotificationStateStore';

/** What one notify stage did, for the cycle's log line. */
export interface NotifySummary {
  sent: number;
  failed: number;
}

/** The outcome of one change: sent, failed (released for the next cycle), or nothing to send. */
export type SendOutcome = 'sent' | { failed: string } | undefined;

/**
 * Claims a state change (`from` → `to`) and sends its notification to the owners: of two
 * replicas or cycles only the one that claimed it sends it. Without a payload or owners the
 * change is recorded silently. A failed send releases the claim, so the next cycle tries again.
 */
export async function claimAndSend(
  deps: {
    state: NotificationStateStore;
    notifications: NotificationService;
    now: number;
  },
  change: { key: NotificationKey; from?: string; to: string },
  payload: NotificationPayload | undefined,
  owners: string[],
): Promise<SendOutcome> {
  const { key } = change;
  if (!(await deps.state.claim(key, change.from, change.to, deps.now)))
    return undefined;
  if (!payload || owners.length === 0) return undefined;
  try {
    await deps.notifications.send({
      recipients: { type: 'entity', entityRef: owners },
      payload,
    });
    return 'sent';
  } catch (error) {
    await deps.state.release(key, change.to, change.from);
    return {
      failed: `"${payload.title}" to ${owners.join(', ')}: ${stringifyError(
        error,
      )}`,
    };
  }
}

/** Counts outcomes into the summary; returns the first failure's text, for the log. */
export function tally(
  summary: NotifySummary,
  outcome: SendOutcome,
): string | undefined {
  if (outcome === 'sent') summary.sent++;
  else if (outcome !== undefined) {
    summary.failed++;
    return outcome.failed;
  }
  return undefined;
}

/** The catalog entities of these refs (owner and title), read with the plugin's own credentials. */
export async function catalogEntities(
  deps: { catalog: CatalogService; auth: AuthService },
  refs: string[],
): Promise<Map<string, Entity>> {
  const unique = [...new Set(refs)];
  if (unique.length === 0) return new Map();
  const { items } = await deps.catalog.getEntitiesByRefs(
    { entityRefs: unique },
    { credentials: await deps.auth.getOwnServiceCredentials() },
  );
  const byRef = new Map<string, Entity>();
  for (const entity of items) {
    if (entity) byRef.set(stringifyEntityRef(entity), entity);
  }
  return byRef;
}
