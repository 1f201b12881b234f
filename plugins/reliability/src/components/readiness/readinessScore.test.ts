import { requiredItemsPassing } from './readinessScore';

describe('requiredItemsPassing', () => {
  it('says what the score counts', () => {
    expect(
      requiredItemsPassing({
        score: 0.75,
        requiredPassing: 9,
        requiredCount: 12,
      }),
    ).toBe('9/12 required checklist items pass');
  });

  it('says nothing when the tier requires no item', () => {
    expect(
      requiredItemsPassing({ requiredPassing: 0, requiredCount: 0 }),
    ).toBeUndefined();
  });
});
