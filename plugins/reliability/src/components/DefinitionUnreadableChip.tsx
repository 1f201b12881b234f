import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  chip: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
}));

/** Marks an SLO whose file cannot be read now: what is shown is its last readable definition. */
export function DefinitionUnreadableChip() {
  const classes = useStyles();
  return (
    <Chip size="small" className={classes.chip} label="Definition unreadable" />
  );
}

/** The names of the SLOs marked `definitionUnreadable` in the SLO API's answer. */
export function unreadableSloNames(
  slos: ReadonlyArray<{
    definition: { name: string };
    definitionUnreadable?: boolean;
  }> = [],
): Set<string> {
  if (!Array.isArray(slos)) return new Set();
  return new Set(
    slos.filter(s => s.definitionUnreadable).map(s => s.definition.name),
  );
}
