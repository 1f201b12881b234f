import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { EmptyState, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api/ReliabilityApi';
import { LoadError } from './LoadError';
import { CoverageSummary } from './CoverageSummary';
import { OwnerFilter, TierFilter } from './ScorecardFilters';
import { TrendCharts } from './TrendCharts';
import {
  TREND_DAYS,
  ScorecardView,
  ScorecardViewControls,
} from './useScorecardView';

/** Coverage and health over the last weeks, for the owners and tiers of the view. */
export function TrendsTab({
  view,
  controls,
}: {
  view: ScorecardView;
  controls: ScorecardViewControls;
}) {
  const api = useApi(reliabilityApiRef);
  const { filter } = view.query;
  const owners = filter.owners ?? [];
  const tiers = filter.tiers ?? [];
  const trends = useAsync(
    () => api.getScorecardTrends(view.days, { owners, tiers }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, view.days, owners.join(','), tiers.join(',')],
  );
  const latest = trends.value?.[trends.value.length - 1];
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 24 }}>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 12 }}
        role="group"
        aria-label="Filters"
      >
        <TierFilter filter={filter} onChange={controls.setFilter} />
        <OwnerFilter filter={filter} onChange={controls.setFilter} />
        <TextField
          id="scorecard-trend-days"
          select
          label="Period"
          variant="outlined"
          size="small"
          value={view.days}
          onChange={event => controls.setDays(Number(event.target.value))}
        >
          {[...TREND_DAYS]
            .sort((a, b) => a - b)
            .map(days => (
              <MenuItem key={days} value={days}>
                Last {days / 7} weeks
              </MenuItem>
            ))}
        </TextField>
      </Box>
      {trends.error && <LoadError error={trends.error} />}
      {!trends.error && !trends.value && <Progress />}
      {trends.value?.length === 0 && (
        <EmptyState
          missing="data"
          title="No history yet"
          description="The backend records the scorecard once a day; trends appear after the first snapshot."
        />
      )}
      {latest && trends.value && (
        <>
          <Typography variant="subtitle1" component="h2">
            As of {latest.day}
          </Typography>
          <CoverageSummary
            totals={latest}
            filter={{ owners: filter.owners, tiers: filter.tiers }}
          />
          <TrendCharts days={trends.value} />
        </>
      )}
    </Box>
  );
}
