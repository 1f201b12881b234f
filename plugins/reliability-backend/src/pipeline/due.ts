import { SloDefinition } from '@reliability-suite/plugin-reliability-common';

/**
 * Share of an interval by which a run may come early and still count as the next one: cycles
 * start a little late or early (the scheduler's polling, the order of work within a cycle).
 */
export const DUE_TOLERANCE = 0.1;

/**
 * Whether work last done at `lastAt` (epoch ms; undefined: never) is due again at `now` under an
 * interval: at most once per interval, less the tolerance. E.g. with 5 minutes, an SLO attempted
 * 4 minutes ago is skipped and one attempted 4.5 minutes ago is due.
 */
export function isDue(
  lastAt: number | undefined,
  now: number,
  intervalMs: number,
): boolean {
  return (
    lastAt === undefined || now - lastAt >= intervalMs * (1 - DUE_TOLERANCE)
  );
}

/** What an SLO's SLI selects, as a text to sort by: its metric source, then its total query. */
function selectsKey(slo: SloDefinition): string {
  const metric = slo.indicator.metric;
  const query = metric.type === 'ratio' ? metric.total : metric.query;
  return `${query.metricSource ?? ''}\u0000${query.query.trim()}`;
}

/**
 * The order in which due SLOs are measured: oldest attempt first (never attempted first), and
 * among SLOs last attempted at the same moment (measured together last time, or never), by what
 * their SLIs select. A wave of SLOs measured together then holds neighbours (one service's SLOs,
 * similar services) whose counts share series in one aggregated query, and the next cycle finds
 * the same waves. Stable: ties keep the given order.
 */
export function measureOrder<
  T extends { slo: SloDefinition; attemptedAt?: number },
>(slos: T[]): T[] {
  const keyed = slos.map(due => ({ due, key: selectsKey(due.slo) }));
  keyed.sort((a, b) => {
    const at =
      (a.due.attemptedAt ?? -Infinity) - (b.due.attemptedAt ?? -Infinity);
    if (at !== 0 && !Number.isNaN(at)) return at;
    if (a.key === b.key) return 0;
    return a.key < b.key ? -1 : 1;
  });
  return keyed.map(({ due }) => due);
}
