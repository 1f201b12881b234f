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
      events: {
        budget: true,
        fastBurn: true,
        reviews: true,
        expiring: true,
        drTests: true,
      },
      expiringWithinDays: 14,
      severity: {
        budgetWarning: 'normal',
        budgetCritical: 'high',
        outOfBudget: 'critical',
        fastBurn: 'high',
        recovered: 'low',
        reviewOpened: 'normal',
        reviewDecided: 'normal',
        expiring: 'normal',
        drTestOverdue: 'high',
      },
    });
  });

  it('turns events off and maps severities as configured', () => {
    const settings = read({
      enabled: false,
      events: { fastBurn: false, expiring: false, drTests: false },
      expiringWithinDays: 30,
      severity: { budgetWarning: 'high', recovered: 'normal', expiring: 'low' },
    });
    expect(settings.enabled).toBe(false);
    expect(settings.events).toEqual({
      budget: true,
      fastBurn: false,
      reviews: true,
      expiring: false,
      drTests: false,
    });
    expect(settings.expiringWithinDays).toBe(30);
    expect(settings.severity.expiring).toBe('low');
    expect(settings.severity.drTestOverdue).toBe('high');
    expect(settings.severity.budgetWarning).toBe('high');
    expect(settings.severity.recovered).toBe('normal');
    expect(settings.severity.outOfBudget).toBe('critical');
  });

  it('refuses a severity the notifications service does not know, naming the option', () => {
    expect(() => read({ severity: { fastBurn: 'urgent' } })).toThrow(
      'reliability.notifications.severity.fastBurn must be one of critical, high, normal, low, not "urgent"',
    );
  });

  it.each([
    [0, '0'],
    [2.5, '2.5'],
    [400, '400'],
  ])('refuses expiringWithinDays %p, naming the option', (value, shown) => {
    expect(() => read({ expiringWithinDays: value })).toThrow(
      `reliability.notifications.expiringWithinDays must be a whole number of days from 1 to 366, not ${shown}`,
    );
  });
});
