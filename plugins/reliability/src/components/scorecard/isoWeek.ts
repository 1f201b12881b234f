const DAY_MS = 24 * 60 * 60 * 1000;

/** The ISO week (Monday to Sunday, UTC) a moment falls in, e.g. `2026-W48`. */
export function isoWeek(ms: number): string {
  const date = new Date(ms);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday is 0
  // The week belongs to the year of its Thursday.
  const thursday = new Date(
    Date.UTC(
      date.getUTCFullYear(),
      date.getUTCMonth(),
      date.getUTCDate() - weekday + 3,
    ),
  );
  const year = thursday.getUTCFullYear();
  const dayOfYear = (thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS;
  const week = Math.floor(dayOfYear / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The ISO week `weeks` weeks from the one starting on `monday` (`YYYY-MM-DD`). */
export function shiftWeek(monday: string, weeks: number): string {
  return isoWeek(Date.parse(`${monday}T00:00:00Z`) + weeks * 7 * DAY_MS);
}
