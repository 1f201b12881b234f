import { Knex } from 'knex';
import {
  SloFigures,
  SloStatus,
} from '@reliability-suite/plugin-reliability-common';

interface StatusRow {
  entity_ref: string;
  slo_name: string;
  /** The figures without their burn-down history (which older rows still hold here). */
  figures: string | null;
  /** The figures' burn-down history; null in rows written before it had a column. */
  history?: string | null;
  good_at: number | string | null;
  error: string | null;
  attempted_at: number | string;
}

/** The outcome of one SLO's evaluation: its figures, or why it could not be measured. */
export type StatusOutcome =
  | { entityRef: string; sloName: string; figures: SloFigures }
  | { entityRef: string; sloName: string; error: string; attemptedAt: number };

/** Rows per insert: 7 values a row stays under SQLite's 999 variables per statement. */
const ROWS_PER_STATEMENT = 100;

function successRow(
  entityRef: string,
  sloName: string,
  figures: SloFigures,
): StatusRow {
  const { history, ...withoutHistory } = figures;
  return {
    entity_ref: entityRef,
    slo_name: sloName,
    figures: JSON.stringify(withoutHistory),
    history: JSON.stringify(history),
    good_at: figures.measuredAt,
    error: null,
    attempted_at: figures.measuredAt,
  };
}

function failureRow(
  entityRef: string,
  sloName: string,
  error: string,
  attemptedAt: number,
): StatusRow {
  return {
    entity_ref: entityRef,
    slo_name: sloName,
    figures: null,
    good_at: null,
    error,
    attempted_at: attemptedAt,
  };
}

/** The only code that reads and writes SLO evaluation results. */
export class StatusStore {
  constructor(private readonly db: Knex) {}

  /** Stores a successful evaluation: new figures replace the old ones. */
  async saveSuccess(
    entityRef: string,
    sloName: string,
    figures: SloFigures,
  ): Promise<void> {
    await this.saveMany([{ entityRef, sloName, figures }]);
  }

  /**
   * Stores the outcomes of SLOs measured together (a wave) in a few statements instead of one
   * per SLO: successes replace the figures, failures change only the error and time.
   */
  async saveMany(outcomes: StatusOutcome[]): Promise<void> {
    const successes = outcomes.flatMap(o =>
      'figures' in o ? [successRow(o.entityRef, o.sloName, o.figures)] : [],
    );
    const failures = outcomes.flatMap(o =>
      'error' in o
        ? [failureRow(o.entityRef, o.sloName, o.error, o.attemptedAt)]
        : [],
    );
    for (let from = 0; from < successes.length; from += ROWS_PER_STATEMENT)
      await this.db<StatusRow>('slo_status')
        .insert(successes.slice(from, from + ROWS_PER_STATEMENT))
        .onConflict(['entity_ref', 'slo_name'])
        .merge();
    for (let from = 0; from < failures.length; from += ROWS_PER_STATEMENT)
      await this.db<StatusRow>('slo_status')
        .insert(failures.slice(from, from + ROWS_PER_STATEMENT))
        .onConflict(['entity_ref', 'slo_name'])
        .merge(['error', 'attempted_at']);
  }

  /** Stores a failed evaluation: only the error and time change; the last good figures stay. */
  async saveFailure(
    entityRef: string,
    sloName: string,
    error: string,
    attemptedAt: number,
  ): Promise<void> {
    await this.saveMany([{ entityRef, sloName, error, attemptedAt }]);
  }

  /** Statuses of an entity's SLOs by name. */
  async forEntity(entityRef: string): Promise<Map<string, SloStatus>> {
    const rows = await this.db<StatusRow>('slo_status').where({
      entity_ref: entityRef,
    });
    return new Map(rows.map(row => [row.slo_name, toStatus(row)]));
  }

  /**
   * Every stored status by entity, for the scorecard projector: without the burn-down history,
   * which the projector does not use and which would keep every SLO's chart points in memory.
   */
  async allWithoutHistory(): Promise<Map<string, SloStatus[]>> {
    const byEntity = new Map<string, SloStatus[]>();
    const rows = await this.db<StatusRow>('slo_status').select(
      'entity_ref',
      'slo_name',
      'figures',
      'good_at',
      'error',
      'attempted_at',
    );
    for (const row of rows) {
      const statuses = byEntity.get(row.entity_ref) ?? [];
      const status = toStatus(row);
      if (status.figures) status.figures.history = [];
      statuses.push(status);
      byEntity.set(row.entity_ref, statuses);
    }
    return byEntity;
  }

  /**
   * Removes the statuses of SLOs that are no longer defined (removed from their entity, or their
   * entity gone from the store). Returns how many were removed.
   */
  async removeUndefined(): Promise<number> {
    return this.db('slo_status')
      .whereNotExists(
        this.db('slo_definitions')
          .select(this.db.raw('1'))
          .whereRaw('slo_definitions.entity_ref = slo_status.entity_ref')
          .andWhereRaw('slo_definitions.slo_name = slo_status.slo_name'),
      )
      .delete();
  }

  /** Removes statuses of SLOs that no longer exist in an entity. */
  async keepOnly(entityRef: string, sloNames: string[]): Promise<void> {
    await this.db('slo_status')
      .where({ entity_ref: entityRef })
      .whereNotIn('slo_name', sloNames)
      .delete();
  }
}

function toStatus(row: StatusRow): SloStatus {
  return {
    sloName: row.slo_name,
    state: row.error ? 'degraded' : 'ok',
    figures: row.figures ? withHistory(row) : undefined,
    error: row.error ?? undefined,
    attemptedAt: Number(row.attempted_at),
    goodAt: row.good_at === null ? undefined : Number(row.good_at),
  };
}

/** A row's figures with their history, from its column (or, in older rows, from the figures). */
function withHistory(row: StatusRow): SloFigures {
  const figures = JSON.parse(row.figures!);
  if (row.history) figures.history = JSON.parse(row.history);
  else figures.history ??= [];
  return figures;
}
