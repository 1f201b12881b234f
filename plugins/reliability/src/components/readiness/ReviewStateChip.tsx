import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { ReviewState } from '@reliability-suite/plugin-reliability-common';

/** How review states read in the UI. */
export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
  blocked: 'Blocked',
  superseded: 'Superseded',
};

const useStyles = makeStyles(theme => ({
  draft: {},
  superseded: {},
  in_review: {
    backgroundColor: theme.palette.info.main,
    color: theme.palette.info.contrastText,
  },
  approved: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  blocked: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
}));

/** A launch review's state as a coloured chip. */
export function ReviewStateChip({ state }: { state: ReviewState }) {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      className={classes[state]}
      label={REVIEW_STATE_LABELS[state]}
    />
  );
}
