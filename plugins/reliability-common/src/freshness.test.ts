import { freshness, sloFreshness, worstFreshness } from './freshness';

const MINUTE = 60_000;
const NOW = 1_800_000_000_000;

describe('freshness: one definition of stale figures', () => {
  it.each([
    ['just measured', NOW - MINUTE, false, { ageMs: MINUTE, stale: false }],
    [
      'two intervals old exactly (due, not missed)',
      NOW - 10 * MINUTE,
      false,
      { ageMs: 10 * MINUTE, stale: false },
    ],
    [
      'older than two intervals: an evaluation was missed',
      NOW - 10 * MINUTE - 1,
      false,
      { ageMs: 10 * MINUTE + 1, stale: true, staleBecause: 'old' },
    ],
    [
      'the last evaluation failed, however recent the last good figures',
      NOW - MINUTE,
      true,
      { ageMs: MINUTE, stale: true, staleBecause: 'degraded' },
    ],
  ] as const)('%s', (_label, measuredAt, degraded, expected) => {
    expect(freshness(measuredAt, degraded, NOW, 5 * MINUTE)).toEqual({
      measuredAt,
      ...expected,
    });
  });

  it('is not stale for an SLO never measured, unless its evaluation fails', () => {
    expect(sloFreshness({ state: 'pending' }, NOW, 5 * MINUTE)).toEqual({
      stale: false,
    });
    expect(sloFreshness({ state: 'degraded' }, NOW, 5 * MINUTE)).toEqual({
      stale: true,
      staleBecause: 'degraded',
    });
  });

  it('gives an entity its oldest figures, stale when any SLO is (a failure named first)', () => {
    const fresh = freshness(NOW - MINUTE, false, NOW, 5 * MINUTE);
    const old = freshness(NOW - 30 * MINUTE, false, NOW, 5 * MINUTE);
    const failing = freshness(NOW - 2 * MINUTE, true, NOW, 5 * MINUTE);
    expect(worstFreshness([fresh])).toEqual(fresh);
    expect(worstFreshness([fresh, failing])).toEqual({
      measuredAt: NOW - 2 * MINUTE,
      ageMs: 2 * MINUTE,
      stale: true,
      staleBecause: 'degraded',
    });
    expect(worstFreshness([failing, old, fresh])).toEqual({
      measuredAt: NOW - 30 * MINUTE,
      ageMs: 30 * MINUTE,
      stale: true,
      staleBecause: 'degraded',
    });
    expect(worstFreshness([])).toEqual({ stale: false });
  });
});
