import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { NotificationSeverity } from '@backstage/plugin-notifications-common';

/** The events the suite notifies about, each with its own severity. */
export type NotificationEvent =
  | 'budgetWarning'
  | 'budgetCritical'
  | 'outOfBudget'
  | 'fastBurn'
  | 'recovered'
  | 'reviewOpened'
  | 'reviewDecided'
  | 'expiring'
  | 'drTestOverdue';

/** `reliability.notifications`, with its defaults (see config.d.ts). */
export interface NotificationSettings {
  enabled: boolean;
  events: {
    budget: boolean;
    fastBurn: boolean;
    reviews: boolean;
    expiring: boolean;
    drTests: boolean;
  };
  /** Attestations and waivers expiring within this many days are announced. */
  expiringWithinDays: number;
  severity: Record<NotificationEvent, NotificationSeverity>;
}

/** `reliability.notifications.expiringWithinDays` when not set. */
export const DEFAULT_EXPIRING_WITHIN_DAYS = 14;

export const DEFAULT_SEVERITIES: Readonly<
  Record<NotificationEvent, NotificationSeverity>
> = {
  budgetWarning: 'normal',
  budgetCritical: 'high',
  outOfBudget: 'critical',
  fastBurn: 'high',
  recovered: 'low',
  reviewOpened: 'normal',
  reviewDecided: 'normal',
  expiring: 'normal',
  drTestOverdue: 'high',
};

const SEVERITIES: ReadonlyArray<NotificationSeverity> = [
  'critical',
  'high',
  'normal',
  'low',
];

/**
 * Reads `reliability.notifications`; a severity that is none of the four, or an
 * `expiringWithinDays` that is no whole number of days from 1 to 366, is refused at start-up.
 */
export function readNotificationSettings(config: Config): NotificationSettings {
  const section = config.getOptionalConfig('reliability.notifications');
  const events = section?.getOptionalConfig('events');
  const severities = section?.getOptionalConfig('severity');
  const severity = { ...DEFAULT_SEVERITIES };
  for (const event of Object.keys(DEFAULT_SEVERITIES) as NotificationEvent[]) {
    const value = severities?.getOptionalString(event);
    if (value === undefined) continue;
    if (!SEVERITIES.includes(value as NotificationSeverity)) {
      throw new InputError(
        `reliability.notifications.severity.${event} must be one of critical, high, normal, low, not "${value}"`,
      );
    }
    severity[event] = value as NotificationSeverity;
  }
  const expiringWithinDays =
    section?.getOptionalNumber('expiringWithinDays') ??
    DEFAULT_EXPIRING_WITHIN_DAYS;
  if (
    !Number.isInteger(expiringWithinDays) ||
    expiringWithinDays < 1 ||
    expiringWithinDays > 366
  ) {
    throw new InputError(
      `reliability.notifications.expiringWithinDays must be a whole number of days from 1 to 366, not ${expiringWithinDays}`,
    );
  }
  return {
    enabled: section?.getOptionalBoolean('enabled') ?? true,
    events: {
      budget: events?.getOptionalBoolean('budget') ?? true,
      fastBurn: events?.getOptionalBoolean('fastBurn') ?? true,
      reviews: events?.getOptionalBoolean('reviews') ?? true,
      expiring: events?.getOptionalBoolean('expiring') ?? true,
      drTests: events?.getOptionalBoolean('drTests') ?? true,
    },
    expiringWithinDays,
    severity,
  };
}
