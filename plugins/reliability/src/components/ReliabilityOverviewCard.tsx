import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import {
  InfoCard,
  StatusError,
  StatusWarning,
} from '@backstage/core-components';
import { ReliabilityProfile } from '@reliability-suite/plugin-reliability-common';
import { CardBoundary } from './CardBoundary';
import {
  DefinitionUnreadableChip,
  unreadableSloNames,
} from './DefinitionUnreadableChip';
import { DefinitionsPending } from './DefinitionsPending';
import { MissingItems } from './MissingItems';
import { PendingChip, allPending } from './PendingChip';
import { ProfileFacts } from './ProfileFacts';
import { ProfileLoader } from './ProfileLoader';
import { formatObjectives, formatWindow } from './format';
import { PolicyStateChip } from './PolicyStateChip';
import { StaleChip } from './StaleChip';
import { ReadinessOverviewLine } from './readiness/ReadinessOverviewLine';
import { useEntitySlos } from './useEntitySlos';

function SloList({
  profile,
  unreadable,
}: {
  profile: ReliabilityProfile;
  unreadable: ReadonlySet<string>;
}) {
  if (profile.slos.length === 0) {
    return (
      <Typography color="textSecondary">
        {profile.pending
          ? 'Pending: SLO definitions not read yet'
          : 'No SLOs defined'}
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label="SLOs">
      {profile.slos.map(slo => (
        <ListItem
          key={slo.name}
          disableGutters
          style={{ flexWrap: 'wrap', gap: 8 }}
        >
          <Typography variant="body2">
            {slo.displayName ?? slo.name}: {formatObjectives(slo)} over{' '}
            {formatWindow(slo.timeWindow)}
          </Typography>
          {unreadable.has(slo.name) && <DefinitionUnreadableChip />}
        </ListItem>
      ))}
    </List>
  );
}

/**
 * The SLOs with their overall error-budget state (as bad as the worst SLO), and a line when the
 * SLO files cannot be read.
 */
function SloSummary({ profile }: { profile: ReliabilityProfile }) {
  const { value } = useEntitySlos();
  const unreadable = unreadableSloNames(value?.slos);
  return (
    <>
      <SloList profile={profile} unreadable={unreadable} />
      {value && value.slos.length > 0 && (
        <Typography component="div" style={{ marginTop: 8 }}>
          Error budgets:{' '}
          {allPending(value.slos) ? (
            <PendingChip />
          ) : (
            <PolicyStateChip state={value.policyState} />
          )}{' '}
          <StaleChip freshness={value.freshness} />
        </Typography>
      )}
      {(value?.unreadable?.length ?? 0) > 0 && (
        <StatusWarning>
          SLO definitions unreadable: the deploy gate refuses until the files
          can be read — see the Reliability tab
        </StatusWarning>
      )}
    </>
  );
}

/**
 * Compact reliability summary for the entity overview page. Each part fails on its own, and the
 * card as a whole never takes the overview page down. An entity whose definitions have not been
 * read yet says so first.
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
                {profile.pending && <DefinitionsPending profile={profile} />}
                <CardBoundary what="The reliability profile">
                  <ProfileFacts profile={profile} />
                </CardBoundary>
                <Typography variant="subtitle2" style={{ marginTop: 16 }}>
                  SLOs
                </Typography>
                <CardBoundary what="The SLOs">
                  <SloSummary profile={profile} />
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
