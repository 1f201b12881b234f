import { DateTime } from 'luxon';

/** A point in time: epoch milliseconds, an ISO date-time, or an ISO day (`2026-12-04`, UTC). */
export type MomentInput = number | string;

const ABSOLUTE = 'yyyy-MM-dd HH:mm';
const DAY = 'yyyy-MM-dd';

function toDateTime(at: MomentInput, zone?: string): DateTime {
  const parsed =
    typeof at === 'number'
      ? DateTime.fromMillis(at)
      : DateTime.fromISO(at, { zone: 'utc' });
  return zone ? parsed.setZone(zone) : parsed.setZone('local');
}

/** Options of the two texts of a moment: `now` and `zone` default to the viewer's. */
export interface MomentOptions {
  /** Only the day counts (target dates, expiry days): no time of day. */
  dateOnly?: boolean;
  now?: number;
  /** The viewer's time zone; the local one unless given (tests). */
  zone?: string;
}

/**
 * How far a moment is from now, in words: `3 hours ago`, `in 2 days`; for days, `today`,
 * `yesterday`, `in 3 days`, `in 2 months` (UTC days, as the backend counts them).
 */
export function relativeMoment(
  at: MomentInput,
  { dateOnly, now = Date.now(), zone }: MomentOptions = {},
): string {
  if (dateOnly) {
    const day = toDateTime(at, 'utc').startOf('day');
    const today = DateTime.fromMillis(now, { zone: 'utc' }).startOf('day');
    const days = day.diff(today, 'days').days;
    return (
      (Math.abs(days) < 2
        ? day.toRelativeCalendar({ base: today, unit: 'days' })
        : day.toRelative({ base: today })) ?? ''
    );
  }
  const base = DateTime.fromMillis(now);
  const moment = toDateTime(at, zone);
  if (Math.abs(moment.toMillis() - now) < 60_000) return 'just now';
  return moment.toRelative({ base }) ?? '';
}

/**
 * A moment as a date-time in the viewer's zone and in UTC: `2026-12-01 10:09 (09:09 UTC)`, or
 * `2026-12-01 09:09 UTC` when the viewer is on UTC; a day alone as `2026-12-04`.
 */
export function absoluteMoment(
  at: MomentInput,
  { dateOnly, zone }: MomentOptions = {},
): string {
  if (dateOnly) return toDateTime(at, 'utc').toFormat(DAY);
  const local = toDateTime(at, zone);
  const utc = local.setZone('utc');
  if (local.offset === 0) return `${utc.toFormat(ABSOLUTE)} UTC`;
  const sameDay = local.toFormat(DAY) === utc.toFormat(DAY);
  return `${local.toFormat(ABSOLUTE)} (${utc.toFormat(
    sameDay ? 'HH:mm' : ABSOLUTE,
  )} UTC)`;
}

/** The machine-readable form of a moment, for `<time dateTime>`. */
export function isoMoment(at: MomentInput, dateOnly?: boolean): string {
  const moment = toDateTime(at, 'utc');
  return (dateOnly ? moment.toISODate() : moment.toISO()) ?? '';
}
