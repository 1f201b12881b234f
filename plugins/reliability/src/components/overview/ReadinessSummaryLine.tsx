import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { formatPercent } from '../format';
import { itemTitles } from '../readiness/approvalBlocker';
import { requiredItemsPassing } from '../readiness/readinessScore';
import { ReviewStateChip } from '../readiness/ReviewStateChip';
import { useEntityReadiness } from '../readiness/useEntityReadiness';

/**
 * The launch checklist: `9/12 required checklist items pass (75%)`, the latest review's state,
 * and the required items that do not pass yet, by title (pending ones said to be pending).
 */
export function ReadinessSummaryLine() {
  const { readiness, error } = useEntityReadiness();
  if (error) {
    return (
      <Typography variant="body2" color="textSecondary" title={error.message}>
        Readiness unavailable
      </Typography>
    );
  }
  if (!readiness) return null;
  const { summary, review } = readiness;
  const passing = requiredItemsPassing(summary);
  const failing = itemTitles(summary, summary.blocking);
  const pending = itemTitles(summary, summary.pending ?? []);
  return (
    <>
      <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={8}>
        <Typography variant="body2">
          {passing && summary.score !== undefined
            ? `${passing} (${formatPercent(summary.score, 0)})`
            : 'Nothing required'}
        </Typography>
        {review ? (
          <ReviewStateChip state={review.state} />
        ) : (
          <Typography variant="body2" color="textSecondary">
            no launch review
          </Typography>
        )}
      </Box>
      {failing && (
        <Typography variant="body2" color="textSecondary">
          Not passing: {failing}
        </Typography>
      )}
      {pending && (
        <Typography variant="body2" color="textSecondary">
          Pending: {pending}
        </Typography>
      )}
    </>
  );
}
