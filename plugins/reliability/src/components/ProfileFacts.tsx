import { Fragment, ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { ReliabilityProfile } from '@reliability-suite/plugin-reliability-common';
import { DrPostureSummary } from './DrPostureSummary';
import { LinkList } from './LinkList';
import { OnCallSummary } from './OnCallSummary';
import { TierBadge } from './TierBadge';

const useStyles = makeStyles(theme => ({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: theme.spacing(1, 2),
    alignItems: 'baseline',
    margin: 0,
  },
  term: { fontWeight: theme.typography.fontWeightBold as number },
  value: { margin: 0 },
}));

/** Tier, owner, on-call, runbooks, dashboards and DR as a definition list. */
export function ProfileFacts({ profile }: { profile: ReliabilityProfile }) {
  const classes = useStyles();
  const facts: Array<[string, ReactNode]> = [
    [
      'Tier',
      <>
        <TierBadge tier={profile.tier} />{' '}
        {profile.tier && (
          <Typography component="span" variant="body2" color="textSecondary">
            {profile.tier.description}
          </Typography>
        )}
      </>,
    ],
    ['Owner', profile.owner ?? 'No owner'],
    ['On call', <OnCallSummary onCall={profile.onCall} />],
    [
      'Runbooks',
      <LinkList links={profile.runbooks} none="No runbook linked" />,
    ],
    [
      'Dashboards',
      <LinkList links={profile.dashboards} none="No dashboard linked" />,
    ],
    ['DR', <DrPostureSummary dr={profile.dr} />],
  ];
  return (
    <dl className={classes.facts}>
      {facts.map(([term, value]) => (
        <Fragment key={term}>
          <dt className={classes.term}>
            <Typography
              variant="body2"
              component="span"
              className={classes.term}
            >
              {term}
            </Typography>
          </dt>
          <dd className={classes.value}>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
