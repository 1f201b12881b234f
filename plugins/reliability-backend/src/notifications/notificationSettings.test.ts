import { ConfigReader } from '@backstage/config';
import { readNotificationSettings } from './notificationSettings';

const read = (notifications?: unknown) =>
  readNotificationSettings(
    new ConfigReader(notifications ? { reliability: { notifications } } : {}),
  );

describe('readNotificationSettings', () => {
  it('sends every event by default, with the default severities', () => {
    expect(read()).toEqual({
      enabled: true,
      events: { budget: true, fastBurn: true, reviews: true },
      severity: {
        budgetWarning: 'normal',
        budgetCritical: 'high',
        outOfBudget: 'critical',
        fastBurn: 'high',
        recovered: 'low',
        reviewOpened: 'normal',
        reviewDecided: 'normal',
      },
    });
  });

  it('turns events off and maps severities as configured', () => {
    const settings = read({
      enabled: false,
      events: { fastBurn: false },
      severity: { budgetWarning: 'high', recovered: 'normal' },
    });
    expect(settings.enabled).toBe(false);
    expect(settings.events).toEqual({
      budget: true,
      fastBurn: false,
      reviews: true,
    });
    expect(settings.severity.budgetWarning).toBe('high');
    expect(settings.severity.recovered).toBe('normal');
    expect(settings.severity.outOfBudget).toBe('critical');
  });

  it('refuses a severity the notifications service does not know, naming the option', () => {
    expect(() => read({ severity: { fastBurn: 'urgent' } })).toThrow(
      'reliability.notifications.severity.fastBurn must be one of critical, high, normal, low, not "urgent"',
    );
  });
});
