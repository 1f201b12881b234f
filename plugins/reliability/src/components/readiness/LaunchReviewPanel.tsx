import { useState } from 'react';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { InfoCard } from '@backstage/core-components';
import { Review } from '@reliability-suite/plugin-reliability-common';
import {
  LaunchReviewRequest,
  ReviewActionRequest,
} from '../../api/ReliabilityApi';
import { CardBoundary } from '../CardBoundary';
import { describeFormError } from './fieldLabels';
import { ReadinessActions } from './useEntityReadiness';
import { ReviewActions } from './ReviewActions';
import { ReviewCommentBox } from './ReviewCommentBox';
import { ReviewFacts } from './ReviewFacts';

/**
 * The latest launch review, what can be done with it (what the viewer may not do disabled, with
 * the reason), and a comment box.
 */
export function LaunchReviewPanel({
  review,
  approvalBlocker,
  onOpenReview,
  onAct,
}: {
  review?: Review;
  /** Why the checklist does not allow approval now, naming the items by title. */
  approvalBlocker?: string;
  onOpenReview: ReadinessActions['openReview'];
  onAct: ReadinessActions['actOnReview'];
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  /** Sends an action without a dialog; shows the backend's refusal (e.g. 409 on approve) here. */
  const run = async (
    reviewId: number,
    request: ReviewActionRequest,
  ): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      await onAct(reviewId, request);
      return true;
    } catch (e) {
      setError(describeFormError(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  /** Dialogs show their own errors; once one succeeds, an earlier refusal is stale. */
  const viaDialog = async (send: Promise<void>) => {
    await send;
    setError(undefined);
  };
  return (
    <InfoCard title="Launch review">
      <CardBoundary what="The launch review">
        {review ? (
          <ReviewFacts review={review} />
        ) : (
          <Typography color="textSecondary">No launch review yet</Typography>
        )}
        {error && (
          <Alert severity="error" style={{ marginTop: 16 }}>
            {error}
          </Alert>
        )}
        <ReviewActions
          review={review}
          busy={busy}
          approvalBlocker={approvalBlocker}
          onRun={run}
          onOpenReview={(request: LaunchReviewRequest) =>
            viaDialog(onOpenReview(request))
          }
          onBlock={(reviewId, reason) =>
            viaDialog(onAct(reviewId, { action: 'block', text: reason }))
          }
        />
        {review && (
          <ReviewCommentBox
            busy={busy}
            onComment={text => run(review.id, { action: 'comment', text })}
          />
        )}
      </CardBoundary>
    </InfoCard>
  );
}
