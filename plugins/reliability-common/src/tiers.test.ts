import {
  DEFAULT_TIERS,
  criticalTierLevels,
  formatTierLevels,
  parseTierLevel,
  tierProblem,
} from './tiers';

describe('tiers', () => {
  it('reads a level in the forms an annotation uses', () => {
    expect(
      [
        '1',
        'tier-1',
        'tier1',
        'Tier 1',
        'TIER_12',
        'gold',
        '1.5',
        '-1',
        '12345',
      ].map(parseTierLevel),
    ).toEqual([1, 1, 1, 1, 12, undefined, undefined, undefined, undefined]);
  });

  it('names levels lowest first, as a message says them', () => {
    expect(
      [[2], [1, 0], [4, 0, 2, 1, 3]].map(levels => formatTierLevels(levels)),
    ).toEqual(['2', '0 or 1', '0, 1, 2, 3 or 4']);
  });

  it('says the same of a value that is no level and of a level not configured', () => {
    expect(
      ['Tier 4', '5', 'platinum'].map(value =>
        tierProblem(value, [0, 1, 2, 3, 4]),
      ),
    ).toEqual([
      undefined,
      '"5" is not a tier: use 0, 1, 2, 3 or 4',
      '"platinum" is not a tier: use 0, 1, 2, 3 or 4',
    ]);
    expect(tierProblem('4')).toBe('"4" is not a tier: use 0, 1, 2 or 3');
  });

  it('finds the critical tiers: Tier 0 and Tier 1 by default', () => {
    expect(criticalTierLevels(DEFAULT_TIERS)).toEqual([0, 1]);
    expect(
      criticalTierLevels(
        DEFAULT_TIERS.map(t => ({ ...t, critical: t.level === 2 })),
      ),
    ).toEqual([2]);
  });
});
