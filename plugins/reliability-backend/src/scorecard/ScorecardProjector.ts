import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { DateTime } from 'luxon';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  PagingLinkTemplates,
  SloStatus,
  TierDefinition,
  declaresReliability,
} from '@reliability-suite/plugin-reliability-common';
import { Checklist } from '../readiness/assessReadiness';
import { DefinitionsStore } from '../store/DefinitionsStore';
import { ReadinessStore } from '../store/ReadinessStore';
import { ScorecardStore, SnapshotBasis } from '../store/ScorecardStore';
import { StatusStore } from '../store/StatusStore';
import { AlertAuditStore } from '../store/AlertAuditStore';
import { PROFILE_KINDS } from '../sync/DefinitionsSync';
import { ScorecardSources, scorecardRow } from './scorecardRow';
import { catalogPages } from '../catalog/catalogPages';

/** What the stored definitions rest on, for a snapshot's basis. */
export interface DefinitionsState {
  /** The catalog had finished its first processing of all locations. */
  catalogLoaded: boolean;
  /** The definitions had been read in full from the loaded catalog. */
  definitionsRead: boolean;
}

const COMPLETE: DefinitionsState = {
  catalogLoaded: true,
  definitionsRead: true,
};

function basisOf(
  rows: Array<{ row: { sloCount: number } }>,
  state: DefinitionsState,
  measured: SnapshotBasis['measured'],
  recordedAt: number,
): SnapshotBasis {
  return {
    entityCount: rows.length,
    sloCount: rows.reduce((sum, { row }) => sum + row.sloCount, 0),
    catalogLoaded: state.catalogLoaded,
    definitionsRead: state.definitionsRead,
    measured,
    recordedAt,
  };
}

/**
 * Maintains the scorecard: after each evaluation it reads the catalog once (paged), the stored
 * definitions, statuses and readiness events, and replaces every row in one transaction, with
 * the day's snapshot for trends. The scorecard API then answers from these rows alone.
 */
export class ScorecardProjector {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      /** Read once per cycle with the notifications (`SharedReads`). */
      definitions: Pick<DefinitionsStore, 'all'>;
      statuses: Pick<StatusStore, 'allWithoutHistory'>;
      readiness: ReadinessStore;
      scorecard: ScorecardStore;
      tiers: ReadonlyArray<TierDefinition>;
      paging: PagingLinkTemplates;
      checklist: Checklist;
      /** The alert audit's results, shown in rows and the readiness alerts item. */
      alertAudits?: Pick<AlertAuditStore, 'all'>;
    },
  ) {}

  /**
   * Replaces every row and today's snapshot, recording the snapshot's basis: the entity and SLO
   * counts and `state` (whether the catalog had finished loading and the definitions were read
   * from it). Stops before writing anything when `signal` aborts.
   */
  async projectAll(
    now = Date.now(),
    options: { state?: DefinitionsState; signal?: AbortSignal } = {},
  ): Promise<number> {
    const { state = COMPLETE, signal } = options;
    const [sources, statuses] = await Promise.all([
      this.sources(signal),
      this.deps.statuses.allWithoutHistory(),
    ]);
    const rows = this.rows({ ...sources, statuses }, now);
    signal?.throwIfAborted();
    await this.deps.scorecard.replaceAll(
      rows,
      utcDay(now),
      now,
      basisOf(rows, state, 'live', now),
    );
    await this.restoreReviewStates(rows);
    return rows.length;
  }

  /**
   * A review opened or decided while the rows were computed set its row at once
   * (`setReviewState`), and the rows just written carry the state read before it: sets again
   * every row whose review changed since. A change after this read sets its row itself.
   */
  private async restoreReviewStates(
    rows: ReadonlyArray<{ row: { entityRef: string; reviewState?: string } }>,
  ) {
    const reviews = await this.deps.readiness.latestReviews();
    for (const { row } of rows) {
      const current = reviews.get(row.entityRef)?.state;
      if (current !== row.reviewState)
        await this.deps.scorecard.setReviewState(row.entityRef, current);
    }
  }

  /**
   * Measures the days of the last `days` before today whose snapshot is missing or does not
   * stand (recorded from a catalog that had not finished loading, or before its definitions were
   * read, or before bases were recorded): each SLO measured at the end of that day (23:59 UTC) by
   * `statusesAt` (the evaluator, against the metric sources); catalog, definitions and readiness
   * as they are now. Nothing is measured unless `state` is complete: a day recorded now would not
   * stand either. An SLO that fails counts as without data that day; when every SLO fails (the
   * sources are down), filling stops until the next cycle. Stops between days when `signal`
   * aborts. Returns the days filled, oldest first.
   */
  async backfill(
    days: number,
    statusesAt: (at: number) => Promise<Map<string, SloStatus[]>>,
    now = Date.now(),
    options: { state: DefinitionsState; signal?: AbortSignal } = {
      state: COMPLETE,
    },
  ): Promise<string[]> {
    const { state, signal } = options;
    if (days <= 0) return [];
    const today = DateTime.fromMillis(now, { zone: 'utc' }).startOf('day');
    const wanted = Array.from(
      { length: days },
      (_, i) => today.minus({ days: days - i }).toISODate()!,
    );
    const standing = new Set(
      await this.deps.scorecard.completeSnapshotDays(wanted[0]),
    );
    const missing = wanted.filter(day => !standing.has(day));
    if (missing.length === 0) return [];
    if (!state.catalogLoaded || !state.definitionsRead) {
      this.deps.logger.info(
        `Scorecard history of ${missing.length} days not measured yet: the ${
          state.catalogLoaded ? 'definitions have' : 'catalog has'
        } not been read in full; measured at a later cycle`,
      );
      return [];
    }
    const sources = await this.sources(signal);
    const filled: string[] = [];
    for (const day of missing) {
      if (signal?.aborted) break;
      const endOfDay =
        DateTime.fromISO(day, { zone: 'utc' }).plus({ days: 1 }).toMillis() -
        60_000;
      const statuses = await statusesAt(endOfDay);
      const measured = [...statuses.values()].flat();
      const failed = measured.find(status => status.state === 'degraded');
      if (failed && measured.every(status => status.state === 'degraded')) {
        // No SLO could be measured: the metric sources are down. A day recorded now would say
        // "no data" for good; it is measured again at the next cycle instead.
        this.deps.logger.warn(
          `Scorecard history from ${day} not filled: no SLO could be measured (${failed.error}); retried at the next cycle`,
        );
        break;
      }
      const rows = this.rows({ ...sources, statuses }, endOfDay);
      await this.deps.scorecard.replaceSnapshot(
        rows,
        day,
        basisOf(rows, state, 'afterwards', now),
      );
      filled.push(day);
    }
    if (filled.length) {
      this.deps.logger.info(
        `Scorecard history filled for ${filled.length} days (${filled[0]} to ${
          filled[filled.length - 1]
        })`,
      );
    }
    return filled;
  }

  /** Everything a row is made of but the SLO statuses. */
  private async sources(
    signal?: AbortSignal,
  ): Promise<Omit<ScorecardSources, 'statuses'>> {
    const { deps } = this;
    const [entities, definitions, itemEvents, reviews, alertAudits] =
      await Promise.all([
        this.catalogEntities(signal),
        deps.definitions.all(),
        deps.readiness.itemEventsByEntity(),
        deps.readiness.latestReviews(),
        deps.alertAudits?.all(),
      ]);
    return {
      alertAudits,
      entities,
      definitions,
      itemEvents,
      reviews,
      tiers: deps.tiers,
      paging: deps.paging,
      checklist: deps.checklist,
    };
  }

  private rows(sources: ScorecardSources, now: number) {
    return [...sources.entities.values()]
      .filter(hasScorecardRow)
      .map(entity => scorecardRow(entity, sources, now));
  }

  /** Profile kinds and the groups that own them (on-call is inherited from the owner group). */
  private async catalogEntities(
    signal?: AbortSignal,
  ): Promise<Map<string, Entity>> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const entities = new Map<string, Entity>();
    for await (const page of catalogPages(
      this.deps.catalog,
      { kinds: [...PROFILE_KINDS, 'Group'], credentials },
      signal,
    )) {
      for (const entity of page)
        entities.set(stringifyEntityRef(entity), entity);
    }
    signal?.throwIfAborted();
    return entities;
  }
}

/**
 * Whether an entity is a row of the scorecard: the profile kinds, but a System only when it
 * declares a profile of its own (a tier, SLOs…). Otherwise a System is the group of its parts,
 * shown by the rollup by system and on its Reliability tab, not a row without data that the
 * coverage figures would count.
 */
export function hasScorecardRow(entity: Entity): boolean {
  if (!PROFILE_KINDS.includes(entity.kind)) return false;
  return entity.kind !== 'System' || declaresReliability(entity);
}

/** The UTC day of an instant, e.g. 2026-11-23. */
function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
