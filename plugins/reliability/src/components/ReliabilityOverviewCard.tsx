import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { InfoCard, StatusError } from '@backstage/core-components';
import { ReliabilityProfile } from '@reliability-suite/plugin-reliability-common';
import { CardBoundary } from './CardBoundary';
import { MissingItems } from './MissingItems';
import { ProfileFacts } from './ProfileFacts';
import { ProfileLoader } from './ProfileLoader';
import { formatObjectives, formatWindow } from './format';
import { PolicyStateChip } from './PolicyStateChip';
import { ReadinessOverviewLine } from './readiness/ReadinessOverviewLine';
import { useEntitySlos } from './useEntitySlos';

function SloList({ profile }: { profile: ReliabilityProfile }) {
  if (profile.slos.length === 0) {
    return <Typography color="textSecondary">No SLOs defined</Typography>;
  }
  return (
    <List dense disablePadding aria-label="SLOs">
      {profile.slos.map(slo => (
        <ListItem key={slo.name} disableGutters>
          <Typography variant="body2">
            {slo.displayName ?? slo.name}: {formatObjectives(slo)} over{' '}
            {formatWindow(slo.timeWindow)}
          </Typography>
        </ListItem>
      ))}
    </List>
  );
}

/** The entity's overall error-budget state: as bad as its worst SLO. */
function OverallBudgetState() {
  const { value } = useEntitySlos();
  if (!value || value.slos.length === 0) return null;
  return (
    <Typography component="div" style={{ marginTop: 8 }}>
      Error budgets: <PolicyStateChip state={value.policyState} />
    </Typography>
  );
}

/**
 * Compact reliability summary for the entity overview page. Each part fails on its own, and the
 * card as a whole never takes the overview page down.
 */
export function ReliabilityOverviewCard() {
  return (
    <CardBoundary what="The reliability summary">
      <InfoCard
        title="Reliability"
        deepLink={{ title: 'Open the Reliability tab', link: 'reliability' }}
      >
        <CardBoundary what="The reliability summary">
          <ProfileLoader>
            {profile => (
              <>
                <CardBoundary what="The reliability profile">
                  <ProfileFacts profile={profile} />
                </CardBoundary>
                <Typography variant="subtitle2" style={{ marginTop: 16 }}>
                  SLOs
                </Typography>
                <CardBoundary what="The SLOs">
                  <SloList profile={profile} />
                  <OverallBudgetState />
                </CardBoundary>
                <CardBoundary what="The readiness">
                  <ReadinessOverviewLine />
                </CardBoundary>
                {profile.problems.length > 0 && (
                  <StatusError>
                    {profile.problems.length} problem(s) in the reliability
                    definitions — see the Reliability tab
                  </StatusError>
                )}
                <Typography variant="subtitle2" style={{ marginTop: 16 }}>
                  Requirements
                </Typography>
                <CardBoundary what="The tier requirements">
                  <MissingItems profile={profile} />
                </CardBoundary>
              </>
            )}
          </ProfileLoader>
        </CardBoundary>
      </InfoCard>
    </CardBoundary>
  );
}
