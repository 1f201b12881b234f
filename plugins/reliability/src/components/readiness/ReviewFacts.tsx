import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Review } from '@reliability-suite/plugin-reliability-common';
import { EntityName, EntityNames } from '../people/EntityName';
import { When } from '../time/When';
import { ReviewStateChip } from './ReviewStateChip';

/** A launch review's state, target date, reviewers and who opened it when. */
export function ReviewFacts({ review }: { review: Review }) {
  return (
    <Box role="group" aria-label={`Launch review #${review.id}`}>
      <Typography component="div" variant="body2">
        Review #{review.id} <ReviewStateChip state={review.state} />
      </Typography>
      <Typography variant="body2">
        Target launch:{' '}
        {review.targetDate ? (
          <When at={review.targetDate} dateOnly />
        ) : (
          'not set'
        )}
      </Typography>
      <Typography variant="body2">
        Reviewers:{' '}
        <EntityNames entityRefs={review.reviewers} defaultKind="group" />
      </Typography>
      <Typography variant="body2" color="textSecondary">
        Opened by <EntityName entityRef={review.createdBy} />{' '}
        <When at={review.createdAt} />
      </Typography>
    </Box>
  );
}
