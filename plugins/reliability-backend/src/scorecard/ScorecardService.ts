import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ScorecardFilter,
  ScorecardPage,
  ScorecardRollup,
  ScorecardRollupDimension,
  ScorecardRow,
  ScorecardTrendPoint,
  TierDefinition,
  WeeklyReview,
} from '@reliability-suite/plugin-reliability-common';
import { DateTime } from 'luxon';
import { ReadinessStore } from '../store/ReadinessStore';
import {
  ScorecardQuery,
  ScorecardStore,
  Visibility,
} from '../store/ScorecardStore';
import { readableEntities } from '../service/readableEntities';
import { SCORECARD_EXPORT_HEADER, exportLine } from './scorecardCsv';
import { isoWeekBounds, weeklyReview } from './weeklyReview';

/**
 * The org scorecard, answered from the projected rows: no Prometheus call and no per-entity
 * catalog read. Entities the caller may not read are absent from rows, rollups, trends, exports
 * and the weekly review.
 */
export class ScorecardService {
  constructor(
    private readonly deps: {
      store: ScorecardStore;
      readiness: ReadinessStore;
      catalog: CatalogService;
      permissions: PermissionsService;
      /** The configured tiers, whose names the export writes. */
      tiers: ReadonlyArray<TierDefinition>;
      /** How often SLOs are evaluated: the weekly review judges its last snapshots' age by it. */
      evaluationIntervalMs: number;
    },
  ) {}

  /** A page of rows, each with its freshness now (`stale` filters on it). */
  async page(
    query: ScorecardQuery,
    credentials: BackstageCredentials,
    now = Date.now(),
  ): Promise<ScorecardPage> {
    return this.deps.store.page(query, await this.visibility(credentials), now);
  }

  async rows(
    query: Omit<ScorecardQuery, 'page' | 'pageSize'>,
    credentials: BackstageCredentials,
    now = Date.now(),
  ): Promise<ScorecardRow[]> {
    return this.deps.store.allRows(
      query,
      await this.visibility(credentials),
      now,
    );
  }

  /**
   * The export's CSV lines, header first, as stored by the projector, with the tiers' names and
   * the figures' freshness now.
   */
  async csvLines(
    query: Omit<ScorecardQuery, 'page' | 'pageSize'>,
    credentials: BackstageCredentials,
    now = Date.now(),
  ): Promise<string[]> {
    const names = new Map(this.deps.tiers.map(t => [t.level, t.name]));
    const lines = await this.deps.store.csvLines(
      query,
      await this.visibility(credentials),
      now,
    );
    return [
      SCORECARD_EXPORT_HEADER,
      ...lines.map(({ line, tier, ...added }) =>
        exportLine(line, {
          ...added,
          tierName: tier === undefined ? undefined : names.get(tier),
        }),
      ),
    ];
  }

  async rollups(
    by: ScorecardRollupDimension,
    filter: ScorecardFilter,
    credentials: BackstageCredentials,
    now = Date.now(),
  ): Promise<{
    by: ScorecardRollupDimension;
    groups: ScorecardRollup[];
    totals: ScorecardRollup;
  }> {
    return {
      by,
      ...(await this.deps.store.rollups(
        by,
        filter,
        await this.visibility(credentials),
        now,
      )),
    };
  }

  async trends(
    days: number,
    filter: Pick<ScorecardFilter, 'owners' | 'tiers'>,
    credentials: BackstageCredentials,
    now = Date.now(),
  ): Promise<ScorecardTrendPoint[]> {
    const fromDay = DateTime.fromMillis(now, { zone: 'utc' })
      .minus({ days: days - 1 })
      .toISODate()!;
    return this.deps.store.trends(
      fromDay,
      filter,
      await this.visibility(credentials),
    );
  }

  async weekly(
    week: string | undefined,
    credentials: BackstageCredentials,
    now = Date.now(),
  ): Promise<WeeklyReview> {
    const visibility = await this.visibility(credentials);
    const bounds = isoWeekBounds(week, now);
    const fromDay = DateTime.fromISO(bounds.start, { zone: 'utc' })
      .minus({ days: 7 })
      .toISODate()!;
    const [rows, snapshots, decisions] = await Promise.all([
      this.deps.store.allRows(
        { filter: {}, sort: 'name', order: 'asc' },
        visibility,
        now,
      ),
      this.deps.store.snapshots(fromDay, bounds.end, visibility),
      this.deps.readiness.decisionsBetween(bounds.startMs, bounds.endMs),
    ]);
    const visible = new Set(rows.map(row => row.entityRef));
    return weeklyReview(
      bounds,
      rows,
      snapshots,
      decisions.filter(d => visible.has(d.entityRef)),
      { now, evaluationIntervalMs: this.deps.evaluationIntervalMs },
    );
  }

  /** Which rows the caller may read (see readableEntities). */
  private visibility(credentials: BackstageCredentials): Promise<Visibility> {
    return readableEntities(this.deps, credentials);
  }
}
