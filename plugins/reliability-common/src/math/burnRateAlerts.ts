import { burnRateForBudgetShare } from './budget';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** One multiwindow, multi-burn-rate alert (Google SRE Workbook, chapter 5). */
export interface BurnRateAlert {
  severity: 'page' | 'ticket';
  /** Long lookback window. */
  longWindowMs: number;
  /** Short window that must also burn, so the alert resets quickly once the burn stops. */
  shortWindowMs: number;
  /** Share of the whole budget spent over the long window when the alert fires. */
  budgetShare: number;
  /** Burn-rate threshold for this SLO's window. */
  burnRate: number;
}

/**
 * The workbook's recommended alerts, defined by budget share so they scale with the SLO window:
 * for 30 days they are 14.4× over 1 h/5 m (2 %), 6× over 6 h/30 m (5 %) — both page — and
 * 3× over 1 d/2 h (10 %), 1× over 3 d/6 h (10 %) — both tickets.
 */
const RECOMMENDED = [
  {
    severity: 'page',
    longWindowMs: 1 * HOUR_MS,
    shortWindowMs: 5 * MINUTE_MS,
    budgetShare: 0.02,
  },
  {
    severity: 'page',
    longWindowMs: 6 * HOUR_MS,
    shortWindowMs: 30 * MINUTE_MS,
    budgetShare: 0.05,
  },
  {
    severity: 'ticket',
    longWindowMs: 24 * HOUR_MS,
    shortWindowMs: 2 * HOUR_MS,
    budgetShare: 0.1,
  },
  {
    severity: 'ticket',
    longWindowMs: 72 * HOUR_MS,
    shortWindowMs: 6 * HOUR_MS,
    budgetShare: 0.1,
  },
] as const;

/** The recommended burn-rate alerts for an SLO window, thresholds scaled to that window. */
export function burnRateAlerts(sloWindowMs: number): BurnRateAlert[] {
  return RECOMMENDED.map(alert => ({
    ...alert,
    burnRate: burnRateForBudgetShare(
      alert.budgetShare,
      alert.longWindowMs,
      sloWindowMs,
    ),
  }));
}

/** Lookback windows for which burn rates are evaluated and shown. */
export const BURN_RATE_WINDOWS_MS: ReadonlyArray<number> = [
  5 * MINUTE_MS,
  30 * MINUTE_MS,
  1 * HOUR_MS,
  2 * HOUR_MS,
  6 * HOUR_MS,
  24 * HOUR_MS,
  72 * HOUR_MS,
];

/**
 * How a burn rate is compared with an alert's threshold: strictly above, as the exported
 * Prometheus rules compare (`error ratio > threshold × budget`). The card, the scorecard, the
 * weekly review and the rules all fire by this one rule.
 */
export const BURN_RATE_FIRING_OPERATOR = '>';

/** Whether `rate` is above an alert's threshold (see BURN_RATE_FIRING_OPERATOR). */
export function burnsAbove(
  rate: number | undefined,
  threshold: number,
): boolean {
  return rate !== undefined && rate > threshold;
}

/**
 * The burn-rate alerts of an SLO window that fire on these burn rates: both the long and the
 * short window burn above the threshold, as Prometheus evaluates the exported rules.
 */
export function firingBurnRateAlerts(
  burnRates: ReadonlyArray<{ windowMs: number; rate?: number }>,
  sloWindowMs: number,
): BurnRateAlert[] {
  const rateOf = (windowMs: number) =>
    burnRates.find(b => b.windowMs === windowMs)?.rate;
  return burnRateAlerts(sloWindowMs).filter(
    alert =>
      burnsAbove(rateOf(alert.longWindowMs), alert.burnRate) &&
      burnsAbove(rateOf(alert.shortWindowMs), alert.burnRate),
  );
}
