import {
  DEFAULT_ERROR_BUDGET_POLICY,
  SloFigures,
  policyState,
} from '@reliability-suite/plugin-reliability-common';
import {
  DEFAULT_SEVERITIES,
  NotificationSettings,
} from './notificationSettings';
import { budgetNotice, burnNotice, percent } from './sloNotices';
import { BASELINE_BUDGET, budgetState, burnState } from './sloStates';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
const policy = DEFAULT_ERROR_BUDGET_POLICY;
const settings: NotificationSettings = {
  enabled: true,
  events: {
    budget: true,
    fastBurn: true,
    reviews: true,
    expiring: true,
    drTests: true,
  },
  expiringWithinDays: 14,
  severity: { ...DEFAULT_SEVERITIES },
};
const subject = {
  entityRef: 'component:default/checkout',
  entityLabel: 'checkout',
  sloLabel: 'availability',
  sloName: 'availability',
  link: '/catalog/default/component/checkout/reliability',
};

function figures(
  remaining: number,
  burn: { oneHour?: number; fiveMinutes?: number } = {},
): SloFigures {
  return {
    target: 0.999,
    sli: 0.9995,
    attained: remaining >= 0,
    windowStart: 0,
    windowEnd: 30 * DAY,
    budget: {
      unit: 'events',
      remainingFraction: remaining,
      overspent: remaining < 0,
    },
    burnRates: [
      { windowMs: 5 * MINUTE, rate: burn.fiveMinutes ?? 0.5 },
      { windowMs: HOUR, rate: burn.oneHour ?? 0.5 },
    ],
    policyState: policyState(remaining, DEFAULT_ERROR_BUDGET_POLICY),
    history: [],
    measuredAt: 30 * DAY,
  };
}

const budget = (from: number | undefined, to: number) => {
  const previous =
    from === undefined ? BASELINE_BUDGET : budgetState(figures(from), policy)!;
  const next = budgetState(figures(to), policy)!;
  return budgetNotice(subject, previous, next, figures(to), policy, settings);
};

describe('budget notifications', () => {
  it('says a service entered feature freeze with what is left, as critical-level (high) news', () => {
    expect(budget(0.3, 0.08)).toEqual({
      title:
        'checkout entered feature freeze: availability has 8 % of its budget left',
      description:
        'Error-budget policy: Feature freeze: emergency fixes only. Warning at 25 %, critical at 10 % of the budget left.',
      link: '/catalog/default/component/checkout/reliability',
      severity: 'high',
      topic: 'Error budget',
      scope: 'reliability/budget/component:default/checkout/availability',
    });
  });

  it('names each crossing once: increased caution, the warning level, running out', () => {
    expect(budget(0.8, 0.4)?.title).toBe(
      'checkout entered increased caution: availability has 40 % of its budget left',
    );
    expect(budget(0.4, 0.2)).toMatchObject({
      title:
        'checkout crossed the warning level (25 %): availability has 20 % of its budget left',
      severity: 'normal',
    });
    expect(budget(0.08, -0.12)).toMatchObject({
      title:
        'checkout ran out of error budget: availability is out of budget (overspent by 12 %)',
      severity: 'critical',
    });
  });

  it('sends a recovery as low news', () => {
    expect(budget(0.08, 0.6)).toMatchObject({
      title:
        'checkout is back to normal operations: availability has 60 % of its budget left',
      severity: 'low',
    });
    expect(budget(0.08, 0.3)?.title).toBe(
      'checkout left feature freeze for increased caution: availability has 30 % of its budget left',
    );
    expect(budget(0.2, 0.3)?.title).toBe(
      'checkout recovered above the warning level (25 %): availability has 30 % of its budget left',
    );
  });

  it('says nothing while the state holds, or for an SLO first seen within budget', () => {
    expect(budget(0.3, 0.28)).toBeUndefined();
    expect(budget(undefined, 0.9)).toBeUndefined();
    expect(budget(undefined, 0.05)?.title).toBe(
      'checkout entered feature freeze: availability has 5 % of its budget left',
    );
  });

  it('has no budget state without a measured budget', () => {
    expect(
      budgetState(
        { ...figures(0.5), budget: { unit: 'events', overspent: false } },
        policy,
      ),
    ).toBeUndefined();
    expect(burnState({ ...figures(0.5), sli: undefined })).toBeUndefined();
  });
});

describe('burn notifications', () => {
  it('tells when a page-level burn-rate alert starts firing, with the rate and threshold', () => {
    const burning = figures(0.7, { oneHour: 20, fiveMinutes: 25 });
    expect(burnState(burning)).toBe('fast');
    expect(burnNotice(subject, 'calm', 'fast', burning, settings)).toEqual({
      title:
        'checkout is burning its error budget fast: availability burns 20× over 1 h (pages above 14.4×)',
      description:
        "At this rate 2 % of the window's budget is spent in 1 h; availability has 70 % of its budget left.",
      link: '/catalog/default/component/checkout/reliability',
      severity: 'high',
      topic: 'Fast burn',
      scope: 'reliability/burn/component:default/checkout/availability',
    });
  });

  it('does not call a burn fast when only the long window burns (as the rules compare)', () => {
    expect(burnState(figures(0.7, { oneHour: 20, fiveMinutes: 1 }))).toBe(
      'calm',
    );
  });

  it('sends the end of a fast burn once, as low news', () => {
    const calm = figures(0.66);
    expect(burnNotice(subject, 'fast', 'calm', calm, settings)).toMatchObject({
      title: 'checkout: availability no longer burns its error budget fast',
      description:
        'No page-level burn-rate alert fires any more; availability has 66 % of its budget left.',
      severity: 'low',
    });
    expect(burnNotice(subject, 'calm', 'calm', calm, settings)).toBeUndefined();
  });
});

describe('percent', () => {
  it('writes whole percents, and one decimal below 1 %', () => {
    expect([0.08, 0.254, -0.12, 0.004, 1].map(percent)).toEqual([
      '8 %',
      '25 %',
      '12 %',
      '0.4 %',
      '100 %',
    ]);
  });
});
