import { formatDurationMs } from './duration';
import { burnRateAlerts } from './math/burnRateAlerts';
import { errorBudgetFraction } from './math/budget';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What checking a definition needs to know about the metric sources. */
export interface DefinitionCheckOptions {
  /** How often the metric sources scrape; a time slice must hold at least two samples. */
  scrapeIntervalMs: number;
  /**
   * The configured tiers' levels, which `reliability-suite.io/tier` must name; the default tiers'
   * (0 to 3) when absent.
   */
  tierLevels?: number[];
}

export const DEFAULT_DEFINITION_CHECK_OPTIONS: DefinitionCheckOptions = {
  scrapeIntervalMs: 60_000,
};

/** Shortest rolling SLO window. */
export const MIN_WINDOW_MS = DAY_MS;
/** Longest SLO window (rolling, or calendar-aligned). */
export const MAX_WINDOW_MS = 366 * DAY_MS;

/** Calendar units and their shortest length, to bound counts and slices. */
const CALENDAR_UNIT_MIN_MS: Record<string, number> = {
  d: DAY_MS,
  w: 7 * DAY_MS,
  M: 28 * DAY_MS,
  Q: 89 * DAY_MS,
  Y: 365 * DAY_MS,
};

/** Why a rolling window cannot be used; undefined when it can. */
export function rollingWindowProblem(
  duration: string,
  durationMs: number,
): string | undefined {
  if (durationMs < MIN_WINDOW_MS)
    return `"${duration}" is shorter than 1d: an error budget needs at least a day`;
  if (durationMs > MAX_WINDOW_MS) return `"${duration}" is longer than 366d`;
  return undefined;
}

/** The shortest length of a calendar duration such as `1M` (28 days), or undefined if too long. */
export function calendarMinMs(duration: string): number | undefined {
  const match = /^([1-9][0-9]*)([dwMQY])$/.exec(duration);
  if (!match) return undefined;
  return Number(match[1]) * CALENDAR_UNIT_MIN_MS[match[2]];
}

/** Why a calendar window cannot be used; undefined when it can. */
export function calendarWindowProblem(duration: string): string | undefined {
  const minMs = calendarMinMs(duration);
  if (minMs !== undefined && minMs > MAX_WINDOW_MS)
    return `"${duration}" is longer than a year`;
  return undefined;
}

/**
 * Why a time slice cannot be measured; undefined when it can. It must fit in the window, and
 * hold enough scrapes: two when events are counted in it (increase() needs two samples), one
 * when a threshold query is read at its end.
 */
export function timeSliceProblem(
  slice: string,
  sliceMs: number,
  windowMs: number,
  options: DefinitionCheckOptions & { counted: boolean },
): string | undefined {
  const scrapes = options.counted ? 2 : 1;
  if (sliceMs < scrapes * options.scrapeIntervalMs)
    return options.counted
      ? `"${slice}" is shorter than two scrape intervals (${formatDurationMs(
          2 * options.scrapeIntervalMs,
        )}): events cannot be counted in it`
      : `"${slice}" is shorter than the scrape interval (${formatDurationMs(
          options.scrapeIntervalMs,
        )}): a slice could hold no sample`;
  if (sliceMs > windowMs) return `"${slice}" is longer than the SLO window`;
  return undefined;
}

/**
 * Why no burn-rate alert of an SLO could ever fire: every alert needs an error ratio above
 * 100 % when the window is long and the target low. Undefined when at least one can fire.
 */
export function unfireableAlertsProblem(
  windowMs: number,
  target: number,
): string | undefined {
  if (!(target > 0 && target < 1)) return undefined; // reported by the target's own check
  const budget = errorBudgetFraction(target);
  const thresholds = burnRateAlerts(windowMs).map(a => a.burnRate * budget);
  const lowest = Math.min(...thresholds);
  if (lowest < 1) return undefined;
  return `with this target, a ${formatDurationMs(
    windowMs,
  )} window makes every burn-rate alert need an error ratio of ${Math.round(
    lowest * 100,
  )}% or more, which can never happen: shorten the window or lower the target`;
}
