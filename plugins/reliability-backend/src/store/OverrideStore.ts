import { Knex } from 'knex';

/** An emergency override of the deploy gate. */
export interface DeployOverride {
  id: number;
  entityRef: string;
  reason: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
}

/** Deploy-gate overrides: inserted, never updated or deleted. */
export class OverrideStore {
  constructor(private readonly db: Knex) {}

  async add(override: Omit<DeployOverride, 'id'>): Promise<DeployOverride> {
    const [row] = await this.db('deploy_overrides')
      .insert({
        entity_ref: override.entityRef,
        reason: override.reason,
        created_by: override.createdBy,
        created_at: override.createdAt,
        expires_at: override.expiresAt,
      })
      .returning('id');
    return { ...override, id: typeof row === 'object' ? row.id : row };
  }

  /** The entity's overrides, newest first (at most `limit`). */
  async forEntity(entityRef: string, limit: number): Promise<DeployOverride[]> {
    const rows = await this.db('deploy_overrides')
      .where({ entity_ref: entityRef })
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    return rows.map(toOverride);
  }

  /** The override in force at `now` that expires last, if any. */
  async active(
    entityRef: string,
    now: number,
  ): Promise<DeployOverride | undefined> {
    const row = await this.db('deploy_overrides')
      .where({ entity_ref: entityRef })
      .where('expires_at', '>', now)
      .where('created_at', '<=', now)
      .orderBy('expires_at', 'desc')
      .first();
    return row ? toOverride(row) : undefined;
  }
}

function toOverride(row: {
  id: number;
  entity_ref: string;
  reason: string;
  created_by: string;
  created_at: number | string;
  expires_at: number | string;
}): DeployOverride {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
  };
}
