import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { EmptyState, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  ScorecardFilter,
  ScorecardRollupDimension,
  ScorecardSortField,
} from '@reliability-suite/plugin-reliability-common';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api/ReliabilityApi';
import { LoadError } from './LoadError';
import {
  scorecardFilterParams,
  scorecardQueryParams,
} from '../../api/scorecardParams';
import { CoverageSummary } from './CoverageSummary';
import { ExportButtons } from './ExportButtons';
import { RollupTable } from './RollupTable';
import { ScorecardFilters } from './ScorecardFilters';
import { ScorecardTable } from './ScorecardTable';
import { ScorecardView, ScorecardViewControls } from './useScorecardView';

/** The filter that narrows the page to one group of a rollup. */
function drillDown(
  filter: ScorecardFilter,
  by: ScorecardRollupDimension,
  key: string,
): ScorecardFilter {
  switch (by) {
    case 'owner':
      return { ...filter, owners: [key] };
    case 'system':
      return { ...filter, systems: [key] };
    case 'domain':
      return { ...filter, domains: [key] };
    default:
      return { ...filter, tiers: [Number(key)] };
  }
}

/** Filters, coverage figures, the rollup and the entities, all of the same view. */
export function ScorecardTab({
  view,
  controls,
}: {
  view: ScorecardView;
  controls: ScorecardViewControls;
}) {
  const api = useApi(reliabilityApiRef);
  const { query, by } = view;
  const queryKey = scorecardQueryParams(query).toString();
  const filterKey = scorecardFilterParams(query.filter).toString();
  const rows = useAsync(
    () => api.getScorecard(query),
    // The query is rebuilt on every render; its parameters say when it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, queryKey],
  );
  const rollups = useAsync(
    () => api.getScorecardRollups(by, query.filter),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, by, filterKey],
  );
  const filtered = Object.keys(query.filter).length > 0;
  const onSort = (sort: ScorecardSortField) =>
    controls.setQuery({
      ...query,
      sort,
      order: sort === query.sort && query.order === 'asc' ? 'desc' : 'asc',
      page: 1,
    });

  return (
    <Box display="flex" flexDirection="column" style={{ gap: 24 }}>
      <ScorecardFilters filter={query.filter} onChange={controls.setFilter} />

      {rollups.error && <LoadError error={rollups.error} />}
      {!rollups.error && !rollups.value && <Progress />}
      {rollups.value && (
        <>
          <CoverageSummary
            totals={rollups.value.totals}
            filter={query.filter}
          />
          <RollupTable
            by={by}
            groups={rollups.value.groups}
            onByChange={controls.setBy}
            onDrillDown={key =>
              controls.setFilter(drillDown(query.filter, by, key))
            }
          />
        </>
      )}

      {rows.error && <LoadError error={rows.error} />}
      {!rows.error && !rows.value && <Progress />}
      {rows.value && rows.value.totalCount === 0 && (
        <EmptyState
          missing={filtered ? 'data' : 'info'}
          title={
            filtered
              ? 'No entities match these filters'
              : 'No entities on the scorecard yet'
          }
          description={
            filtered
              ? 'Change or clear the filters to see more entities.'
              : 'Entities appear once the reliability backend has evaluated them.'
          }
          action={
            filtered ? (
              <Button
                variant="contained"
                color="primary"
                onClick={() => controls.setFilter({})}
              >
                Show all entities
              </Button>
            ) : undefined
          }
        />
      )}
      {rows.value && rows.value.totalCount > 0 && (
        <ScorecardTable
          page={rows.value}
          query={query}
          loading={rows.loading}
          actions={<ExportButtons query={query} />}
          onSort={onSort}
          onPage={page => controls.setQuery({ ...query, page })}
          onPageSize={pageSize =>
            controls.setQuery({ ...query, pageSize, page: 1 })
          }
        />
      )}
    </Box>
  );
}
