import { EntitySlos } from '@reliability-suite/plugin-reliability-common';
import { checkoutSlos, overspentFigures } from '../testSlos';
import { worstBudget } from './worstBudget';

const slo = (
  name: string,
  remainingFraction: number | undefined,
  displayName?: string,
): EntitySlos['slos'][number] => ({
  ...checkoutSlos.slos[0],
  definition: { ...checkoutSlos.slos[0].definition, name, displayName },
  status: {
    sloName: name,
    state: remainingFraction === undefined ? 'pending' : 'ok',
    figures:
      remainingFraction === undefined
        ? undefined
        : {
            ...overspentFigures,
            budget: { ...overspentFigures.budget, remainingFraction },
          },
  },
});

describe('worstBudget', () => {
  it("is the lowest remaining budget of the measured SLOs, by the SLO's display name", () => {
    expect(
      worstBudget([
        slo('availability', 0.6, 'Availability'),
        slo('latency', -0.05),
        slo('new', undefined),
      ]),
    ).toEqual({ slo: 'latency', remainingFraction: -0.05, measured: 2 });
  });

  it('is undefined while no SLO has a measured budget', () => {
    expect(worstBudget([slo('new', undefined)])).toBeUndefined();
    expect(worstBudget([])).toBeUndefined();
  });
});
