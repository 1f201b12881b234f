import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { ProfileLink } from '@reliability-suite/plugin-reliability-common';

/**
 * When a runbook was last reviewed, and a marker when the review is overdue for the tier. Nothing
 * for links without a review date (dashboards, undated runbooks).
 */
export function RunbookReview({ link }: { link: ProfileLink }) {
  if (!link.lastReviewed) return null;
  return (
    <>
      {' '}
      <Typography component="span" variant="body2" color="textSecondary">
        reviewed {link.lastReviewed}
      </Typography>
      {link.stale && link.reviewDue && (
        <>
          {' '}
          <Chip
            size="small"
            color="secondary"
            label={`Review overdue since ${link.reviewDue}`}
          />
        </>
      )}
    </>
  );
}
