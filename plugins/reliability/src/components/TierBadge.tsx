import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { TierDefinition } from '@reliability-suite/plugin-reliability-common';

const useStyles = makeStyles(theme => ({
  tier0: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  tier1: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  tier2: {
    backgroundColor: theme.palette.info.main,
    color: theme.palette.info.contrastText,
  },
  other: {},
}));

/** The entity's tier as a coloured chip; "No tier" when none is set. */
export function TierBadge({ tier }: { tier?: TierDefinition }) {
  const classes = useStyles();
  if (!tier) {
    return <Chip size="small" variant="outlined" label="No tier" />;
  }
  const className =
    [classes.tier0, classes.tier1, classes.tier2][tier.level] ?? classes.other;
  return (
    <Chip
      size="small"
      className={className}
      label={tier.name}
      title={tier.description}
    />
  );
}
