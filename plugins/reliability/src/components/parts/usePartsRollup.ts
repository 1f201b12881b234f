import { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api/ReliabilityApi';
import { partsFilter, partsKindOf } from './partsOf';

/** Parts listed on a system's tab; a larger system says how many more there are. */
export const PARTS_PAGE_SIZE = 100;

/**
 * The rollup of an entity's parts, read from the scorecard's stored rows (nothing is evaluated
 * for it): the parts by tier with their totals, the part with the least budget left, and the
 * parts themselves (a system) or its systems rolled up (a domain). Only the parts the viewer may
 * see are counted.
 */
export function usePartsRollup(entity: Entity) {
  const api = useApi(reliabilityApiRef);
  const filter = partsFilter(entity);
  const key = JSON.stringify(filter);
  return useAsync(async () => {
    const domain = partsKindOf(entity) === 'domain';
    const [byTier, worst, parts, bySystem] = await Promise.all([
      api.getScorecardRollups('tier', filter),
      api.getScorecard({
        filter,
        sort: 'budgetRemaining',
        order: 'asc',
        page: 1,
        pageSize: 1,
      }),
      domain
        ? undefined
        : api.getScorecard({
            filter,
            sort: 'name',
            order: 'asc',
            page: 1,
            pageSize: PARTS_PAGE_SIZE,
          }),
      domain ? api.getScorecardRollups('system', filter) : undefined,
    ]);
    return {
      totals: byTier.totals,
      tierGroups: byTier.groups,
      worst: worst.rows[0],
      parts,
      systems: bySystem?.groups,
    };
    // The filter is rebuilt on every render; its text says when it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);
}
