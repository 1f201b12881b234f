import { Fragment, ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { CardBoundary } from '../CardBoundary';

const useStyles = makeStyles(theme => ({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    gap: theme.spacing(1, 2),
    alignItems: 'baseline',
    margin: 0,
  },
  term: { fontWeight: theme.typography.fontWeightBold as number },
  value: { margin: 0, minWidth: 0 },
}));

/** A fact of the overview card: its term, its value, and what to call it if it fails. */
export interface Fact {
  term: string;
  value: ReactNode;
  /** `The deploy gate` → "The deploy gate could not be shown" in its place. */
  what: string;
}

/** Terms and values as a definition list; each value fails on its own. */
export function FactList({ facts, label }: { facts: Fact[]; label: string }) {
  const classes = useStyles();
  return (
    <dl className={classes.facts} aria-label={label}>
      {facts.map(({ term, value, what }) => (
        <Fragment key={term}>
          <dt>
            <Typography
              variant="body2"
              component="span"
              className={classes.term}
            >
              {term}
            </Typography>
          </dt>
          <dd className={classes.value}>
            <CardBoundary what={what}>{value}</CardBoundary>
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}
