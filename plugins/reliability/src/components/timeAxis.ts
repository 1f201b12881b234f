import { DateTime } from 'luxon';

const DAY_MS = 86_400_000;

/** Steps between ticks, in days: the shortest that gives few enough ticks is used. */
const STEPS_IN_DAYS = [1, 2, 7, 14, 28];

/**
 * Evenly spaced ticks at UTC midnights within [fromMs, toMs]: every day or every other day, or
 * every one, two or four weeks on Mondays, the shortest step giving at most `maxTicks` ticks.
 */
export function dayTicks(
  fromMs: number,
  toMs: number,
  maxTicks = 10,
): number[] {
  if (!(toMs >= fromMs)) return [];
  const spanDays = (toMs - fromMs) / DAY_MS;
  const step =
    STEPS_IN_DAYS.find(days => Math.floor(spanDays / days) + 1 <= maxTicks) ??
    Math.ceil(spanDays / Math.max(maxTicks - 1, 1) / 28) * 28;
  const from = DateTime.fromMillis(fromMs, { zone: 'utc' });
  let tick = from.startOf(step >= 7 ? 'week' : 'day');
  if (tick.toMillis() < fromMs) tick = tick.plus({ days: step >= 7 ? 7 : 1 });
  const ticks: number[] = [];
  for (; tick.toMillis() <= toMs; tick = tick.plus({ days: step })) {
    ticks.push(tick.toMillis());
  }
  return ticks;
}

/** A tick's day in UTC, e.g. `Nov 23`. */
export function formatTickDay(ms: number): string {
  return DateTime.fromMillis(ms, { zone: 'utc' })
    .setLocale('en-US')
    .toFormat('LLL d');
}

/** A `YYYY-MM-DD` day as epoch ms at its UTC midnight. */
export function dayStart(day: string): number {
  return DateTime.fromISO(day, { zone: 'utc' }).toMillis();
}

/** The label of a time axis whose ticks are UTC days. */
export const UTC_DATE_AXIS = 'Date (UTC)';
