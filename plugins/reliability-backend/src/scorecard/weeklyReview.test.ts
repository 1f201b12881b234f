import {
  ReadinessEvent,
  ScorecardRow,
  WeeklyReviewService,
} from '@reliability-suite/plugin-reliability-common';
import { DailySnapshot } from '../store/ScorecardStore';
import { isoWeekBounds, weeklyReview } from './weeklyReview';

const utc = (iso: string) => Date.parse(iso);

describe('isoWeekBounds', () => {
  // Far from every week below: a given week must not depend on `now`.
  const elsewhere = utc('2031-07-16T12:00:00Z');

  it.each([
    [
      'a week in the middle of the year',
      '2026-W48',
      {
        week: '2026-W48',
        start: '2026-11-23',
        end: '2026-11-29',
        previousEnd: '2026-11-22',
        startMs: utc('2026-11-23T00:00:00Z'),
        endMs: utc('2026-11-30T00:00:00Z'),
      },
    ],
    [
      'week 1 starting in the previous calendar year',
      '2026-W01',
      {
        week: '2026-W01',
        start: '2025-12-29',
        end: '2026-01-04',
        previousEnd: '2025-12-28',
        startMs: utc('2025-12-29T00:00:00Z'),
        endMs: utc('2026-01-05T00:00:00Z'),
      },
    ],
    [
      'week 53 of a year with 53 ISO weeks, ending in the next year',
      '2026-W53',
      {
        week: '2026-W53',
        start: '2026-12-28',
        end: '2027-01-03',
        previousEnd: '2026-12-27',
        startMs: utc('2026-12-28T00:00:00Z'),
        endMs: utc('2027-01-04T00:00:00Z'),
      },
    ],
    [
      'the week after week 53',
      '2027-W01',
      {
        week: '2027-W01',
        start: '2027-01-04',
        end: '2027-01-10',
        previousEnd: '2027-01-03',
        startMs: utc('2027-01-04T00:00:00Z'),
        endMs: utc('2027-01-11T00:00:00Z'),
      },
    ],
    [
      'week 1 starting on 30 December',
      '2025-W01',
      {
        week: '2025-W01',
        start: '2024-12-30',
        end: '2025-01-05',
        previousEnd: '2024-12-29',
        startMs: utc('2024-12-30T00:00:00Z'),
        endMs: utc('2025-01-06T00:00:00Z'),
      },
    ],
    [
      'a week over 29 February',
      '2024-W09',
      {
        week: '2024-W09',
        start: '2024-02-26',
        end: '2024-03-03',
        previousEnd: '2024-02-25',
        startMs: utc('2024-02-26T00:00:00Z'),
        endMs: utc('2024-03-04T00:00:00Z'),
      },
    ],
    [
      'a week ending on the US DST change (UTC throughout)',
      '2026-W44',
      {
        week: '2026-W44',
        start: '2026-10-26',
        end: '2026-11-01',
        previousEnd: '2026-10-25',
        startMs: utc('2026-10-26T00:00:00Z'),
        endMs: utc('2026-11-02T00:00:00Z'),
      },
    ],
  ])('gives Monday to Sunday of %s', (_label, week, expected) => {
    expect(isoWeekBounds(week, elsewhere)).toStrictEqual(expected);
  });

  const week48 = {
    week: '2026-W48',
    start: '2026-11-23',
    end: '2026-11-29',
    previousEnd: '2026-11-22',
    startMs: utc('2026-11-23T00:00:00Z'),
    endMs: utc('2026-11-30T00:00:00Z'),
  };
  const week49 = {
    week: '2026-W49',
    start: '2026-11-30',
    end: '2026-12-06',
    previousEnd: '2026-11-29',
    startMs: utc('2026-11-30T00:00:00Z'),
    endMs: utc('2026-12-07T00:00:00Z'),
  };

  it.each([
    ['on a Wednesday afternoon', '2026-11-25T13:45:00Z', week48],
    ['at the first millisecond of Monday', '2026-11-23T00:00:00.000Z', week48],
    ['at the last millisecond of Sunday', '2026-11-29T23:59:59.999Z', week48],
    ['at midnight after Sunday', '2026-11-30T00:00:00.000Z', week49],
    [
      'late on Sunday in New York, already Monday in UTC',
      '2026-11-29T23:30:00-05:00',
      week49,
    ],
    [
      'on New Year’s Day in week 53 of the previous year',
      '2027-01-01T08:00:00Z',
      {
        week: '2026-W53',
        start: '2026-12-28',
        end: '2027-01-03',
        previousEnd: '2026-12-27',
        startMs: utc('2026-12-28T00:00:00Z'),
        endMs: utc('2027-01-04T00:00:00Z'),
      },
    ],
    [
      'on New Year’s Day in week 1 of the new year',
      '2026-01-01T08:00:00Z',
      {
        week: '2026-W01',
        start: '2025-12-29',
        end: '2026-01-04',
        previousEnd: '2025-12-28',
        startMs: utc('2025-12-29T00:00:00Z'),
        endMs: utc('2026-01-05T00:00:00Z'),
      },
    ],
  ])(
    'defaults to the week containing now (UTC) %s',
    (_label, now, expected) => {
      expect(isoWeekBounds(undefined, utc(now))).toStrictEqual(expected);
    },
  );

  it('rejects a week the year does not have', () => {
    expect(() => isoWeekBounds('2025-W53', 0)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringMatching(/^week 2025-W53 does not exist: /),
      }),
    );
  });
});

const payments = 'group:default/payments';
const search = 'group:default/search';

function row(name: string, fields: Partial<ScorecardRow>): ScorecardRow {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    runbookCount: 1,
    sloCount: 1,
    slosMeetingTarget: 0,
    slosMeasured: 0,
    budgetStatus: 'no_data',
    policyState: 'nodata',
    missing: [],
    updatedAt: utc('2026-11-29T12:00:00Z'),
    degraded: false,
    ...fields,
  };
}

type Day = Omit<DailySnapshot, 'day' | 'entityRef'>;
const onTrack = (budgetRemaining: number, attainment = 1): Day => ({
  budgetStatus: 'on_track',
  policyState: 'green',
  budgetRemaining,
  attainment,
  breachedSlos: 0,
});
const noData: Day = {
  budgetStatus: 'no_data',
  policyState: 'nodata',
  breachedSlos: 0,
};

/** One snapshot a day from `firstDay` on, for a service. */
function daily(name: string, firstDay: string, days: Day[]): DailySnapshot[] {
  return days.map((day, i) => ({
    day: new Date(utc(`${firstDay}T00:00:00Z`) + i * 86_400_000)
      .toISOString()
      .slice(0, 10),
    entityRef: `component:default/${name}`,
    ...day,
  }));
}

function event(fields: Partial<ReadinessEvent>): ReadinessEvent {
  return {
    id: 1,
    entityRef: 'component:default/checkout',
    type: 'review.approved',
    actor: 'user:default/alice',
    at: utc('2026-11-24T10:00:00Z'),
    data: {},
    ...fields,
  };
}

/** Evaluated every 5 minutes: figures older than 10 minutes are stale. */
const FIVE_MINUTES = 5 * 60_000;
/** Long after every week below: each is judged at its end. */
const clock = {
  now: utc('2027-02-01T00:00:00Z'),
  evaluationIntervalMs: FIVE_MINUTES,
};

describe('weeklyReview', () => {
  const bounds = isoWeekBounds('2026-W48', 0);
  const previousMonday = '2026-11-16';
  const monday = '2026-11-23';

  const rows = [
    row('checkout', {
      title: 'Checkout',
      tier: 1,
      owner: payments,
      sloCount: 2,
    }),
    row('ledger', { tier: 0, owner: payments }),
    row('billing', { tier: 2, owner: payments }),
    row('search-api', {
      title: 'Search API',
      tier: 1,
      owner: search,
      sloCount: 3,
    }),
    row('inventory', { tier: 2, owner: search }),
    row('recommendations', { tier: 3, owner: search }),
    // Not on the agenda: no SLOs (though it has snapshots)…
    row('autocomplete', { tier: 3, owner: search, sloCount: 0 }),
    // …and SLOs but no snapshot this week.
    row('fraud', { tier: 1, owner: payments }),
  ];

  const snapshots: DailySnapshot[] = [
    // Two weeks before: older than the previous week's last snapshot, never compared with.
    ...daily('checkout', '2026-11-09', [onTrack(0.125, 0)]),
    // checkout: on track both weeks; breached two SLOs on Thursday, recovered by Sunday.
    ...daily('checkout', previousMonday, [
      onTrack(1),
      onTrack(0.875),
      onTrack(0.875),
      onTrack(0.75),
      onTrack(0.75),
      onTrack(0.75),
      onTrack(0.75),
    ]),
    ...daily('checkout', monday, [
      onTrack(0.75),
      onTrack(0.75),
      { ...onTrack(0.625, 0.5), breachedSlos: 1 },
      {
        budgetStatus: 'burning_slow',
        policyState: 'yellow',
        budgetRemaining: 0.5,
        attainment: 0,
        breachedSlos: 2,
      },
      { ...onTrack(0.5, 0.5), breachedSlos: 1 },
      onTrack(0.5, 0.5),
      onTrack(0.5, 0.5),
    ]),
    // After the week: ignored.
    ...daily('checkout', '2026-11-30', [
      {
        budgetStatus: 'out_of_budget',
        policyState: 'red',
        budgetRemaining: -1,
        attainment: 0,
        breachedSlos: 2,
      },
    ]),
    // ledger: burning slowly last week, into feature freeze from Friday.
    ...daily('ledger', previousMonday, [
      onTrack(0.5),
      {
        budgetStatus: 'burning_slow',
        policyState: 'yellow',
        budgetRemaining: 0.25,
        attainment: 1,
        breachedSlos: 0,
      },
    ]),
    ...daily('ledger', monday, [
      {
        budgetStatus: 'burning_slow',
        policyState: 'yellow',
        budgetRemaining: 0.125,
        attainment: 1,
        breachedSlos: 0,
      },
      {
        budgetStatus: 'burning_slow',
        policyState: 'yellow',
        budgetRemaining: 0,
        attainment: 1,
        breachedSlos: 0,
      },
      {
        budgetStatus: 'burning_fast',
        policyState: 'yellow',
        budgetRemaining: 0,
        attainment: 0,
        breachedSlos: 1,
      },
      {
        budgetStatus: 'out_of_budget',
        policyState: 'red',
        budgetRemaining: -0.25,
        attainment: 0,
        breachedSlos: 1,
      },
      {
        budgetStatus: 'out_of_budget',
        policyState: 'red',
        budgetRemaining: -0.5,
        attainment: 0,
        breachedSlos: 1,
      },
    ]),
    // billing: as healthy as checkout at the end of the week (ties broken by entity ref).
    // A breach last week is not one of this week's.
    ...daily('billing', previousMonday, [{ ...onTrack(0.5), breachedSlos: 1 }]),
    ...daily('billing', monday, [onTrack(0.5), onTrack(0.5)]),
    // search-api: in freeze last week, out of it this week.
    ...daily('search-api', '2026-11-21', [
      {
        budgetStatus: 'out_of_budget',
        policyState: 'red',
        budgetRemaining: -0.25,
        attainment: 0,
        breachedSlos: 3,
      },
      {
        budgetStatus: 'out_of_budget',
        policyState: 'red',
        budgetRemaining: -0.25,
        attainment: 0,
        breachedSlos: 3,
      },
    ]),
    ...daily('search-api', monday, [
      {
        budgetStatus: 'out_of_budget',
        policyState: 'red',
        budgetRemaining: -0.125,
        attainment: 0,
        breachedSlos: 3,
      },
      {
        budgetStatus: 'burning_slow',
        policyState: 'yellow',
        budgetRemaining: 0.125,
        attainment: 2 / 3,
        breachedSlos: 1,
      },
    ]),
    // inventory: first measured on Wednesday, so nothing to compare with.
    ...daily('inventory', '2026-11-25', [
      {
        budgetStatus: 'burning_slow',
        policyState: 'yellow',
        budgetRemaining: 0.0625,
        attainment: 1,
        breachedSlos: 0,
      },
    ]),
    // recommendations: never measured.
    ...daily('recommendations', previousMonday, [noData]),
    ...daily('recommendations', monday, [noData, noData, noData]),
    ...daily('autocomplete', monday, [
      {
        budgetStatus: 'out_of_budget',
        policyState: 'red',
        budgetRemaining: -1,
        attainment: 0,
        breachedSlos: 1,
      },
    ]),
    ...daily('fraud', previousMonday, [
      {
        budgetStatus: 'out_of_budget',
        policyState: 'red',
        budgetRemaining: -1,
        attainment: 0,
        breachedSlos: 1,
      },
    ]),
    // An entity without a row (gone, or not visible to the caller).
    ...daily('ghost', monday, [
      {
        budgetStatus: 'out_of_budget',
        policyState: 'red',
        budgetRemaining: -1,
        attainment: 0,
        breachedSlos: 1,
      },
    ]),
  ].sort(
    (a, b) =>
      a.day.localeCompare(b.day) || a.entityRef.localeCompare(b.entityRef),
  );

  const decisions = [
    event({
      id: 7,
      entityRef: 'component:default/ledger',
      type: 'review.blocked',
      actor: 'user:default/bob',
      at: utc('2026-11-26T09:30:00Z'),
      reviewId: 3,
      data: { reason: 'No runbook for the ledger failover', comment: 'later' },
    }),
    event({
      id: 9,
      entityRef: 'component:default/checkout',
      type: 'review.approved',
      actor: 'user:default/alice',
      at: utc('2026-11-27T16:00:00Z'),
      reviewId: 4,
      data: { comment: 'Ship it' },
    }),
  ];

  const service = (
    fields: Omit<WeeklyReviewService, 'inFreeze' | 'stale'> & {
      inFreeze?: boolean;
      stale?: boolean;
    },
  ): WeeklyReviewService => ({
    inFreeze: false,
    stale: false,
    staleBecause: undefined,
    measuredAt: undefined,
    ...fields,
  });

  it('puts every service with SLOs on the agenda, burning fastest first', () => {
    const review = weeklyReview(bounds, rows, snapshots, decisions, clock);
    expect(review.services.map(s => s.name)).toStrictEqual([
      'ledger',
      'inventory',
      'search-api',
      'billing',
      'checkout',
      'recommendations',
    ]);
  });

  it('gives each service its status at the end of the week, worst breaches and change since last week', () => {
    const review = weeklyReview(bounds, rows, snapshots, decisions, clock);
    expect(review).toStrictEqual({
      week: '2026-W48',
      start: '2026-11-23',
      end: '2026-11-29',
      counts: {
        outOfBudget: 1,
        burningFast: 0,
        burningSlow: 2,
        onTrack: 2,
        noData: 1,
        inFreeze: 1,
        withBreaches: 3,
        stale: 0,
      },
      services: [
        service({
          entityRef: 'component:default/ledger',
          name: 'ledger',
          title: undefined,
          tier: 0,
          owner: payments,
          budgetStatus: 'out_of_budget',
          policyState: 'red',
          inFreeze: true,
          budgetRemaining: -0.5,
          budgetRemainingChange: -0.75,
          attainment: 0,
          attainmentChange: -1,
          breachedSlos: 1,
        }),
        service({
          entityRef: 'component:default/inventory',
          name: 'inventory',
          title: undefined,
          tier: 2,
          owner: search,
          budgetStatus: 'burning_slow',
          policyState: 'yellow',
          budgetRemaining: 0.0625,
          budgetRemainingChange: undefined,
          attainment: 1,
          attainmentChange: undefined,
          breachedSlos: 0,
        }),
        service({
          entityRef: 'component:default/search-api',
          name: 'search-api',
          title: 'Search API',
          tier: 1,
          owner: search,
          budgetStatus: 'burning_slow',
          policyState: 'yellow',
          budgetRemaining: 0.125,
          budgetRemainingChange: 0.375,
          attainment: 2 / 3,
          attainmentChange: 2 / 3,
          breachedSlos: 3,
        }),
        service({
          entityRef: 'component:default/billing',
          name: 'billing',
          title: undefined,
          tier: 2,
          owner: payments,
          budgetStatus: 'on_track',
          policyState: 'green',
          budgetRemaining: 0.5,
          budgetRemainingChange: 0,
          attainment: 1,
          attainmentChange: 0,
          breachedSlos: 0,
        }),
        service({
          entityRef: 'component:default/checkout',
          name: 'checkout',
          title: 'Checkout',
          tier: 1,
          owner: payments,
          budgetStatus: 'on_track',
          policyState: 'green',
          budgetRemaining: 0.5,
          budgetRemainingChange: -0.25,
          attainment: 0.5,
          attainmentChange: -0.5,
          breachedSlos: 2,
        }),
        service({
          entityRef: 'component:default/recommendations',
          name: 'recommendations',
          title: undefined,
          tier: 3,
          owner: search,
          budgetStatus: 'no_data',
          policyState: 'nodata',
          budgetRemaining: undefined,
          budgetRemainingChange: undefined,
          attainment: undefined,
          attainmentChange: undefined,
          breachedSlos: 0,
        }),
      ],
      decisions: [
        {
          entityRef: 'component:default/ledger',
          reviewId: 3,
          decision: 'blocked',
          actor: 'user:default/bob',
          at: utc('2026-11-26T09:30:00Z'),
          reason: 'No runbook for the ledger failover',
        },
        {
          entityRef: 'component:default/checkout',
          reviewId: 4,
          decision: 'approved',
          actor: 'user:default/alice',
          at: utc('2026-11-27T16:00:00Z'),
          reason: undefined,
        },
      ],
    });
  });

  it('reads the previous week as the week before, so last week’s review differs', () => {
    const review = weeklyReview(
      isoWeekBounds('2026-W47', 0),
      rows,
      snapshots,
      [],
      clock,
    );
    expect(
      review.services.map(s => [
        s.name,
        s.budgetStatus,
        s.policyState,
        s.inFreeze,
        s.budgetRemaining,
        s.budgetRemainingChange,
        s.breachedSlos,
      ]),
    ).toStrictEqual([
      ['fraud', 'out_of_budget', 'red', true, -1, undefined, 1],
      ['search-api', 'out_of_budget', 'red', true, -0.25, undefined, 3],
      ['ledger', 'burning_slow', 'yellow', false, 0.25, undefined, 0],
      ['billing', 'on_track', 'green', false, 0.5, undefined, 1],
      ['checkout', 'on_track', 'green', false, 0.75, 0.625, 0],
      ['recommendations', 'no_data', 'nodata', false, undefined, undefined, 0],
    ]);
    expect(review.counts).toStrictEqual({
      outOfBudget: 2,
      burningFast: 0,
      burningSlow: 1,
      onTrack: 2,
      noData: 1,
      inFreeze: 2,
      withBreaches: 3,
      stale: 0,
    });
    expect(review.decisions).toStrictEqual([]);
  });

  it('compares a week starting with a new month with the week before', () => {
    const review = weeklyReview(
      isoWeekBounds('2026-W49', 0),
      rows,
      snapshots,
      [],
      clock,
    );
    expect(review).toStrictEqual({
      week: '2026-W49',
      start: '2026-11-30',
      end: '2026-12-06',
      counts: {
        outOfBudget: 1,
        burningFast: 0,
        burningSlow: 0,
        onTrack: 0,
        noData: 0,
        inFreeze: 1,
        withBreaches: 1,
        stale: 0,
      },
      services: [
        service({
          entityRef: 'component:default/checkout',
          name: 'checkout',
          title: 'Checkout',
          tier: 1,
          owner: payments,
          budgetStatus: 'out_of_budget',
          policyState: 'red',
          inFreeze: true,
          budgetRemaining: -1,
          budgetRemainingChange: -1.5,
          attainment: 0,
          attainmentChange: -0.5,
          breachedSlos: 2,
        }),
      ],
      decisions: [],
    });
  });

  it('is empty for a week without snapshots', () => {
    expect(
      weeklyReview(isoWeekBounds('2026-W50', 0), rows, snapshots, [], clock),
    ).toStrictEqual({
      week: '2026-W50',
      start: '2026-12-07',
      end: '2026-12-13',
      counts: {
        outOfBudget: 0,
        burningFast: 0,
        burningSlow: 0,
        onTrack: 0,
        noData: 0,
        inFreeze: 0,
        withBreaches: 0,
        stale: 0,
      },
      services: [],
      decisions: [],
    });
  });
});

describe('weeklyReview of stale figures', () => {
  const bounds = isoWeekBounds('2026-W48', 0);
  const sunday = '2026-11-29';
  const rows = [
    row('checkout', { tier: 1, owner: payments }),
    row('ledger', { tier: 0, owner: payments }),
    row('search-api', { tier: 1, owner: search }),
    row('inventory', { tier: 2, owner: search }),
  ];
  /** Sunday's snapshot of a service, its figures measured at `measuredAt`. */
  const lastOfWeek = (
    name: string,
    measuredAt: string | undefined,
    staleBecause?: 'degraded' | 'old',
  ): DailySnapshot => ({
    day: sunday,
    entityRef: `component:default/${name}`,
    ...onTrack(0.5),
    ...(measuredAt === undefined ? {} : { measuredAt: utc(measuredAt) }),
    ...(staleBecause ? { staleBecause } : {}),
  });
  const snapshots = [
    // Measured a minute before the week ended: current.
    lastOfWeek('checkout', '2026-11-29T23:59:00Z'),
    // Its last evaluation had failed when Sunday was projected.
    lastOfWeek('ledger', '2026-11-29T23:58:00Z', 'degraded'),
    // Projected at 21:00 and never again that week (the pipeline stopped): 3 hours old at its end.
    lastOfWeek('search-api', '2026-11-29T21:00:00Z'),
    // Stale when projected at 21:30 (figures 30 minutes old, when evaluated every 5 minutes).
    lastOfWeek('inventory', '2026-11-29T21:00:00Z', 'old'),
  ];
  const staleness = (review: ReturnType<typeof weeklyReview>) =>
    review.services.map(s => [
      s.name,
      s.stale,
      s.staleBecause,
      s.measuredAt === undefined
        ? undefined
        : new Date(s.measuredAt).toISOString(),
    ]);

  it('marks each service whose last figures of the week were stale at its end, with why and when they were measured', () => {
    const review = weeklyReview(bounds, rows, snapshots, [], clock);
    expect(staleness(review)).toStrictEqual([
      ['checkout', false, undefined, '2026-11-29T23:59:00.000Z'],
      ['inventory', true, 'old', '2026-11-29T21:00:00.000Z'],
      ['ledger', true, 'degraded', '2026-11-29T23:58:00.000Z'],
      ['search-api', true, 'old', '2026-11-29T21:00:00.000Z'],
    ]);
    expect(review.counts.stale).toBe(3);
  });

  it('judges the week in progress now', () => {
    // Sunday 23:59:30: checkout and search-api measured 30 s and 3 h ago.
    const review = weeklyReview(bounds, rows, snapshots, [], {
      now: utc('2026-11-29T23:59:30Z'),
      evaluationIntervalMs: FIVE_MINUTES,
    });
    expect(staleness(review).map(([name, stale]) => [name, stale])).toEqual([
      ['checkout', false],
      ['inventory', true],
      ['ledger', true],
      ['search-api', true],
    ]);
    // Evaluated every 2 hours, 3-hour-old figures are still current (stale after 4 hours).
    const hourly = weeklyReview(bounds, rows, snapshots, [], {
      now: clock.now,
      evaluationIntervalMs: 2 * 3_600_000,
    });
    expect(staleness(hourly).map(([name, stale]) => [name, stale])).toEqual([
      ['checkout', false],
      // Stale when projected stays stale: the review says what the portal showed then.
      ['inventory', true],
      ['ledger', true],
      ['search-api', false],
    ]);
    expect(hourly.counts.stale).toBe(2);
  });
});
