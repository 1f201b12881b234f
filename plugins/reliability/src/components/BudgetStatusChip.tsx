import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { BudgetStatus } from '@reliability-suite/plugin-reliability-common';
import { BUDGET_STATUS_LABELS } from './scorecard/labels';

const useStyles = makeStyles(theme => ({
  out_of_budget: {
    backgroundColor: theme.palette.error.dark,
    color: theme.palette.error.contrastText,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  burning_fast: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  burning_slow: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  on_track: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  no_data: {},
}));

/** Whether the error budget is spent, burns fast, slowly or is on track, as a coloured chip. */
export function BudgetStatusChip({ status }: { status: BudgetStatus }) {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      className={classes[status]}
      label={BUDGET_STATUS_LABELS[status]}
    />
  );
}
