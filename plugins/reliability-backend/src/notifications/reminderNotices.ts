import { NotificationPayload } from '@backstage/plugin-notifications-common';
import { RELIABILITY_ANNOTATIONS } from '@reliability-suite/plugin-reliability-common';
import { NotificationSettings } from './notificationSettings';
import { DrTestStatus, ExpiringGrant, isoDate } from './reminderStates';
import { TOPICS } from './sloNotices';

const DAY_MS = 86_400_000;

/** Who and where a reminder is about. */
export interface ReminderSubject {
  entityRef: string;
  /** What the entity is called (its title, or name). */
  entityLabel: string;
  /** The entity's tab the reminder links to. */
  link: string;
}

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/**
 * `checkout: the attestation of "Load tested" expires in 9 days, on 2026-12-10`, to the owner,
 * with what to do before it does.
 */
export function expiryNotice(
  subject: ReminderSubject,
  grant: ExpiringGrant,
  itemTitle: string,
  now: number,
  settings: NotificationSettings,
): NotificationPayload {
  const left = Math.max(1, Math.ceil((grant.expiresAt - now) / DAY_MS));
  const on = isoDate(grant.expiresAt);
  const description =
    grant.kind === 'attestation'
      ? `Attested by ${grant.actor} on ${isoDate(
          grant.at,
        )}. Attest it again on the Readiness tab, or the item fails from ${on}.`
      : `Waived by ${grant.actor} on ${isoDate(grant.at)}: ${
          grant.reason ?? ''
        }. From ${on} the item counts as it checks again, unless it is waived again.`;
  return {
    title: `${subject.entityLabel}: the ${
      grant.kind
    } of "${itemTitle}" expires in ${days(left)}, on ${on}`,
    description,
    link: subject.link,
    severity: settings.severity.expiring,
    topic: TOPICS.expiry,
    scope: `reliability/expiry/${subject.entityRef}/${grant.kind}/${grant.itemId}`,
  };
}

/**
 * `checkout's DR test is overdue: …` when it became overdue, `… is recorded again: …` when a
 * newer test brought it back within the tier's interval.
 */
export function drTestNotice(
  subject: ReminderSubject,
  status: DrTestStatus,
  settings: NotificationSettings,
): NotificationPayload {
  const common = {
    link: subject.link,
    topic: TOPICS.drTest,
    scope: `reliability/dr-test/${subject.entityRef}`,
  };
  if (status.state === 'overdue') {
    return {
      ...common,
      title: `${subject.entityLabel}'s DR test is overdue: last tested ${status.lastTested}, ${status.tierName} requires one every ${status.intervalDays} days (due ${status.nextTestDue})`,
      description: `Run a disaster-recovery test and record its date in ${RELIABILITY_ANNOTATIONS.drTested}.`,
      severity: settings.severity.drTestOverdue,
    };
  }
  return {
    ...common,
    title: `${subject.entityLabel}'s DR test is recorded again: last tested ${status.lastTested}, next due ${status.nextTestDue}`,
    description: `${status.tierName} requires a DR test every ${status.intervalDays} days.`,
    severity: settings.severity.recovered,
  };
}
