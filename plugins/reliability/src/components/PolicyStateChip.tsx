import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { PolicyState } from '@reliability-suite/plugin-reliability-common';

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

/** The error-budget policy state as a coloured chip. */
export function PolicyStateChip({ state }: { state: PolicyState }) {
  const classes = useStyles();
  return <Chip size="small" className={classes[state]} label={LABELS[state]} />;
}
