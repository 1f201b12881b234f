import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Review } from '@reliability-suite/plugin-reliability-common';
import { formatDateTime } from '../format';
import { ReviewStateChip } from './ReviewStateChip';

/** A launch review's state, target date, reviewers and who opened it when. */
export function ReviewFacts({ review }: { review: Review }) {
  return (
    <Box role="group" aria-label={`Launch review #${review.id}`}>
      <Typography component="div" variant="body2">
        Review #{review.id} <ReviewStateChip state={review.state} />
      </Typography>
      <Typography variant="body2">
        Target launch: {review.targetDate ?? 'not set'}
      </Typography>
      <Typography variant="body2">
        Reviewers: {review.reviewers.join(', ')}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        Opened by {review.createdBy} on {formatDateTime(review.createdAt)}
      </Typography>
    </Box>
  );
}
