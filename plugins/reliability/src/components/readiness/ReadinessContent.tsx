import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { CardBoundary } from '../CardBoundary';
import { approvalBlocker } from './approvalBlocker';
import { LaunchReviewPanel } from './LaunchReviewPanel';
import { ReadinessChecklist } from './ReadinessChecklist';
import { ReadinessHeader } from './ReadinessHeader';
import { ReadinessHistory } from './ReadinessHistory';
import { useEntityReadiness } from './useEntityReadiness';

/** The Readiness tab: score, checklist, launch review and audit trail, each failing on its own. */
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
        <CardBoundary what="The readiness score">
          <ReadinessHeader readiness={readiness} />
        </CardBoundary>
      </Grid>
      <Grid item xs={12}>
        <CardBoundary what="The checklist">
          <ReadinessChecklist
            items={readiness.summary.items}
            onAttest={actions.attest}
            onWaive={actions.waive}
          />
        </CardBoundary>
      </Grid>
      <Grid item xs={12} md={5}>
        <CardBoundary what="The launch review">
          <LaunchReviewPanel
            review={readiness.review}
            approvalBlocker={approvalBlocker(readiness.summary)}
            onOpenReview={actions.openReview}
            onAct={actions.actOnReview}
          />
        </CardBoundary>
      </Grid>
      <Grid item xs={12} md={7}>
        <CardBoundary what="The history">
          <ReadinessHistory
            events={readiness.events}
            items={readiness.summary.items}
            onExport={actions.exportEvents}
          />
        </CardBoundary>
      </Grid>
    </Grid>
  );
}
