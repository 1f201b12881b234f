import { SloFigures } from '../status';
import { sloBudgetStatus, worstBudgetStatus } from './budgetStatus';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A measured 30-day SLO with the given burn rates per window (others at 0). */
function figures(rates: Record<number, number | undefined>): SloFigures {
  const windows = [
    5 * MINUTE,
    30 * MINUTE,
    HOUR,
    2 * HOUR,
    6 * HOUR,
    DAY,
    3 * DAY,
  ];
  return {
    target: 0.999,
    sli: 0.9995,
    attained: true,
    windowStart: 0,
    windowEnd: 30 * DAY,
    budget: { unit: 'events', overspent: false },
    burnRates: windows.map(windowMs => ({
      windowMs,
      rate: windowMs in rates ? rates[windowMs] : 0,
    })),
    policyState: 'green',
    history: [],
    measuredAt: 30 * DAY,
  };
}

describe('sloBudgetStatus (30-day SLO: page 14.4× 1h/5m, 6× 6h/30m; ticket 3× 1d/2h, 1× 3d/6h)', () => {
  it.each([
    [
      '14.5× over 1 h and 20× over 5 m',
      { [HOUR]: 14.5, [5 * MINUTE]: 20 },
      'burning_fast',
    ],
    [
      '6.1× over 6 h and 6.5× over 30 m',
      { [6 * HOUR]: 6.1, [30 * MINUTE]: 6.5 },
      'burning_fast',
    ],
    [
      '1 h at 14.4× but the 5 m window has recovered',
      { [HOUR]: 14.4, [5 * MINUTE]: 0.5 },
      'on_track',
    ],
    [
      '14.3× over 1 h and 5 m (just under)',
      { [HOUR]: 14.3, [5 * MINUTE]: 14.3 },
      'on_track',
    ],
    [
      'exactly 14.4× over 1 h and 5 m (Prometheus compares with >)',
      { [HOUR]: 14.4, [5 * MINUTE]: 14.4 },
      'on_track',
    ],
    ['3.1× over 1 d and 2 h', { [DAY]: 3.1, [2 * HOUR]: 3.2 }, 'burning_slow'],
    [
      '1.05× over 3 d and 1.1× over 6 h',
      { [3 * DAY]: 1.05, [6 * HOUR]: 1.1 },
      'burning_slow',
    ],
    [
      'exactly 1× over 3 d and 6 h',
      { [3 * DAY]: 1, [6 * HOUR]: 1 },
      'on_track',
    ],
    ['0.9× over 3 d and 6 h', { [3 * DAY]: 0.9, [6 * HOUR]: 0.9 }, 'on_track'],
    [
      'no traffic in the long window',
      { [HOUR]: undefined, [5 * MINUTE]: 30 },
      'on_track',
    ],
  ])('%s → %s', (_label, rates, expected) => {
    expect(sloBudgetStatus(figures(rates))).toBe(expected);
  });

  it('is no_data without figures or without an SLI', () => {
    expect(sloBudgetStatus(undefined)).toBe('no_data');
    expect(sloBudgetStatus({ ...figures({}), sli: undefined })).toBe('no_data');
  });

  it('scales thresholds to a 7-day window (page above 3.36× over 1 h)', () => {
    const weekly = (rate: number) => ({
      ...figures({ [HOUR]: rate, [5 * MINUTE]: 4 }),
      windowEnd: 7 * DAY,
    });
    expect(sloBudgetStatus(weekly(3.37))).toBe('burning_fast');
    expect(sloBudgetStatus(weekly(3.36))).toBe('on_track');
  });

  it('is out_of_budget once the budget is spent, burning or not, outranking every burn status', () => {
    const spent = (rates: Record<number, number>) => ({
      ...figures(rates),
      sli: 0.998,
      budget: {
        unit: 'events' as const,
        total: 100,
        consumed: 200,
        remaining: -100,
        remainingFraction: -1,
        overspent: true,
      },
    });
    expect(sloBudgetStatus(spent({}))).toBe('out_of_budget');
    expect(sloBudgetStatus(spent({ [HOUR]: 20, [5 * MINUTE]: 20 }))).toBe(
      'out_of_budget',
    );
  });
});

describe('worstBudgetStatus', () => {
  it.each([
    [[], 'no_data'],
    [['on_track', 'no_data'], 'on_track'],
    [['on_track', 'burning_slow'], 'burning_slow'],
    [['burning_slow', 'burning_fast', 'on_track'], 'burning_fast'],
    [['burning_fast', 'out_of_budget', 'no_data'], 'out_of_budget'],
  ] as const)('%j → %s', (statuses, expected) => {
    expect(worstBudgetStatus([...statuses])).toBe(expected);
  });
});
