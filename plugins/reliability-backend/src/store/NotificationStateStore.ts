import { Knex } from 'knex';

/**
 * What is watched for notifications: an SLO's budget or its burn, an attestation's or waiver's
 * expiry, the entity's DR test.
 */
export type NotificationKind = 'budget' | 'burn' | 'expiry' | 'drTest';

/** One watched subject of an entity, for one kind of notification. */
export interface NotificationKey {
  entityRef: string;
  kind: NotificationKind;
  /**
   * The SLO name (budget, burn), `attestation <item id>` or `waiver <item id>` (expiry), `dr`
   * (drTest).
   */
  subject: string;
}

interface StateRow {
  entity_ref: string;
  kind: string;
  subject: string;
  state: string;
  changed_at: number | string;
}

/** The key as one string, e.g. for maps: `budget component:default/checkout availability`. */
export function keyString(key: NotificationKey): string {
  return `${key.kind} ${key.entityRef} ${key.subject}`;
}

/**
 * The only code that reads and writes the notification state: what was last notified per
 * entity, kind and SLO. A change is claimed before it is sent (compare and set), so of two
 * replicas or cycles only one sends it, and released when sending failed, so it is sent later.
 */
export class NotificationStateStore {
  constructor(private readonly db: Knex) {}

  /** Every stored state of a kind, by `keyString`. */
  async all(kind: NotificationKind): Promise<Map<string, string>> {
    const rows = await this.db<StateRow>('notification_state').where({ kind });
    return new Map(
      rows.map(row => [
        keyString({
          entityRef: row.entity_ref,
          kind: row.kind as NotificationKind,
          subject: row.subject,
        }),
        row.state,
      ]),
    );
  }

  /**
   * Moves a subject from state `from` (undefined: none stored) to `to`. False when the stored
   * state is no longer `from` (another replica or cycle claimed the change first).
   */
  async claim(
    key: NotificationKey,
    from: string | undefined,
    to: string,
    at: number,
  ): Promise<boolean> {
    if (from === undefined) {
      const inserted = await this.db<StateRow>('notification_state')
        .insert({
          entity_ref: key.entityRef,
          kind: key.kind,
          subject: key.subject,
          state: to,
          changed_at: at,
        })
        .onConflict(['entity_ref', 'kind', 'subject'])
        .ignore()
        .returning('state');
      return inserted.length === 1;
    }
    const updated = await this.db<StateRow>('notification_state')
      .where({
        entity_ref: key.entityRef,
        kind: key.kind,
        subject: key.subject,
        state: from,
      })
      .update({ state: to, changed_at: at });
    return updated === 1;
  }

  /** Undoes a claim whose notification could not be sent: the state is `from` again. */
  async release(
    key: NotificationKey,
    claimed: string,
    from: string | undefined,
  ): Promise<void> {
    const row = this.db<StateRow>('notification_state').where({
      entity_ref: key.entityRef,
      kind: key.kind,
      subject: key.subject,
      state: claimed,
    });
    if (from === undefined) await row.delete();
    else await row.update({ state: from });
  }

  /** Forgets subjects that are no longer watched (SLOs or entities removed). */
  async forget(keys: NotificationKey[]): Promise<number> {
    let removed = 0;
    for (const key of keys) {
      removed += await this.db<StateRow>('notification_state')
        .where({
          entity_ref: key.entityRef,
          kind: key.kind,
          subject: key.subject,
        })
        .delete();
    }
    return removed;
  }
}
