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
  | 'reviewDecided';

/** `reliability.notifications`, with its defaults (see config.d.ts). */
export interface NotificationSettings {
  enabled: boolean;
  events: { budget: boolean; fastBurn: boolean; reviews: boolean };
  severity: Record<NotificationEvent, NotificationSeverity>;
}

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
};

const SEVERITIES: ReadonlyArray<NotificationSeverity> = [
  'critical',
  'high',
  'normal',
  'low',
];

/** Reads `reliability.notifications`; a severity that is none of the four is refused at start-up. */
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
  return {
    enabled: section?.getOptionalBoolean('enabled') ?? true,
    events: {
      budget: events?.getOptionalBoolean('budget') ?? true,
      fastBurn: events?.getOptionalBoolean('fastBurn') ?? true,
      reviews: events?.getOptionalBoolean('reviews') ?? true,
    },
    severity,
  };
}
