import {
  BudgetStatus,
  SERVICES_FILTER,
  SLOS_MEETING_TARGET,
  ScorecardFilter,
  ScorecardRollup,
  ScorecardSortField,
  TierDefinition,
  criticalTierLevels,
  formatSlosMeetingTarget,
} from '@reliability-suite/plugin-reliability-common';
import {
  SCORECARD_DEFAULTS,
  scorecardQueryParams,
  withoutEmpty,
} from '../../api/scorecardParams';
import { formatPercent } from '../format';

/** One coverage card: its text, the share behind an `n/m`, and the list it counts. */
export interface CoverageFigure {
  text: string;
  /** The share behind a `n/m` figure, e.g. `79%`. */
  share?: string;
  /**
   * The scorecard's query string listing what the figure counts; undefined when no filter can say
   * it (critical services while the view shows only other tiers: there are none).
   */
  search?: string;
  /** What the link shows, e.g. `Show the 52 Tier 0/Tier 1 services`. */
  linkTitle?: string;
}

const ratio = (part: number, whole: number) => ({
  share: whole > 0 ? formatPercent(part / whole, 0) : undefined,
  text: `${part}/${whole}`,
});

/** The scorecard's query string of a filter and sort, first page. */
function searchOf(
  filter: ScorecardFilter,
  sort: ScorecardSortField = SCORECARD_DEFAULTS.sort,
): string {
  return `?${scorecardQueryParams({
    ...SCORECARD_DEFAULTS,
    filter: withoutEmpty(filter),
    sort,
  })}`;
}

/** The tiers the view filters on that are critical; all critical tiers when it does not filter. */
function criticalTiers(
  filter: ScorecardFilter,
  tiers: ReadonlyArray<TierDefinition>,
): number[] {
  const critical = criticalTierLevels(tiers);
  return filter.tiers?.length
    ? critical.filter(level => filter.tiers!.includes(level))
    : critical;
}

/**
 * The coverage and health figures of a rollup, each with the list it counts as a link within
 * the view's `filter`: the coverage of services (Components of type service) and of the critical
 * ones among them, entities by budget status, and SLOs meeting target (entities fewest first).
 */
export function coverageFigures(
  totals: ScorecardRollup,
  filter: ScorecardFilter,
  tiers: ReadonlyArray<TierDefinition>,
  criticalLabel: string,
): CoverageFigure[] {
  const { services } = totals;
  const servicesFilter = { ...filter, ...SERVICES_FILTER };
  const criticalFilter = {
    ...servicesFilter,
    tiers: criticalTiers(filter, tiers),
  };
  const servicesLink = {
    search: searchOf(servicesFilter),
    linkTitle: `Show the ${services.total} services`,
  };
  const criticalLink = criticalFilter.tiers.length
    ? {
        search: searchOf(criticalFilter),
        linkTitle: `Show the ${services.critical} ${criticalLabel} services`,
      }
    : {};
  const byStatus = (label: string, status: BudgetStatus, count: number) => ({
    text: `${label}: ${count}`,
    search: searchOf({ ...filter, budgetStatuses: [status] }),
    linkTitle: `Show the ${count} entities ${label.toLocaleLowerCase('en-US')}`,
  });
  const figure = (label: string, part: number, whole: number) => {
    const { text, share } = ratio(part, whole);
    return { text: `${label}: ${text}`, share };
  };
  return [
    {
      ...figure(
        `${criticalLabel} services with SLOs`,
        services.criticalWithSlos,
        services.critical,
      ),
      ...criticalLink,
    },
    {
      ...figure(
        `${criticalLabel} services with on-call`,
        services.criticalWithOnCall,
        services.critical,
      ),
      ...criticalLink,
    },
    {
      ...figure('Services with SLOs', services.withSlos, services.total),
      ...servicesLink,
    },
    {
      ...figure(
        'Services with runbooks',
        services.withRunbooks,
        services.total,
      ),
      ...servicesLink,
    },
    byStatus('Out of budget', 'out_of_budget', totals.outOfBudget),
    byStatus('Burning fast', 'burning_fast', totals.burningFast),
    byStatus('Burning slow', 'burning_slow', totals.burningSlow),
    {
      text: `${SLOS_MEETING_TARGET}: ${formatSlosMeetingTarget(totals)}`,
      share:
        totals.slosMeasured > 0
          ? formatPercent(totals.slosMeetingTarget / totals.slosMeasured, 0)
          : undefined,
      search: searchOf(filter, 'attainment'),
      linkTitle: `Show the entities, fewest ${SLOS_MEETING_TARGET} first`,
    },
  ];
}
