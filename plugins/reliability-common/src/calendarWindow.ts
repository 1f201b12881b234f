import { DateTime } from 'luxon';
import { SloTimeWindow } from './slo';

const UNITS = {
  d: 'day',
  w: 'week',
  M: 'month',
  Q: 'quarter',
  Y: 'year',
} as const;

/**
 * Start of the current window, epoch ms. Rolling: now - duration. Calendar-aligned: the start of
 * the current calendar period in the window's time zone (e.g. the 1st of the month, 00:00), or,
 * for multiples such as `2w`, the latest period boundary counted from `startTime`.
 */
export function windowStart(window: SloTimeWindow, nowMs: number): number {
  if (window.type === 'rolling') return nowMs - window.durationMs;
  const count = Number(window.duration.slice(0, -1));
  const unit = UNITS[window.duration.slice(-1) as keyof typeof UNITS];
  const now = DateTime.fromMillis(nowMs, { zone: window.timeZone });
  if (count === 1) return now.startOf(unit).toMillis();
  let start = DateTime.fromSQL(window.startTime, { zone: window.timeZone });
  if (!start.isValid)
    start = DateTime.fromISO(window.startTime, { zone: window.timeZone });
  while (start.plus({ [unit]: count }).toMillis() <= nowMs)
    start = start.plus({ [unit]: count });
  return start.toMillis();
}
