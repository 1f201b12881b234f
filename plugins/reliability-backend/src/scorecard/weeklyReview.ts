import { InputError } from '@backstage/errors';
import { DateTime } from 'luxon';
import {
  BUDGET_STATUS_SEVERITY,
  BudgetStatus,
  ReadinessEvent,
  ScorecardRow,
  WeeklyReview,
  WeeklyReviewService,
  freshness,
} from '@reliability-suite/plugin-reliability-common';
import { DailySnapshot } from '../store/ScorecardStore';

/**
 * Monday to Sunday (UTC) of an ISO week such as `2026-W48`; the current week when absent. A week
 * the year does not have (2025-W53) is an `InputError`.
 */
export function isoWeekBounds(week: string | undefined, now: number) {
  const monday = (
    week
      ? DateTime.fromISO(week, { zone: 'utc' })
      : DateTime.fromMillis(now, { zone: 'utc' })
  ).startOf('week');
  if (!monday.isValid) {
    throw new InputError(
      `week ${week} does not exist: ${monday.invalidExplanation}`,
    );
  }
  return {
    week: monday.toFormat("kkkk-'W'WW"),
    start: monday.toISODate()!,
    end: monday.plus({ days: 6 }).toISODate()!,
    previousEnd: monday.minus({ days: 1 }).toISODate()!,
    startMs: monday.toMillis(),
    endMs: monday.plus({ weeks: 1 }).toMillis(),
  };
}

const change = (now?: number, before?: number) =>
  now === undefined || before === undefined ? undefined : now - before;

/**
 * The weekly review from daily snapshots: each service's state at the week's last snapshot, its
 * worst day of breaches, and the change since the previous week's last snapshot.
 *
 * A service is stale when its last snapshot was stale when projected (as stored), or when that
 * snapshot's figures are stale at the end of the week (now, for the week in progress): they are
 * what the portal showed until then, and the last snapshot of a pipeline that stopped could not
 * mark itself stale.
 */
export function weeklyReview(
  bounds: ReturnType<typeof isoWeekBounds>,
  rows: ScorecardRow[],
  snapshots: DailySnapshot[],
  decisions: ReadinessEvent[],
  clock: { now: number; evaluationIntervalMs: number },
): WeeklyReview {
  const judgedAt = Math.min(bounds.endMs, clock.now);
  const byEntity = new Map<string, DailySnapshot[]>();
  for (const snapshot of snapshots) {
    byEntity.set(snapshot.entityRef, [
      ...(byEntity.get(snapshot.entityRef) ?? []),
      snapshot,
    ]);
  }
  const services = rows
    .filter(row => row.sloCount > 0)
    .flatMap((row): WeeklyReviewService[] => {
      const history = byEntity.get(row.entityRef) ?? [];
      const week = history.filter(
        s => s.day >= bounds.start && s.day <= bounds.end,
      );
      const last = week.at(-1);
      if (!last) return [];
      const previous = history.filter(s => s.day <= bounds.previousEnd).at(-1);
      const { stale, staleBecause } = last.staleBecause
        ? { stale: true, staleBecause: last.staleBecause }
        : freshness(
            last.measuredAt,
            false,
            judgedAt,
            clock.evaluationIntervalMs,
          );
      return [
        {
          entityRef: row.entityRef,
          name: row.name,
          title: row.title,
          tier: row.tier,
          owner: row.owner,
          budgetStatus: last.budgetStatus,
          policyState: last.policyState,
          inFreeze: last.policyState === 'red',
          budgetRemaining: last.budgetRemaining,
          budgetRemainingChange: change(
            last.budgetRemaining,
            previous?.budgetRemaining,
          ),
          attainment: last.attainment,
          attainmentChange: change(last.attainment, previous?.attainment),
          breachedSlos: Math.max(...week.map(s => s.breachedSlos)),
          stale,
          staleBecause,
          measuredAt: last.measuredAt,
        },
      ];
    })
    .sort(
      (a, b) =>
        BUDGET_STATUS_SEVERITY[b.budgetStatus] -
          BUDGET_STATUS_SEVERITY[a.budgetStatus] ||
        (a.budgetRemaining ?? Infinity) - (b.budgetRemaining ?? Infinity) ||
        a.entityRef.localeCompare(b.entityRef),
    );
  const count = (status: BudgetStatus) =>
    services.filter(s => s.budgetStatus === status).length;
  return {
    week: bounds.week,
    start: bounds.start,
    end: bounds.end,
    counts: {
      outOfBudget: count('out_of_budget'),
      burningFast: count('burning_fast'),
      burningSlow: count('burning_slow'),
      onTrack: count('on_track'),
      noData: count('no_data'),
      inFreeze: services.filter(s => s.inFreeze).length,
      withBreaches: services.filter(s => s.breachedSlos > 0).length,
      stale: services.filter(s => s.stale).length,
    },
    services,
    decisions: decisions.map(event => ({
      entityRef: event.entityRef,
      reviewId: event.reviewId,
      decision: event.type === 'review.approved' ? 'approved' : 'blocked',
      actor: event.actor,
      at: event.at,
      reason: event.data.reason,
    })),
  };
}
