import { errorBudget } from './errorBudget';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('errorBudget: one definition of the budget for every budgeting method', () => {
  it('Occurrences: events, and the same budget as minutes of full outage (99.9 % over 28 days = 40.32 min)', () => {
    // 4,032,000 requests, 2,016 of them bad: half the budget of 4,032 events.
    expect(
      errorBudget({
        method: 'Occurrences',
        target: 0.999,
        windowMs: 28 * DAY,
        sli: 1 - 2_016 / 4_032_000,
        failed: { bad: 2_016, of: 4_032_000 },
      }),
    ).toEqual({
      unit: 'events',
      total: 4_032,
      consumed: 2_016,
      remaining: 2_016,
      remainingFraction: 0.5,
      overspent: false,
      outageMinutes: { total: 40.32, consumed: 20.16, remaining: 20.16 },
    });
  });

  it('Timeslices: bad slices of the slices with data, scaled to the window', () => {
    // 30 days of 1-day slices; 20 with data, one bad: 5 % of the window is spent.
    expect(
      errorBudget({
        method: 'Timeslices',
        target: 0.9,
        windowMs: 30 * DAY,
        sli: 19 / 20,
        failed: { bad: 1, of: 20 },
      }),
    ).toEqual({
      unit: 'minutes',
      total: 4_320,
      consumed: 2_160,
      remaining: 2_160,
      remainingFraction: 0.5,
      overspent: false,
      outageMinutes: { total: 4_320, consumed: 2_160, remaining: 2_160 },
    });
  });

  it('RatioTimeslices: a 50 % slice spends half its length, so the minutes agree with the fraction', () => {
    // One day of 1-day slices at a 99 % target: the slice's ratio is 0.995, half the budget.
    // Counting the whole slice as bad said "1,440 of 1,440 minutes spent" beside 50 % left.
    const budget = errorBudget({
      method: 'RatioTimeslices',
      target: 0.99,
      windowMs: DAY,
      sli: 0.995,
      failed: { bad: 1 - 0.995, of: 1 },
    });
    expect(budget).toEqual({
      unit: 'minutes',
      total: 14.4,
      consumed: 7.2,
      remaining: 7.2,
      remainingFraction: 0.5,
      overspent: false,
      outageMinutes: { total: 14.4, consumed: 7.2, remaining: 7.2 },
    });
  });

  it.each([
    ['Occurrences', { bad: 300, of: 100_000 }, 0.997, 'events', 100, 300, -200],
    ['Timeslices', { bad: 3, of: 1_000 }, 0.997, 'minutes', 43.2, 129.6, -86.4],
  ] as const)(
    '%s overspent: consumed ÷ total is 1 − remaining fraction',
    (method, failed, sli, unit, total, consumed, remaining) => {
      const budget = errorBudget({
        method,
        target: 0.999,
        windowMs: 30 * DAY,
        sli,
        failed,
      });
      expect(budget).toMatchObject({
        unit,
        total,
        consumed,
        remaining,
        remainingFraction: -2,
        overspent: true,
      });
      expect(budget.consumed! / budget.total!).toBeCloseTo(
        1 - budget.remainingFraction!,
        12,
      );
    },
  );

  it('has no amounts without data', () => {
    expect(
      errorBudget({
        method: 'Occurrences',
        target: 0.999,
        windowMs: 30 * DAY,
        sli: undefined,
      }),
    ).toEqual({ unit: 'events', overspent: false });
  });
});
