import { NotificationPayload } from '@backstage/plugin-notifications-common';
import {
  ErrorBudgetPolicy,
  SloFigures,
} from '@reliability-suite/plugin-reliability-common';
import { NotificationSettings } from './notificationSettings';
import { BudgetState, budgetWorsened, fastBurn } from './sloStates';

/** Notification topics of the suite: users turn each on or off in their notification settings. */
export const TOPICS = {
  budget: 'Error budget',
  burn: 'Fast burn',
  review: 'Launch review',
  expiry: 'Readiness expiry',
  drTest: 'DR test',
} as const;

/** The subject of an SLO notification. */
export interface SloSubject {
  entityRef: string;
  /** What the entity is called (its title, or name). */
  entityLabel: string;
  /** The SLO's display name, or name. */
  sloLabel: string;
  sloName: string;
  /** The entity's Reliability tab. */
  link: string;
}

const POLICY_NAMES = {
  green: 'normal operations',
  yellow: 'increased caution',
  red: 'feature freeze',
} as const;

/** A fraction as the portal's notifications write it: `8 %`, `0.4 %`. */
export function percent(fraction: number): string {
  const value = Math.abs(fraction * 100);
  const shown = value >= 1 ? Math.round(value) : Number(value.toFixed(1));
  return `${shown.toLocaleString('en-US')} %`;
}

const round = (n: number) =>
  n.toLocaleString('en-US', { maximumFractionDigits: 1 });

function windowLabel(ms: number): string {
  return ms % 3_600_000 === 0
    ? `${ms / 3_600_000} h`
    : `${Math.round(ms / 60_000)} min`;
}

/** `availability has 8 % of its budget left`, or `… is out of budget (overspent by 12 %)`. */
export function budgetPhrase(sloLabel: string, remaining: number): string {
  return remaining < 0
    ? `${sloLabel} is out of budget (overspent by ${percent(remaining)})`
    : `${sloLabel} has ${percent(remaining)} of its budget left`;
}

function budgetHeadline(
  previous: BudgetState,
  next: BudgetState,
  policy: ErrorBudgetPolicy,
): string {
  const worse = budgetWorsened(previous, next);
  if (previous.policy !== next.policy) {
    if (worse) return `entered ${POLICY_NAMES[next.policy]}`;
    return next.policy === 'green'
      ? 'is back to normal operations'
      : `left ${POLICY_NAMES[previous.policy]} for ${
          POLICY_NAMES[next.policy]
        }`;
  }
  const warning = `the warning level (${percent(policy.warningAt)})`;
  const critical = `the critical level (${percent(policy.criticalAt)})`;
  if (worse) {
    if (next.level === 'out_of_budget') return 'ran out of error budget';
    return `crossed ${next.level === 'critical' ? critical : warning}`;
  }
  if (next.level === 'ok') return `recovered above ${warning}`;
  if (next.level === 'warning') return `recovered above ${critical}`;
  return 'has error budget again';
}

/**
 * The notification of an SLO's budget state change, e.g. "checkout entered feature freeze:
 * availability has 8 % of its budget left". Undefined when nothing changed.
 */
export function budgetNotice(
  subject: SloSubject,
  previous: BudgetState,
  next: BudgetState,
  figures: SloFigures,
  policy: ErrorBudgetPolicy,
  settings: NotificationSettings,
): NotificationPayload | undefined {
  if (previous.policy === next.policy && previous.level === next.level)
    return undefined;
  const worse = budgetWorsened(previous, next);
  let event: keyof NotificationSettings['severity'] = 'recovered';
  if (worse) {
    if (next.level === 'out_of_budget') event = 'outOfBudget';
    else if (next.policy === 'red' || next.level === 'critical')
      event = 'budgetCritical';
    else event = 'budgetWarning';
  }
  const remaining = figures.budget.remainingFraction ?? 0;
  return {
    title: `${subject.entityLabel} ${budgetHeadline(
      previous,
      next,
      policy,
    )}: ${budgetPhrase(subject.sloLabel, remaining)}`,
    description: `Error-budget policy: ${
      policy[next.policy].summary
    }. Warning at ${percent(policy.warningAt)}, critical at ${percent(
      policy.criticalAt,
    )} of the budget left.`,
    link: subject.link,
    severity: settings.severity[event],
    topic: TOPICS.budget,
    scope: `reliability/budget/${subject.entityRef}/${subject.sloName}`,
  };
}

/**
 * The notification of a fast burn starting ("checkout is burning its error budget fast: …") or
 * ending. Undefined when nothing changed.
 */
export function burnNotice(
  subject: SloSubject,
  previous: 'fast' | 'calm',
  next: 'fast' | 'calm',
  figures: SloFigures,
  settings: NotificationSettings,
): NotificationPayload | undefined {
  if (previous === next) return undefined;
  const common = {
    link: subject.link,
    topic: TOPICS.burn,
    scope: `reliability/burn/${subject.entityRef}/${subject.sloName}`,
  };
  const left = budgetPhrase(
    subject.sloLabel,
    figures.budget.remainingFraction ?? 0,
  );
  const alert = next === 'fast' ? fastBurn(figures) : undefined;
  if (!alert) {
    return {
      ...common,
      title: `${subject.entityLabel}: ${subject.sloLabel} no longer burns its error budget fast`,
      description: `No page-level burn-rate alert fires any more; ${left}.`,
      severity: settings.severity.recovered,
    };
  }
  const rate = figures.burnRates.find(
    b => b.windowMs === alert.longWindowMs,
  )?.rate;
  return {
    ...common,
    title: `${subject.entityLabel} is burning its error budget fast: ${
      subject.sloLabel
    } burns ${round(rate ?? 0)}× over ${windowLabel(
      alert.longWindowMs,
    )} (pages above ${round(alert.burnRate)}×)`,
    description: `At this rate ${percent(
      alert.budgetShare,
    )} of the window's budget is spent in ${windowLabel(
      alert.longWindowMs,
    )}; ${left}.`,
    severity: settings.severity.fastBurn,
  };
}
