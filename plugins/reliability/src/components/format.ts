import { absoluteMoment, relativeMoment } from './time/moment';
import {
  SloDefinition,
  formatDurationMs,
  formatThreshold,
  thresholdUnit,
} from '@reliability-suite/plugin-reliability-common';

/** 0.999 → `99.9%`, 0.9995 → `99.95%`. */
export function formatTarget(target: number): string {
  return formatPercent(target, 4);
}

/** Minutes as the largest whole unit: 60 → `1h`, 15 → `15m`. */
export function formatMinutes(minutes: number): string {
  return formatDurationMs(minutes * 60000);
}

/** `30d rolling` or `1M calendar-aligned (Europe/Berlin)`. */
export function formatWindow(window: SloDefinition['timeWindow']): string {
  return window.type === 'rolling'
    ? `${window.duration} rolling`
    : `${window.duration} calendar-aligned (${window.timeZone})`;
}

/**
 * The objectives of an SLO, e.g. `99.9%` or `99% of 1m slices with value ≤ 500 ms`: a threshold in
 * the unit its metric's name states (`thresholdUnit`), a bare number when the name does not say.
 */
export function formatObjectives(slo: SloDefinition): string {
  const unit = thresholdUnit(slo.indicator.metric);
  return slo.objectives
    .map(objective => {
      const slices = objective.timeSliceWindow
        ? `${objective.timeSliceWindow} slices`
        : 'slices';
      const threshold =
        objective.op && objective.value !== undefined
          ? ` of ${slices} with value ${
              { lt: '<', lte: '≤', gt: '>', gte: '≥' }[objective.op]
            } ${formatThreshold(objective.value, unit)}`
          : '';
      return `${formatTarget(objective.target)}${threshold}`;
    })
    .join(', ');
}

/** A fraction as a percentage: 0.9995 → `99.95%`, -0.3889 → `-38.89%`. */
export function formatPercent(fraction: number, digits = 2): string {
  return `${Number((fraction * 100).toFixed(digits))}%`;
}

/** A fraction as a percentage, or `—` without one. */
export function formatOptionalPercent(
  fraction: number | undefined,
  digits?: number,
): string {
  return fraction === undefined ? '—' : formatPercent(fraction, digits);
}

/** A budget amount in its unit: `-16.8 min` or `1,234 events`. */
export function formatBudgetAmount(
  amount: number,
  unit: 'events' | 'minutes',
): string {
  return unit === 'minutes'
    ? `${Number(amount.toFixed(1))} min`
    : `${Math.round(amount).toLocaleString('en-US')} events`;
}

/** Minutes of full outage, to the hundredth: `40.32 min`. */
export function formatOutageMinutes(minutes: number): string {
  return `${Number(minutes.toFixed(2))} min`;
}

/**
 * How long ago a time was, as plain text in the words `When` shows: `just now`, `12 minutes ago`,
 * `3 hours ago`, `2 days ago`.
 */
export function formatAge(thenMs: number, nowMs: number): string {
  return relativeMoment(thenMs, { now: nowMs });
}

/**
 * A moment as plain text (tooltips, helper texts, exports): `2026-12-01 10:09 (09:09 UTC)` in the
 * reader's time zone and UTC, the absolute form `When` shows in its tooltip.
 */
export function formatDateTime(ms: number): string {
  return absoluteMoment(ms);
}

/** A day as `YYYY-MM-DD` (UTC), the form of date inputs and of the backend. */
export function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
