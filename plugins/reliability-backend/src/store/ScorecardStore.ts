import { Knex } from 'knex';
import {
  BudgetStatus,
  DEFAULT_TIERS,
  Freshness,
  PolicyState,
  ReviewState,
  ScorecardFilter,
  ScorecardPage,
  ScorecardRollup,
  ScorecardRollupDimension,
  ScorecardRow,
  ScorecardSortField,
  ScorecardTrendPoint,
  criticalTierLevels,
  freshness,
  isService,
  staleAfterMs,
} from '@reliability-suite/plugin-reliability-common';
import { ExportAdded, scorecardCsvLine } from '../scorecard/scorecardCsv';

/** Which entities the caller may see: all of them, or only these refs. */
export type Visibility = { all: true } | { refs: string[] };

/** A page request: filters, sort and the page (1-based). */
export interface ScorecardQuery {
  filter: ScorecardFilter;
  sort: ScorecardSortField;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** One entity's snapshot of a day, as the weekly review reads it. */
export interface DailySnapshot {
  day: string;
  entityRef: string;
  budgetStatus: BudgetStatus;
  policyState: PolicyState;
  budgetRemaining?: number;
  attainment?: number;
  breachedSlos: number;
  /** Why its figures were stale when the snapshot was projected; undefined when they were current. */
  staleBecause?: 'degraded' | 'old';
  /** When its least recently measured figures were measured, epoch ms. */
  measuredAt?: number;
}

/** The default `evaluation.intervalMinutes`, 5, in ms. */
const DEFAULT_EVALUATION_INTERVAL_MS = 5 * 60_000;

const SORT_COLUMNS: Record<ScorecardSortField, string> = {
  name: 'name',
  tier: 'tier',
  owner: 'owner',
  sloCount: 'slo_count',
  attainment: 'attainment',
  budgetRemaining: 'budget_remaining',
  maxBurnRate: 'max_burn_rate',
  readinessScore: 'readiness_score',
};

const ROLLUP_COLUMNS: Record<ScorecardRollupDimension, string> = {
  owner: 'owner',
  system: 'system',
  domain: 'domain',
  tier: 'tier',
};

/** What a day's snapshot was computed from (`scorecard_snapshot_basis`). */
export interface SnapshotBasis {
  /** Entities in the snapshot. */
  entityCount: number;
  /** SLOs of those entities. */
  sloCount: number;
  /** The catalog had finished its first processing of all locations. */
  catalogLoaded: boolean;
  /** The definitions had been read in full from the loaded catalog. */
  definitionsRead: boolean;
  /** `live`: projected that day; `afterwards`: measured later by the backfill. */
  measured: 'live' | 'afterwards';
  /** Epoch ms. */
  recordedAt: number;
}

/** Whether a snapshot's basis lets it stand: the catalog was loaded and the definitions read. */
export const completeBasis = (basis: SnapshotBasis) =>
  basis.catalogLoaded && basis.definitionsRead;

function toBasisRow(day: string, basis: SnapshotBasis) {
  return {
    day,
    entity_count: basis.entityCount,
    slo_count: basis.sloCount,
    catalog_loaded: basis.catalogLoaded,
    definitions_read: basis.definitionsRead,
    measured: basis.measured,
    recorded_at: basis.recordedAt,
  };
}

/** Batch size of inserts: well under SQLite's limit of bound variables per statement. */
const BATCH = 200;

function toDbRow(row: ScorecardRow) {
  return {
    entity_ref: row.entityRef,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    title: row.title ?? null,
    spec_type: row.type ?? null,
    tier: row.tier ?? null,
    owner: row.owner ?? null,
    system: row.system ?? null,
    domain: row.domain ?? null,
    lifecycle: row.lifecycle ?? null,
    on_call: row.onCall ?? null,
    runbook_count: row.runbookCount,
    slo_count: row.sloCount,
    slos_meeting_target: row.slosMeetingTarget,
    slos_measured: row.slosMeasured,
    attainment: row.attainment ?? null,
    budget_remaining: row.budgetRemaining ?? null,
    max_burn_rate: row.maxBurnRate ?? null,
    budget_status: row.budgetStatus,
    policy_state: row.policyState,
    readiness_score: row.readinessScore ?? null,
    review_state: row.reviewState ?? null,
    missing: `,${row.missing.join(',')},`,
    search_text: [row.name, row.title, row.owner]
      .filter(Boolean)
      .join(' ')
      .toLocaleLowerCase('en-US'),
    updated_at: row.updatedAt,
    csv_line: scorecardCsvLine(row),
    measured_at: row.measuredAt ?? null,
    degraded: row.degraded,
    alerts_not_deployed: row.alertsNotDeployed ?? null,
  };
}

const optionalNumber = (value: unknown) =>
  value === null || value === undefined ? undefined : Number(value);

/** A stored row's freshness at `now` (figures older than two `intervalMs` are stale). */
function freshnessOf(
  row: Record<string, any>,
  now: number,
  intervalMs: number,
): Freshness {
  return freshness(
    optionalNumber(row.measured_at),
    Boolean(row.degraded),
    now,
    intervalMs,
  );
}

/** A stored row, its freshness judged at `now`. */
function fromDbRow(
  row: Record<string, any>,
  now: number,
  intervalMs: number,
): ScorecardRow {
  return {
    entityRef: row.entity_ref,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    title: row.title ?? undefined,
    type: row.spec_type ?? undefined,
    tier: optionalNumber(row.tier),
    owner: row.owner ?? undefined,
    system: row.system ?? undefined,
    domain: row.domain ?? undefined,
    lifecycle: row.lifecycle ?? undefined,
    onCall: row.on_call ?? undefined,
    runbookCount: Number(row.runbook_count),
    sloCount: Number(row.slo_count),
    slosMeetingTarget: Number(row.slos_meeting_target),
    slosMeasured: Number(row.slos_measured),
    attainment: optionalNumber(row.attainment),
    budgetRemaining: optionalNumber(row.budget_remaining),
    maxBurnRate: optionalNumber(row.max_burn_rate),
    budgetStatus: row.budget_status,
    policyState: row.policy_state,
    readinessScore: optionalNumber(row.readiness_score),
    reviewState: row.review_state ?? undefined,
    missing: row.missing.split(',').filter(Boolean),
    updatedAt: Number(row.updated_at),
    measuredAt: optionalNumber(row.measured_at),
    degraded: Boolean(row.degraded),
    freshness: freshnessOf(row, now, intervalMs),
    ...(row.alerts_not_deployed === null ||
    row.alerts_not_deployed === undefined
      ? {}
      : { alertsNotDeployed: Number(row.alerts_not_deployed) }),
  };
}

/** A day's snapshot of a row, its freshness judged when it was projected (`updatedAt`). */
function toDailyRow(
  row: ScorecardRow,
  day: string,
  breachedSlos: number,
  intervalMs: number,
) {
  const { staleBecause } = freshness(
    row.measuredAt,
    row.degraded,
    row.updatedAt,
    intervalMs,
  );
  return {
    day,
    entity_ref: row.entityRef,
    tier: row.tier ?? null,
    owner: row.owner ?? null,
    has_slos: row.sloCount > 0,
    has_on_call: row.onCall !== undefined,
    has_runbooks: row.runbookCount > 0,
    is_service: isService(row),
    slos_measured: row.slosMeasured,
    attainment: row.attainment ?? null,
    budget_remaining: row.budgetRemaining ?? null,
    budget_status: row.budgetStatus,
    policy_state: row.policyState,
    readiness_score: row.readinessScore ?? null,
    breached_slos: breachedSlos,
    measured_at: row.measuredAt ?? null,
    stale_because: staleBecause ?? null,
  };
}

/**
 * SQL true for the rows whose figures are stale at `now`, as `freshness` judges them: a failed
 * evaluation, or figures older than `staleAfterMs` of the interval. Never null.
 */
function staleCondition(now: number, intervalMs: number) {
  return {
    sql: '(degraded = true or (measured_at is not null and measured_at < ?))',
    bindings: [now - staleAfterMs(intervalMs)],
  };
}

/** The sort column, rows without a value last in either direction (same on SQLite and PostgreSQL). */
function nullsLast(query: Pick<ScorecardQuery, 'sort' | 'order'>): string {
  const column = SORT_COLUMNS[query.sort];
  return `${column} is null, ${column} ${query.order}`;
}

/** `ESCAPE`d LIKE pattern for a search text. */
function containsPattern(text: string): string {
  return `%${text
    .toLocaleLowerCase('en-US')
    .replace(/[\\%_]/g, c => `\\${c}`)}%`;
}

/** What the rollups are computed from; the rows and the daily snapshots store it differently. */
interface RollupSource {
  /** Boolean-like conditions. */
  slos: string;
  onCall: string;
  runbooks: string;
  /** A service (`isService`). */
  service: string;
  stale: { sql: string; bindings: number[] };
  /** Numbers: SLOs meeting target and measured (`slosMeetingTarget`). */
  slosMeetingTarget: string;
  slosMeasured: string;
}

/** The scorecard's rows: `isService` in SQL, on the kind and `spec.type` as the projector stored them. */
const ROWS_SOURCE: Omit<RollupSource, 'stale'> = {
  slos: 'slo_count > 0',
  onCall: 'on_call is not null',
  runbooks: 'runbook_count > 0',
  service: "lower(kind) = 'component' and lower(spec_type) = 'service'",
  slosMeetingTarget: 'slos_meeting_target',
  slosMeasured: 'slos_measured',
};

/** The daily snapshots: SLOs meeting target are the measured ones not breached. */
const SNAPSHOTS_SOURCE: RollupSource = {
  slos: 'has_slos = true',
  onCall: 'has_on_call = true',
  runbooks: 'has_runbooks = true',
  service: 'is_service = true',
  stale: { sql: 'stale_because is not null', bindings: [] },
  slosMeetingTarget: 'slos_measured - breached_slos',
  slosMeasured: 'slos_measured',
};

/** Coverage and health aggregates over a set of rows, in SQL. */
function rollupColumns(
  db: Knex,
  has: RollupSource,
  criticalTiers: ReadonlyArray<number>,
) {
  const count = (condition: string) =>
    `sum(case when ${condition} then 1 else 0 end)`;
  const critical = criticalCondition(criticalTiers);
  const service = `(${has.service})`;
  return [
    db.raw('count(*) as entities'),
    db.raw(`${count(has.slos)} as with_slos`),
    db.raw(`${count(critical)} as critical`),
    db.raw(`${count(`${critical} and ${has.slos}`)} as critical_with_slos`),
    db.raw(
      `${count(`${critical} and ${has.onCall}`)} as critical_with_on_call`,
    ),
    db.raw(`${count(has.onCall)} as with_on_call`),
    db.raw(`${count(has.runbooks)} as with_runbooks`),
    db.raw(`${count("budget_status = 'out_of_budget'")} as out_of_budget`),
    db.raw(`${count("budget_status = 'burning_fast'")} as burning_fast`),
    db.raw(`${count("budget_status = 'burning_slow'")} as burning_slow`),
    db.raw(`${count("budget_status = 'on_track'")} as on_track`),
    db.raw(`${count("budget_status = 'no_data'")} as no_data`),
    db.raw(`${count(has.stale.sql)} as stale`, has.stale.bindings),
    db.raw(`${count(service)} as services`),
    db.raw(`${count(`${service} and ${has.slos}`)} as services_with_slos`),
    db.raw(`${count(`${service} and ${has.onCall}`)} as services_with_on_call`),
    db.raw(
      `${count(`${service} and ${has.runbooks}`)} as services_with_runbooks`,
    ),
    db.raw(`${count(`${service} and ${critical}`)} as critical_services`),
    db.raw(
      `${count(
        `${service} and ${critical} and ${has.slos}`,
      )} as critical_services_with_slos`,
    ),
    db.raw(
      `${count(
        `${service} and ${critical} and ${has.onCall}`,
      )} as critical_services_with_on_call`,
    ),
    db.raw(`sum(${has.slosMeetingTarget}) as slos_meeting_target`),
    db.raw(`sum(${has.slosMeasured}) as slos_measured`),
    db.raw('min(budget_remaining) as budget_remaining'),
    db.raw('avg(readiness_score) as readiness_score'),
  ];
}

/** `tier in (0, 1)`: the critical tiers' rows (levels are whole numbers, checked here). */
function criticalCondition(levels: ReadonlyArray<number>): string {
  if (!levels.every(level => Number.isInteger(level) && level >= 0))
    throw new Error(`critical tier levels must be whole numbers: ${levels}`);
  return levels.length ? `tier in (${levels.join(', ')})` : '1 = 0';
}

function fromRollupRow(row: Record<string, any>): Omit<ScorecardRollup, 'key'> {
  return {
    entities: Number(row.entities),
    withSlos: Number(row.with_slos),
    critical: Number(row.critical),
    criticalWithSlos: Number(row.critical_with_slos),
    criticalWithOnCall: Number(row.critical_with_on_call),
    withOnCall: Number(row.with_on_call),
    withRunbooks: Number(row.with_runbooks),
    outOfBudget: Number(row.out_of_budget),
    burningFast: Number(row.burning_fast),
    burningSlow: Number(row.burning_slow),
    onTrack: Number(row.on_track),
    noData: Number(row.no_data),
    stale: Number(row.stale),
    services: {
      total: Number(row.services),
      withSlos: Number(row.services_with_slos),
      withOnCall: Number(row.services_with_on_call),
      withRunbooks: Number(row.services_with_runbooks),
      critical: Number(row.critical_services),
      criticalWithSlos: Number(row.critical_services_with_slos),
      criticalWithOnCall: Number(row.critical_services_with_on_call),
    },
    // Null sums: no rows, or snapshots from before the counts were recorded.
    slosMeetingTarget: Number(row.slos_meeting_target ?? 0),
    slosMeasured: Number(row.slos_measured ?? 0),
    attainment:
      Number(row.slos_measured ?? 0) > 0
        ? Number(row.slos_meeting_target) / Number(row.slos_measured)
        : undefined,
    budgetRemaining: optionalNumber(row.budget_remaining),
    readinessScore: optionalNumber(row.readiness_score),
  };
}

async function saveBasis(
  tx: Knex.Transaction,
  day: string,
  basis: SnapshotBasis,
) {
  await tx('scorecard_snapshot_basis')
    .insert(toBasisRow(day, basis))
    .onConflict('day')
    .merge();
}

/** The only code that reads and writes the scorecard tables. */
export class ScorecardStore {
  private readonly criticalTiers: ReadonlyArray<number>;
  private readonly evaluationIntervalMs: number;

  /**
   * `criticalTiers`: the levels the critical figures count (default: the default tiers' 0, 1);
   * `evaluationIntervalMs`: how often SLOs are evaluated, which judges freshness (default 5 min).
   */
  constructor(
    private readonly db: Knex,
    options: {
      criticalTiers?: ReadonlyArray<number>;
      evaluationIntervalMs?: number;
    } = {},
  ) {
    this.criticalTiers =
      options.criticalTiers ?? criticalTierLevels(DEFAULT_TIERS);
    this.evaluationIntervalMs =
      options.evaluationIntervalMs ?? DEFAULT_EVALUATION_INTERVAL_MS;
  }

  /**
   * Replaces the rows with a new projection and records the day's snapshot (with its basis, when
   * given), in one transaction: rows and the day's snapshots of entities that are gone are
   * removed; a failure leaves the previous projection intact.
   */
  async replaceAll(
    rows: Array<{ row: ScorecardRow; breachedSlos: number }>,
    day: string,
    projectedAt: number,
    basis?: SnapshotBasis,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      // The day's snapshot is its last projection: entities gone since leave it.
      await tx('scorecard_daily').where({ day }).delete();
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = rows.slice(i, i + BATCH);
        await tx('scorecard_rows')
          .insert(batch.map(({ row }) => toDbRow(row)))
          .onConflict('entity_ref')
          .merge();
        await tx('scorecard_daily')
          .insert(
            batch.map(({ row, breachedSlos }) =>
              toDailyRow(row, day, breachedSlos, this.evaluationIntervalMs),
            ),
          )
          .onConflict(['day', 'entity_ref'])
          .merge();
      }
      await tx('scorecard_rows').where('updated_at', '<', projectedAt).delete();
      if (basis) await saveBasis(tx, day, basis);
    });
  }

  /**
   * Sets one entity's review state at once, when a review is opened or changes state (the
   * projection sets it again from the reviews at its next run), with its export line. No row
   * (an entity not projected yet): nothing to do.
   */
  async setReviewState(
    entityRef: string,
    state: ReviewState | undefined,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      const row = await tx('scorecard_rows')
        .where({ entity_ref: entityRef })
        .first();
      if (!row) return;
      const updated: ScorecardRow = {
        ...fromDbRow(row, Date.now(), this.evaluationIntervalMs),
        reviewState: state,
      };
      await tx('scorecard_rows')
        .where({ entity_ref: entityRef })
        .update({
          review_state: state ?? null,
          csv_line: scorecardCsvLine(updated),
        });
    });
  }

  /**
   * Records a past day's snapshot measured afterwards, with its basis, in one transaction. It
   * replaces what that day held (nothing, or a snapshot from an incomplete basis); the current
   * rows are not touched.
   */
  async replaceSnapshot(
    rows: Array<{ row: ScorecardRow; breachedSlos: number }>,
    day: string,
    basis: SnapshotBasis,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('scorecard_daily').where({ day }).delete();
      for (let i = 0; i < rows.length; i += BATCH) {
        await tx('scorecard_daily').insert(
          rows
            .slice(i, i + BATCH)
            .map(({ row, breachedSlos }) =>
              toDailyRow(row, day, breachedSlos, this.evaluationIntervalMs),
            ),
        );
      }
      await saveBasis(tx, day, basis);
    });
  }

  /**
   * The days since `fromDay` whose snapshot stands, oldest first: recorded from a loaded catalog
   * with its definitions read. Days with a snapshot from an incomplete basis, or without a
   * recorded basis (snapshots from before bases were recorded), are left out: they are measured
   * again.
   */
  async completeSnapshotDays(fromDay: string): Promise<string[]> {
    const rows = await this.db('scorecard_snapshot_basis')
      .select('day')
      .where('day', '>=', fromDay)
      .where({ catalog_loaded: true, definitions_read: true })
      .whereExists(
        this.db('scorecard_daily')
          .select(this.db.raw('1'))
          .whereRaw('scorecard_daily.day = scorecard_snapshot_basis.day'),
      )
      .orderBy('day');
    return rows.map(row => row.day);
  }

  /** The basis of a day's snapshot, if recorded. */
  async snapshotBasis(day: string): Promise<SnapshotBasis | undefined> {
    const row = await this.db('scorecard_snapshot_basis')
      .where({ day })
      .first();
    if (!row) return undefined;
    return {
      entityCount: Number(row.entity_count),
      sloCount: Number(row.slo_count),
      catalogLoaded: Boolean(row.catalog_loaded),
      definitionsRead: Boolean(row.definitions_read),
      measured: row.measured,
      recordedAt: Number(row.recorded_at),
    };
  }

  /** One page of rows, filtered and sorted in SQL, their freshness judged at `now`. */
  async page(
    query: ScorecardQuery,
    visibility: Visibility,
    now = Date.now(),
  ): Promise<ScorecardPage> {
    const [{ count }] = await this.filtered(
      query.filter,
      visibility,
      now,
    ).count({
      count: '*',
    });
    const rows = await this.sorted(query, visibility, now)
      .select('*')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    return {
      rows: rows.map(row => this.fromDbRow(row, now)),
      totalCount: Number(count),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Every row of the filter, sorted, their freshness judged at `now`: for exports. */
  async allRows(
    query: Omit<ScorecardQuery, 'page' | 'pageSize'>,
    visibility: Visibility,
    now = Date.now(),
  ): Promise<ScorecardRow[]> {
    const rows = await this.sorted(query, visibility, now).select('*');
    return rows.map(row => this.fromDbRow(row, now));
  }

  /**
   * The CSV lines of every row of the filter, sorted, as the projector rendered them, each with
   * the row's tier and its freshness judged at `now` (the export adds the tier's configured name,
   * when the figures were measured and whether they are stale).
   */
  async csvLines(
    query: Omit<ScorecardQuery, 'page' | 'pageSize'>,
    visibility: Visibility,
    now = Date.now(),
  ): Promise<Array<{ line: string; tier?: number } & ExportAdded>> {
    const rows = await this.sorted(query, visibility, now).select(
      'csv_line',
      'tier',
      'measured_at',
      'degraded',
      'slos_meeting_target',
      'slos_measured',
      'alerts_not_deployed',
    );
    if (rows.every(row => row.csv_line !== null)) {
      return rows.map(row => ({
        line: row.csv_line,
        tier: optionalNumber(row.tier),
        freshness: freshnessOf(row, now, this.evaluationIntervalMs),
        slosMeetingTarget: optionalNumber(row.slos_meeting_target),
        slosMeasured: optionalNumber(row.slos_measured),
        alertsNotDeployed: optionalNumber(row.alerts_not_deployed),
      }));
    }
    // Rows projected before lines were stored (until the next projection): render them all.
    return (await this.allRows(query, visibility, now)).map(row => ({
      line: scorecardCsvLine(row),
      tier: row.tier,
      freshness: row.freshness!,
      slosMeetingTarget: row.slosMeetingTarget,
      slosMeasured: row.slosMeasured,
      alertsNotDeployed: row.alertsNotDeployed,
    }));
  }

  /**
   * Rollups by a dimension and the totals over all of them: tiers in their order (`Tier 0` first,
   * entities without a tier last), other groups largest first.
   */
  async rollups(
    by: ScorecardRollupDimension,
    filter: ScorecardFilter,
    visibility: Visibility,
    now = Date.now(),
  ): Promise<{ groups: ScorecardRollup[]; totals: ScorecardRollup }> {
    const column = ROLLUP_COLUMNS[by];
    const has = {
      ...ROWS_SOURCE,
      stale: staleCondition(now, this.evaluationIntervalMs),
    };
    const grouped = this.filtered(filter, visibility, now)
      .select(
        `${column} as key`,
        ...rollupColumns(this.db, has, this.criticalTiers),
      )
      .groupBy(column);
    if (by !== 'tier') grouped.orderBy('entities', 'desc');
    const groups = await grouped.orderByRaw(`${column} is null, ${column}`);
    const [totals] = await this.filtered(filter, visibility, now).select(
      ...rollupColumns(this.db, has, this.criticalTiers),
    );
    return {
      groups: groups.map(row => ({
        key: row.key === null ? undefined : String(row.key),
        ...fromRollupRow(row),
      })),
      totals: fromRollupRow(totals),
    };
  }

  /** The org's (or a team's, or a tier's) coverage and health per day since `fromDay`. */
  async trends(
    fromDay: string,
    filter: Pick<ScorecardFilter, 'owners' | 'tiers'>,
    visibility: Visibility,
  ): Promise<ScorecardTrendPoint[]> {
    let query = this.db('scorecard_daily').where('day', '>=', fromDay);
    if (filter.owners?.length) query = query.whereIn('owner', filter.owners);
    if (filter.tiers?.length) query = query.whereIn('tier', filter.tiers);
    query = this.visibleOnly(query, visibility);
    const rows = await query
      .select(
        'day',
        ...rollupColumns(this.db, SNAPSHOTS_SOURCE, this.criticalTiers),
      )
      .groupBy('day')
      .orderBy('day');
    return rows.map(row => ({ day: row.day, ...fromRollupRow(row) }));
  }

  /** Daily snapshots in [fromDay, toDay] of the visible entities, oldest first. */
  async snapshots(
    fromDay: string,
    toDay: string,
    visibility: Visibility,
  ): Promise<DailySnapshot[]> {
    let query = this.db('scorecard_daily').whereBetween('day', [
      fromDay,
      toDay,
    ]);
    query = this.visibleOnly(query, visibility);
    const rows = await query.orderBy(['day', 'entity_ref']);
    return rows.map(row => ({
      day: row.day,
      entityRef: row.entity_ref,
      budgetStatus: row.budget_status,
      policyState: row.policy_state,
      budgetRemaining: optionalNumber(row.budget_remaining),
      attainment: optionalNumber(row.attainment),
      breachedSlos: Number(row.breached_slos),
      staleBecause: row.stale_because ?? undefined,
      measuredAt: optionalNumber(row.measured_at),
    }));
  }

  /**
   * Restricts a query to the visible entities, their refs bound as one value (an array on
   * PostgreSQL, a JSON array on SQLite): one bound value per ref would exceed the databases'
   * limits (65,535 and 32,766 bound values) for callers who can see tens of thousands of entities.
   */
  private visibleOnly<Q extends Knex.QueryBuilder>(
    query: Q,
    visibility: Visibility,
  ): Q {
    if ('all' in visibility) return query;
    switch (this.db.client.config.client) {
      case 'pg':
        query.whereRaw('entity_ref = any(?)', [visibility.refs]);
        break;
      case 'better-sqlite3':
      case 'sqlite3':
        query.whereRaw('entity_ref in (select value from json_each(?))', [
          JSON.stringify(visibility.refs),
        ]);
        break;
      default:
        query.whereIn('entity_ref', visibility.refs);
    }
    return query;
  }

  /** A stored row, its freshness judged at `now`. */
  private fromDbRow(row: Record<string, any>, now: number): ScorecardRow {
    return fromDbRow(row, now, this.evaluationIntervalMs);
  }

  private sorted(
    query: Omit<ScorecardQuery, 'page' | 'pageSize'>,
    visibility: Visibility,
    now: number,
  ) {
    return this.filtered(query.filter, visibility, now)
      .orderByRaw(nullsLast(query))
      .orderBy('entity_ref');
  }

  /** The rows of a filter; `stale` is judged at `now`. */
  private filtered(
    filter: ScorecardFilter,
    visibility: Visibility,
    now: number,
  ) {
    let query = this.visibleOnly(this.db('scorecard_rows'), visibility);
    for (const [column, values] of [
      ['kind', filter.kinds],
      ['spec_type', filter.types],
    ] as const) {
      if (values?.length) {
        query = query.whereRaw(
          `lower(${column}) in (${values.map(() => '?').join(', ')})`,
          values.map(value => value.toLocaleLowerCase('en-US')),
        );
      }
    }
    const lists: Array<[string, unknown[] | undefined]> = [
      ['tier', filter.tiers],
      ['owner', filter.owners],
      ['system', filter.systems],
      ['domain', filter.domains],
      ['lifecycle', filter.lifecycles],
      ['policy_state', filter.policyStates],
      ['budget_status', filter.budgetStatuses],
    ];
    for (const [column, values] of lists) {
      if (values?.length) query = query.whereIn(column, values as string[]);
    }
    if (filter.missing) {
      query = query.where('missing', 'like', `%,${filter.missing},%`);
    }
    if (filter.search) {
      query = query.whereRaw("search_text like ? escape '\\'", [
        containsPattern(filter.search),
      ]);
    }
    if (filter.alertsNotDeployed !== undefined) {
      query = filter.alertsNotDeployed
        ? query.where('alerts_not_deployed', '>', 0)
        : query.where('alerts_not_deployed', 0);
    }
    if (filter.stale !== undefined) {
      const stale = staleCondition(now, this.evaluationIntervalMs);
      query = query.whereRaw(
        filter.stale ? stale.sql : `not ${stale.sql}`,
        stale.bindings,
      );
    }
    return query;
  }
}
