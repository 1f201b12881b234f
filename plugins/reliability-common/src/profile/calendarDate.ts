import { DateTime } from 'luxon';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` naming a real day: 2026-02-30 and 2030-13-45 are not. */
export function isCalendarDate(value: string): boolean {
  return (
    ISO_DATE.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid
  );
}
