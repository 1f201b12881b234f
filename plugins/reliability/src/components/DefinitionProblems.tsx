import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { makeStyles } from '@material-ui/core/styles';
import {
  ReliabilityProfile,
  formatProblem,
} from '@reliability-suite/plugin-reliability-common';

const useStyles = makeStyles({
  problems: { margin: 0, paddingLeft: '1.2em', fontFamily: 'monospace' },
});

/** Every problem in the entity's reliability definitions, as `file:line field: reason`. */
export function DefinitionProblems({
  profile,
}: {
  profile: ReliabilityProfile;
}) {
  const classes = useStyles();
  if (profile.problems.length === 0) return null;
  const count = profile.problems.length;
  return (
    <Alert severity="error">
      <AlertTitle>
        {count} problem{count === 1 ? '' : 's'} in the reliability definitions
      </AlertTitle>
      <ul className={classes.problems}>
        {profile.problems.map(problem => {
          const text = formatProblem(problem);
          return <li key={text}>{text}</li>;
        })}
      </ul>
    </Alert>
  );
}
