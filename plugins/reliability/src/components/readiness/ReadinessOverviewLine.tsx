import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { formatPercent } from '../format';
import { ReviewStateChip } from './ReviewStateChip';
import { useEntityReadiness } from './useEntityReadiness';

/**
 * One line for the overview card: `Readiness 9/11 (82%)` (with `, 3 pending` while items wait
 * for the definitions) and the latest review's state.
 */
export function ReadinessOverviewLine() {
  const { readiness, error } = useEntityReadiness();
  if (error) {
    return (
      <Typography variant="caption" color="textSecondary" title={error.message}>
        Readiness unavailable
      </Typography>
    );
  }
  if (!readiness) return null;
  const { summary, review } = readiness;
  return (
    <Box display="flex" alignItems="center" gridGap={8} mt={1}>
      <Typography variant="body2">
        {summary.score === undefined
          ? 'Readiness: nothing required'
          : `Readiness ${summary.requiredPassing}/${
              summary.requiredCount
            } (${formatPercent(summary.score, 0)})${
              summary.pending?.length
                ? `, ${summary.pending.length} pending`
                : ''
            }`}
      </Typography>
      {review ? (
        <ReviewStateChip state={review.state} />
      ) : (
        <Typography variant="body2" color="textSecondary">
          no launch review
        </Typography>
      )}
    </Box>
  );
}
