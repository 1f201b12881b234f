import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import { PolicyState } from '@reliability-suite/plugin-reliability-common';
import { POLICY_STATE_LABELS } from './scorecard/labels';

const LABELS: Record<PolicyState, string> = {
  green: 'Green: within budget',
  yellow: 'Yellow: caution',
  red: 'Red: feature freeze',
  nodata: 'No data',
};

const useStyles = makeStyles(theme => ({
  green: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  yellow: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  red: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  nodata: {},
}));

/**
 * The error-budget policy state as a coloured chip; `compact` (for crowded tables) shows its
 * colour alone (`Red`), the whole state (`Red: feature freeze`) in a tooltip.
 */
export function PolicyStateChip({
  state,
  compact = false,
}: {
  state: PolicyState;
  compact?: boolean;
}) {
  const classes = useStyles();
  const chip = (
    <Chip
      size="small"
      className={classes[state]}
      label={compact ? POLICY_STATE_LABELS[state] : LABELS[state]}
    />
  );
  return compact ? <Tooltip title={LABELS[state]}>{chip}</Tooltip> : chip;
}
