import { percentToFraction } from './percent';

describe('percentToFraction', () => {
  it.each([
    [99.99, 0.9999],
    [99.9, 0.999],
    [50, 0.5],
    [0.0000001, 1e-9],
    [1e-7, 1e-9],
    [1.5e-10, 1.5e-12],
  ])('%p %% → %p', (percent, fraction) => {
    expect(percentToFraction(percent)).toBe(fraction);
  });
});
