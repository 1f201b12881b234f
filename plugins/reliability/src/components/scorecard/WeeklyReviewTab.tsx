import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { WeeklyReview } from '@reliability-suite/plugin-reliability-common';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api/ReliabilityApi';
import { LoadError } from './LoadError';
import { downloadFile } from '../downloadFile';
import { ScorecardView, ScorecardViewControls } from './useScorecardView';
import { WeekPicker } from './WeekPicker';
import { WeeklyDecisions } from './WeeklyDecisions';
import { WeeklyServicesTable } from './WeeklyServicesTable';
import { agendaMarkdown } from './agendaMarkdown';
import { useAgendaPrintStyles } from './agendaPrint';
import { useScorecardTiers } from './ScorecardTiers';

/** The agenda as JSON, for tools: the counts, services and decisions as loaded. */
function exportJson(review: WeeklyReview) {
  downloadFile(
    JSON.stringify(review, null, 2),
    'application/json',
    `weekly-reliability-review-${review.week}.json`,
  );
}

/**
 * The weekly SRE sync's agenda: budget status counts, every service, and readiness decisions;
 * printed without the app around it, exported as Markdown for the notes or as JSON.
 */
export function WeeklyReviewTab({
  view,
  controls,
}: {
  view: ScorecardView;
  controls: ScorecardViewControls;
}) {
  const api = useApi(reliabilityApiRef);
  const classes = useAgendaPrintStyles();
  const tiers = useScorecardTiers();
  const review = useAsync(
    () => api.getWeeklyReview(view.week),
    [api, view.week],
  );
  if (review.error) return <LoadError error={review.error} />;
  if (!review.value) return <Progress />;
  const { week, start, end, counts, services, decisions } = review.value;
  return (
    <Box
      display="flex"
      flexDirection="column"
      style={{ gap: 24 }}
      data-print-agenda
    >
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        justifyContent="space-between"
        style={{ gap: 12 }}
        className={classes.screenOnly}
      >
        <WeekPicker
          week={week}
          start={start}
          end={end}
          onChange={controls.setWeek}
        />
        <Box display="flex" style={{ gap: 8 }}>
          <Button
            variant="outlined"
            size="small"
            onClick={() => window.print()}
          >
            Print agenda
          </Button>
          <Button
            variant="outlined"
            size="small"
            onClick={() =>
              downloadFile(
                agendaMarkdown(review.value!, tiers.label),
                'text/markdown',
                `weekly-reliability-review-${week}.md`,
              )
            }
          >
            Export Markdown
          </Button>
          <Button
            variant="outlined"
            size="small"
            onClick={() => exportJson(review.value!)}
          >
            Export JSON
          </Button>
        </Box>
      </Box>
      {review.loading && <Progress />}
      <Box>
        <Typography variant="h6" component="h2">
          Weekly reliability review {week}
        </Typography>
        <Typography variant="subtitle1" component="p">
          {`Out of budget: ${counts.outOfBudget} · Burning fast: ${counts.burningFast} · Burning slow: ${counts.burningSlow} · On track: ${counts.onTrack} · In freeze: ${counts.inFreeze}`}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {`No data: ${counts.noData} · With breaches: ${counts.withBreaches} · Stale figures: ${counts.stale}`}
        </Typography>
      </Box>
      <WeeklyServicesTable services={services} />
      <WeeklyDecisions decisions={decisions} />
    </Box>
  );
}
