import {
  BUDGET_STATUS_LABELS,
  SLOS_MEETING_TARGET,
  ScorecardRollup,
  ScorecardRow,
  formatSlosMeetingTarget,
} from '@reliability-suite/plugin-reliability-common';
import { formatOptionalPercent, formatPercent } from '../format';

/**
 * The summary of a system's or domain's parts, as term and value: how many entities and
 * services, their tiers (lowest level first, those without one last), SLOs meeting target, the
 * worst budget left and whose it is, mean readiness, and the entities by budget status.
 */
export function partsFacts({
  totals,
  tierGroups,
  worst,
  tierLabel,
}: {
  totals: ScorecardRollup;
  /** The parts rolled up by tier. */
  tierGroups: ScorecardRollup[];
  /** The part with the least budget left, if any has figures. */
  worst?: ScorecardRow;
  tierLabel: (level: number) => string;
}): Array<[string, string]> {
  const tiers = [...tierGroups]
    .sort((a, b) => tierOrder(a.key) - tierOrder(b.key))
    .map(
      group =>
        `${
          group.key === undefined ? 'No tier' : tierLabel(Number(group.key))
        }: ${group.entities}`,
    );
  const statuses = (
    [
      ['out_of_budget', totals.outOfBudget],
      ['burning_fast', totals.burningFast],
      ['burning_slow', totals.burningSlow],
      ['on_track', totals.onTrack],
      ['no_data', totals.noData],
    ] as const
  )
    .filter(([, count]) => count > 0)
    .map(
      ([status, count]) =>
        `${BUDGET_STATUS_LABELS[status].toLocaleLowerCase('en-US')}: ${count}`,
    );
  const worstBudget =
    totals.budgetRemaining === undefined
      ? 'No data'
      : `${formatPercent(totals.budgetRemaining)}${
          worst?.budgetRemaining === totals.budgetRemaining
            ? ` (${worst.title ?? worst.name})`
            : ''
        }`;
  return [
    [
      'Entities',
      `${totals.entities}, of them ${totals.services.total} ${
        totals.services.total === 1 ? 'service' : 'services'
      }`,
    ],
    ['Tiers', tiers.join(' · ') || '—'],
    [
      'Services with SLOs',
      `${totals.services.withSlos}/${totals.services.total}`,
    ],
    [SLOS_MEETING_TARGET, formatSlosMeetingTarget(totals)],
    ['Worst budget left', worstBudget],
    ['Mean readiness', formatOptionalPercent(totals.readinessScore, 0)],
    ['Budget status', statuses.join(' · ') || '—'],
  ];
}

/** Tiers by level, the group without a tier last. */
function tierOrder(key: string | undefined): number {
  return key === undefined ? Number.POSITIVE_INFINITY : Number(key);
}
