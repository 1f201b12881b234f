import {
  SloDefinition,
  formatDurationMs,
} from '@reliability-suite/plugin-reliability-common';

/** 0.999 → `99.9%`, 0.9995 → `99.95%`. */
export function formatTarget(target: number): string {
  return `${Number((target * 100).toFixed(4))}%`;
}

/** Minutes as the largest whole unit: 60 → `1h`, 15 → `15m`. */
export function formatMinutes(minutes: number): string {
  return formatDurationMs(minutes * 60000);
}

/** `30d rolling` or `1M calendar (from 2026-01-01 00:00:00 UTC)`. */
export function formatWindow(window: SloDefinition['timeWindow']): string {
  return window.type === 'rolling'
    ? `${window.duration} rolling`
    : `${window.duration} calendar-aligned (${window.timeZone})`;
}

/** The objectives of an SLO, e.g. `99.9%` or `99% (p ≤ 0.3)`. */
export function formatObjectives(slo: SloDefinition): string {
  return slo.objectives
    .map(objective => {
      const threshold =
        objective.op && objective.value !== undefined
          ? ` of slices with value ${
              { lt: '<', lte: '≤', gt: '>', gte: '≥' }[objective.op]
            } ${objective.value}`
          : '';
      return `${formatTarget(objective.target)}${threshold}`;
    })
    .join(', ');
}
