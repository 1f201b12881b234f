import { SloStatus } from './status';

/** How old figures are, and whether they can still be trusted as current. */
export interface Freshness {
  /** When the figures shown were measured, epoch ms; undefined when never measured. */
  measuredAt?: number;
  /** Age of the figures at the moment asked, ms. */
  ageMs?: number;
  /**
   * The figures are not current: the last evaluation failed (`degraded`, the figures are the last
   * good ones), or they are older than two evaluation intervals (`old`: an evaluation was missed,
   * e.g. the pipeline stopped).
   */
  stale: boolean;
  staleBecause?: 'degraded' | 'old';
}

/**
 * Figures older than this many evaluation intervals are stale: one interval is their normal age
 * just before the next evaluation, a second one means an evaluation did not happen.
 */
export const STALE_AFTER_INTERVALS = 2;

/** The age past which figures evaluated every `intervalMs` are stale. */
export function staleAfterMs(intervalMs: number): number {
  return STALE_AFTER_INTERVALS * intervalMs;
}

/**
 * The freshness of figures measured at `measuredAt`, from one definition for every view (card,
 * scorecard, weekly review, exports, deploy gate).
 */
export function freshness(
  measuredAt: number | undefined,
  degraded: boolean,
  nowMs: number,
  intervalMs: number,
): Freshness {
  if (measuredAt === undefined)
    return degraded
      ? { stale: true, staleBecause: 'degraded' }
      : { stale: false };
  const ageMs = Math.max(0, nowMs - measuredAt);
  if (degraded)
    return { measuredAt, ageMs, stale: true, staleBecause: 'degraded' };
  if (ageMs > staleAfterMs(intervalMs))
    return { measuredAt, ageMs, stale: true, staleBecause: 'old' };
  return { measuredAt, ageMs, stale: false };
}

/** The freshness of one SLO's stored status. */
export function sloFreshness(
  status: Pick<SloStatus, 'state' | 'figures'>,
  nowMs: number,
  intervalMs: number,
): Freshness {
  return freshness(
    status.figures?.measuredAt,
    status.state === 'degraded',
    nowMs,
    intervalMs,
  );
}

/**
 * The freshness of an entity: its oldest figures, stale when any SLO's are (an entity is as
 * current as its least current SLO).
 */
export function worstFreshness(all: Freshness[]): Freshness {
  const stale = all.filter(f => f.stale);
  const measured = all.filter(f => f.measuredAt !== undefined);
  const oldest = measured.sort((a, b) => a.measuredAt! - b.measuredAt!)[0];
  if (stale.length === 0) return oldest ?? { stale: false };
  const degraded = stale.find(f => f.staleBecause === 'degraded');
  return {
    ...(oldest ? { measuredAt: oldest.measuredAt, ageMs: oldest.ageMs } : {}),
    stale: true,
    staleBecause: degraded ? 'degraded' : 'old',
  };
}
