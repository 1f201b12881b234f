import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { LaunchReviewPanel } from './LaunchReviewPanel';
import { ReadinessChecklist } from './ReadinessChecklist';
import { ReadinessHeader } from './ReadinessHeader';
import { ReadinessHistory } from './ReadinessHistory';
import { useEntityReadiness } from './useEntityReadiness';

/** The Readiness tab: score, checklist, launch review and audit trail. */
export function ReadinessContent() {
  const { readiness, loading, error, retry, actions } = useEntityReadiness();
  if (loading) return <Progress />;
  if (error)
    return (
      <>
        <ResponseErrorPanel
          error={error}
          title="Could not load the readiness checklist"
        />
        <Button variant="outlined" onClick={retry}>
          Try again
        </Button>
      </>
    );
  if (!readiness) return null;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ReadinessHeader readiness={readiness} />
      </Grid>
      <Grid item xs={12}>
        <ReadinessChecklist
          items={readiness.summary.items}
          onAttest={actions.attest}
          onWaive={actions.waive}
        />
      </Grid>
      <Grid item xs={12} md={5}>
        <LaunchReviewPanel
          review={readiness.review}
          onOpenReview={actions.openReview}
          onAct={actions.actOnReview}
        />
      </Grid>
      <Grid item xs={12} md={7}>
        <ReadinessHistory
          events={readiness.events}
          items={readiness.summary.items}
          onExport={actions.exportEvents}
        />
      </Grid>
    </Grid>
  );
}
