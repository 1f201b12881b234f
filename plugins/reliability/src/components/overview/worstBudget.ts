import { EntitySlos } from '@reliability-suite/plugin-reliability-common';

/** The SLO with the least error budget left, by its display name, and that budget as a fraction. */
export interface WorstBudget {
  slo: string;
  remainingFraction: number;
  /** How many SLOs have a measured budget. */
  measured: number;
}

/**
 * The entity's budget left is its worst SLO's (as the scorecard's `budgetRemaining` and the deploy
 * gate's reason), from the figures the API serves; undefined when no SLO has a measured budget.
 */
export function worstBudget(slos: EntitySlos['slos']): WorstBudget | undefined {
  const measured = slos.flatMap(({ definition, status }) => {
    const fraction = status.figures?.budget.remainingFraction;
    return fraction === undefined
      ? []
      : [{ slo: definition.displayName ?? definition.name, fraction }];
  });
  if (measured.length === 0) return undefined;
  const worst = measured.reduce((a, b) => (b.fraction < a.fraction ? b : a));
  return {
    slo: worst.slo,
    remainingFraction: worst.fraction,
    measured: measured.length,
  };
}
