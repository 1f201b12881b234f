import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles({
  reasons: {
    margin: '4px 0 8px',
    paddingLeft: '1.2em',
    fontFamily: 'monospace',
    // Long file paths and messages wrap instead of widening the page.
    overflowWrap: 'anywhere',
  },
});

/**
 * Why the entity's SLO files cannot be read now (`file:line field: reason`, shown as text), and
 * what that means: the SLOs shown are the last ones read, and the deploy gate refuses.
 */
export function UnreadableDefinitions({
  reasons,
  storedSlos,
}: {
  reasons: string[];
  /** How many SLOs are stored from before (shown on the page, not trusted). */
  storedSlos: number;
}) {
  const classes = useStyles();
  if (reasons.length === 0) return null;
  return (
    <Alert severity="warning" aria-label="SLO definitions unreadable">
      <AlertTitle>SLO definitions unreadable</AlertTitle>
      <ul className={classes.reasons}>
        {reasons.map(reason => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <Typography variant="body2">
        {storedSlos > 0
          ? 'The SLOs below are the ones last read from these files: shown so nothing is lost, but not trusted. '
          : 'No SLO has been read from these files yet. '}
        The deploy gate refuses deploys of this entity until the files can be
        read again (unless the portal sets
        reliability.deployGate.onDefinitionProblem to allow).
      </Typography>
    </Alert>
  );
}
