import { NotifySummary } from './claimAndSend';

/** Something the notify stage runs: the SLO notifier, the reminder notifier. */
export interface Notifier {
  notify(signal: AbortSignal): Promise<NotifySummary>;
}

/**
 * The notify stage's notifiers as one: each runs (one failing does not stop the others), the
 * summaries add up, and the first failure is thrown after all ran.
 */
export function allNotifiers(notifiers: ReadonlyArray<Notifier>): Notifier {
  return {
    async notify(signal) {
      const summary: NotifySummary = { sent: 0, failed: 0 };
      const errors: unknown[] = [];
      for (const notifier of notifiers) {
        if (signal.aborted) break;
        try {
          const one = await notifier.notify(signal);
          summary.sent += one.sent;
          summary.failed += one.failed;
        } catch (error) {
          errors.push(error);
        }
      }
      if (errors.length > 0) throw errors[0];
      return summary;
    },
  };
}
