import {
  budgetSpentByBurn,
  burnRate,
  burnRateForBudgetShare,
  consumedBudget,
  errorBudgetEvents,
  errorBudgetFraction,
  errorBudgetMinutes,
  isOverspent,
  projectedExhaustion,
  remainingBudget,
  sliFromCounts,
} from './budget';
import { BURN_RATE_WINDOWS_MS, burnRateAlerts } from './burnRateAlerts';
import {
  DEFAULT_ERROR_BUDGET_POLICY,
  budgetAlertLevel,
  policyState,
  worstPolicyState,
} from './policy';
import {
  meetsThreshold,
  ratioTimeslicesSli,
  sliceVerdict,
  timeslicesSli,
} from './timeslices';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('error budget (golden values of PRODUCT.md)', () => {
  it.each([
    [0.999, 30 * DAY, 0.001, 43.2],
    [0.9999, 30 * DAY, 0.0001, 4.32],
    [0.995, 30 * DAY, 0.005, 216],
    [0.99, 28 * DAY, 0.01, 403.2],
    [0.9995, 7 * DAY, 0.0005, 5.04],
  ])(
    'target %p over %p ms: fraction %p, %p minutes',
    (target, window, fraction, minutes) => {
      expect(errorBudgetFraction(target)).toBe(fraction);
      expect(errorBudgetMinutes(target, window)).toBe(minutes);
    },
  );

  it.each([[1], [0], [1.5], [-0.1], [NaN]])(
    'rejects target %p (no budget or no meaning)',
    target => {
      expect(() => errorBudgetFraction(target)).toThrow(
        `target must be in (0, 1), got ${target}`,
      );
    },
  );

  it.each([
    [0.999, 1_000_000, 1000],
    [0.99, 250, 2.5],
    [0.999, 0, undefined],
  ])(
    'target %p with %p events allows %p bad events',
    (target, total, events) => {
      expect(errorBudgetEvents(target, total)).toBe(events);
    },
  );
});

describe('SLI, remaining budget and overspending', () => {
  it.each([
    // good, total, target → SLI, remaining, consumed, overspent
    [999_500, 1_000_000, 0.999, 0.9995, 0.5, 0.5, false],
    [1_000_000, 1_000_000, 0.999, 1, 1, 0, false],
    [999_000, 1_000_000, 0.999, 0.999, 0, 1, false],
    [998_000, 1_000_000, 0.999, 0.998, -1, 2, true],
    [9_990, 10_000, 0.9999, 0.999, -9, 10, true],
    // A full 1-hour outage of a 99.9 %/30 d SLO with even traffic: 1/720 of events fail.
    [719, 720, 0.999, 0.998611111111, -0.388888888889, 1.388888888889, true],
  ])(
    '%p good of %p at %p',
    (good, total, target, sli, remaining, consumed, overspent) => {
      const measured = sliFromCounts(good, total);
      expect(measured).toBeCloseTo(sli, 12);
      expect(remainingBudget(measured, target)).toBe(remaining);
      expect(consumedBudget(remainingBudget(measured, target))).toBe(consumed);
      expect(isOverspent(remainingBudget(measured, target))).toBe(overspent);
    },
  );

  it('treats no traffic as no data: never 100 %, never 0 %, never NaN', () => {
    expect(sliFromCounts(0, 0)).toBeUndefined();
    expect(sliFromCounts(5, 0)).toBeUndefined();
    expect(sliFromCounts(NaN, 10)).toBeUndefined();
    expect(remainingBudget(undefined, 0.999)).toBeUndefined();
    expect(burnRate(undefined, 0.999)).toBeUndefined();
    expect(burnRate(NaN, 0.999)).toBeUndefined();
    expect(policyState(undefined, DEFAULT_ERROR_BUDGET_POLICY)).toBe('nodata');
  });
});

describe('burn rates and multiwindow alerts', () => {
  it.each([
    [0.0144, 0.999, 14.4],
    [0.006, 0.999, 6],
    [0.003, 0.999, 3],
    [0.001, 0.999, 1],
    [0, 0.999, 0],
    [0.001, 0.9999, 10],
  ])('error ratio %p at target %p burns at %p×', (ratio, target, rate) => {
    expect(burnRate(ratio, target)).toBe(rate);
  });

  it('uses the workbook thresholds for a 30-day window: 14.4/6/3/1 over 1h/5m, 6h/30m, 1d/2h, 3d/6h', () => {
    expect(burnRateAlerts(30 * DAY)).toEqual([
      {
        severity: 'page',
        longWindowMs: HOUR,
        shortWindowMs: 5 * MINUTE,
        budgetShare: 0.02,
        burnRate: 14.4,
      },
      {
        severity: 'page',
        longWindowMs: 6 * HOUR,
        shortWindowMs: 30 * MINUTE,
        budgetShare: 0.05,
        burnRate: 6,
      },
      {
        severity: 'ticket',
        longWindowMs: DAY,
        shortWindowMs: 2 * HOUR,
        budgetShare: 0.1,
        burnRate: 3,
      },
      {
        severity: 'ticket',
        longWindowMs: 3 * DAY,
        shortWindowMs: 6 * HOUR,
        budgetShare: 0.1,
        burnRate: 1,
      },
    ]);
  });

  it.each([
    [14.4, HOUR, 30 * DAY, 0.02],
    [6, 6 * HOUR, 30 * DAY, 0.05],
    [3, DAY, 30 * DAY, 0.1],
    [1, 3 * DAY, 30 * DAY, 0.1],
  ])(
    '%p× over %p ms of a %p ms window spends %p of the budget',
    (rate, lookback, window, share) => {
      expect(budgetSpentByBurn(rate, lookback, window)).toBe(share);
    },
  );

  it('scales thresholds for other windows by keeping the budget share', () => {
    expect(burnRateAlerts(28 * DAY).map(a => a.burnRate)).toEqual([
      13.44, 5.6, 2.8, 0.933333333333,
    ]);
    expect(burnRateAlerts(7 * DAY).map(a => a.burnRate)).toEqual([
      3.36, 1.4, 0.7, 0.233333333333,
    ]);
    expect(burnRateForBudgetShare(0.02, HOUR, 30 * DAY)).toBe(14.4);
  });

  it('evaluates burn rates over 5m, 30m, 1h, 2h, 6h, 1d and 3d', () => {
    expect(BURN_RATE_WINDOWS_MS).toEqual([
      5 * MINUTE,
      30 * MINUTE,
      HOUR,
      2 * HOUR,
      6 * HOUR,
      DAY,
      3 * DAY,
    ]);
  });
});

describe('projected exhaustion', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  it.each([
    [0.5, 1, 30 * DAY, '2026-12-08T12:00:00.000Z'],
    [0.5, 2, 30 * DAY, '2026-12-01T00:00:00.000Z'],
    [1, 14.4, 30 * DAY, '2026-11-25T14:00:00.000Z'],
  ])(
    '%p remaining burning at %p× over %p ms runs out at %s',
    (remaining, rate, window, at) => {
      expect(
        new Date(
          projectedExhaustion(remaining, rate, window, now)!,
        ).toISOString(),
      ).toBe(at);
    },
  );

  it.each([
    [0.5, 0],
    [0.5, undefined],
    [undefined, 2],
    [-0.2, 2],
  ])('is undefined for remaining %p at rate %p', (remaining, rate) => {
    expect(projectedExhaustion(remaining, rate, 30 * DAY, now)).toBeUndefined();
  });
});

describe('error-budget policy (defaults of the reference policy)', () => {
  it.each([
    [1, 'green', undefined],
    [0.5, 'green', undefined],
    [0.4999, 'yellow', undefined],
    [0.25, 'yellow', 'warning'],
    [0.1, 'yellow', 'critical'],
    [0.0999, 'red', 'critical'],
    [-0.3889, 'red', 'critical'],
  ] as const)('remaining %p is %s (alert %p)', (remaining, state, alert) => {
    expect(policyState(remaining, DEFAULT_ERROR_BUDGET_POLICY)).toBe(state);
    expect(budgetAlertLevel(remaining, DEFAULT_ERROR_BUDGET_POLICY)).toBe(
      alert,
    );
  });

  it('prescribes deploys per day and actions per state', () => {
    const { green, yellow, red } = DEFAULT_ERROR_BUDGET_POLICY;
    expect([
      green.maxDeploysPerDay,
      yellow.maxDeploysPerDay,
      red.maxDeploysPerDay,
    ]).toEqual([2, 1, 0]);
    expect([
      green.deployAllowed,
      yellow.deployAllowed,
      red.deployAllowed,
    ]).toEqual([true, true, false]);
    expect(yellow.actions).toContain('Require staging validation');
    expect(red.actions).toEqual(
      expect.arrayContaining([
        'Feature freeze',
        'Emergency fixes only',
        'Incident review required',
      ]),
    );
  });

  it('rates an entity by its worst SLO', () => {
    expect(worstPolicyState(['green', 'yellow', 'nodata'])).toBe('yellow');
    expect(worstPolicyState(['green', 'red'])).toBe('red');
    expect(worstPolicyState(['nodata'])).toBe('nodata');
    expect(worstPolicyState([])).toBe('nodata');
  });
});

describe('Timeslices and RatioTimeslices', () => {
  it('judges ratio slices against timeSliceTarget and threshold slices against op/value', () => {
    expect(
      sliceVerdict({ good: 95, total: 100 }, { timeSliceTarget: 0.95 }),
    ).toBe('good');
    expect(
      sliceVerdict({ good: 94, total: 100 }, { timeSliceTarget: 0.95 }),
    ).toBe('bad');
    expect(sliceVerdict({ good: 0, total: 0 }, { timeSliceTarget: 0.95 })).toBe(
      'nodata',
    );
    expect(sliceVerdict({ value: 0.25 }, { op: 'lte', threshold: 0.3 })).toBe(
      'good',
    );
    expect(sliceVerdict({ value: 0.31 }, { op: 'lte', threshold: 0.3 })).toBe(
      'bad',
    );
    expect(sliceVerdict({ value: NaN }, { op: 'lte', threshold: 0.3 })).toBe(
      'nodata',
    );
    expect([
      meetsThreshold(1, 'lt', 1),
      meetsThreshold(1, 'gte', 1),
      meetsThreshold(2, 'gt', 1),
    ]).toEqual([false, true, true]);
  });

  it('counts good slices among slices with data', () => {
    // 43 200 one-minute slices in 30 days; 60 bad ones (a 1-hour outage) → 99.8611 %.
    const verdicts = [
      ...Array(43_140).fill('good'),
      ...Array(60).fill('bad'),
      ...Array(100).fill('nodata'),
    ];
    expect(timeslicesSli(verdicts)).toBeCloseTo(0.998611111111, 12);
    expect(remainingBudget(timeslicesSli(verdicts), 0.999)).toBe(
      -0.388888888889,
    );
    expect(timeslicesSli(['nodata', 'nodata'])).toBeUndefined();
  });

  it('averages per-slice ratios for RatioTimeslices (unlike request-weighted Occurrences)', () => {
    const slices = [
      { good: 1, total: 1 },
      { good: 900, total: 1000 },
      { good: 0, total: 0 },
    ];
    expect(ratioTimeslicesSli(slices)).toBeCloseTo(0.95, 12);
    expect(sliFromCounts(901, 1001)).toBeCloseTo(0.9000999, 6);
    expect(ratioTimeslicesSli([{ good: 0, total: 0 }])).toBeUndefined();
  });
});
