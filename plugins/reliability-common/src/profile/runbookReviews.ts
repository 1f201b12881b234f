import { TierDefinition } from '../tiers';
import { isCalendarDate } from './calendarDate';
import { MissingItem, ProfileLink, usableLinks } from './types';

/** Review dates written in `reliability-suite.io/runbook-reviewed`, `YYYY-MM-DD`. */
export interface RunbookReviewDates {
  /** The date of every runbook that has none of its own. */
  all?: string;
  /** Dates of single runbooks, named by their title or URL. */
  byRunbook: Array<{ name: string; date: string }>;
}

/**
 * Reads the annotation: a line with a date is the date of every runbook, a line
 * `<runbook title or URL>: <date>` the date of one runbook. Returns the reason of each line that
 * is neither.
 */
export function parseRunbookReviewed(value: string): {
  dates: RunbookReviewDates;
  problems: string[];
} {
  const dates: RunbookReviewDates = { byRunbook: [] };
  const problems: string[] = [];
  for (const line of value.split(/\r?\n/).map(l => l.trim())) {
    if (!line) continue;
    if (isCalendarDate(line)) {
      if (dates.all === undefined) dates.all = line;
      else problems.push(`"${line}": the date of every runbook is given twice`);
      continue;
    }
    // The date follows the last colon, so a URL's own colons stay in the name.
    const match = /^(.*):\s*(\S*)$/.exec(line);
    const name = match?.[1].trim();
    if (match && name && isCalendarDate(match[2])) {
      dates.byRunbook.push({ name, date: match[2] });
    } else {
      problems.push(
        `"${line}" is not a date such as 2026-09-14 or "<runbook title or URL>: 2026-09-14"`,
      );
    }
  }
  return { dates, problems };
}

const DAY_MS = 24 * 60 * 60 * 1000;

const names = (link: ProfileLink, name: string) =>
  link.url === name || link.title.toLowerCase() === name.toLowerCase();

/**
 * The runbooks with their review date, when the next review is due under the tier's interval and
 * whether that day has passed (`now` is today), and the names in the annotation that match no
 * runbook.
 */
export function reviewRunbooks(
  runbooks: ProfileLink[],
  dates: RunbookReviewDates,
  tier: TierDefinition | undefined,
  now: Date,
): { runbooks: ProfileLink[]; unknownNames: string[] } {
  const interval = tier?.runbookReviewDays;
  const today = now.toISOString().slice(0, 10);
  const reviewed = runbooks.map(link => {
    const lastReviewed =
      dates.byRunbook.find(entry => names(link, entry.name))?.date ?? dates.all;
    if (!lastReviewed) return link;
    if (!interval) return { ...link, lastReviewed };
    const reviewDue = new Date(Date.parse(lastReviewed) + interval * DAY_MS)
      .toISOString()
      .slice(0, 10);
    return { ...link, lastReviewed, reviewDue, stale: reviewDue < today };
  });
  const unknownNames = dates.byRunbook
    .map(entry => entry.name)
    .filter(name => !runbooks.some(link => names(link, name)));
  return { runbooks: reviewed, unknownNames };
}

/**
 * What the `runbooksReviewed` requirement finds missing: each linked runbook whose last review is
 * older than the tier's interval. Nothing when the tier reviews no runbooks on a schedule (no
 * `runbookReviewDays`). A runbook without a review date is not counted stale: nothing says when
 * it was reviewed, so the profile shows it as not dated, and an organisation adopting review
 * dates does not see every runbook fail at once.
 */
export function staleRunbookItems(
  runbooks: ProfileLink[],
  tier: TierDefinition,
): MissingItem[] {
  const interval = tier.runbookReviewDays;
  if (!interval) return [];
  return usableLinks(runbooks).flatMap(link => {
    if (!link.stale) return [];
    return [
      {
        requirement: 'runbooksReviewed' as const,
        message: `Runbook "${link.title}" last reviewed ${link.lastReviewed}, over ${interval} days ago (${tier.name} reviews runbooks every ${interval} days)`,
      },
    ];
  });
}
