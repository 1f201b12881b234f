import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { InfoCard, StatusError } from '@backstage/core-components';
import { ReliabilityProfile } from '@reliability-suite/plugin-reliability-common';
import { CardBoundary } from './CardBoundary';
import {
  DefinitionUnreadableChip,
  unreadableSloNames,
} from './DefinitionUnreadableChip';
import { DefinitionsPending } from './DefinitionsPending';
import { OnCallSummary } from './OnCallSummary';
import { ProfileLoader } from './ProfileLoader';
import { TierBadge } from './TierBadge';
import { formatObjectives, formatWindow } from './format';
import { BudgetSummary } from './overview/BudgetSummary';
import { FactList } from './overview/FactList';
import { GateSummary } from './overview/GateSummary';
import { ProfileRequirements } from './overview/ProfileRequirements';
import { ReadinessSummaryLine } from './overview/ReadinessSummaryLine';
import { useEntitySlos } from './useEntitySlos';

/** The SLOs and their objectives, each marked when its file cannot be read now. */
function SloList({ profile }: { profile: ReliabilityProfile }) {
  const { value } = useEntitySlos();
  const unreadable = unreadableSloNames(value?.slos);
  if (profile.slos.length === 0) return null;
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

/** The card's facts: tier, on call, budget left, deploy gate, readiness, what is missing. */
function OverviewFacts({ profile }: { profile: ReliabilityProfile }) {
  return (
    <FactList
      label="Reliability summary"
      facts={[
        {
          term: 'Tier',
          value: <TierBadge tier={profile.tier} />,
          what: 'The tier',
        },
        {
          term: 'On call',
          value: <OnCallSummary onCall={profile.onCall} />,
          what: 'The on-call',
        },
        {
          term: 'Budget left',
          value: <BudgetSummary profile={profile} />,
          what: 'The error budget',
        },
        {
          term: 'Deploy gate',
          value: <GateSummary />,
          what: 'The deploy gate',
        },
        {
          term: 'Readiness',
          value: <ReadinessSummaryLine />,
          what: 'The readiness',
        },
        {
          term: 'Profile',
          value: <ProfileRequirements profile={profile} />,
          what: 'The tier requirements',
        },
      ]}
    />
  );
}

/**
 * Compact reliability summary for the entity overview page: may it deploy, how much error budget
 * is left, how ready it is to launch and what its tier still misses, with a link to the tab. Each
 * part fails on its own, and the card as a whole never takes the overview page down. An entity
 * whose definitions have not been read yet says so first.
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
                <OverviewFacts profile={profile} />
                {profile.problems.length > 0 && (
                  <StatusError>
                    {profile.problems.length} problem(s) in the reliability
                    definitions — see the Reliability tab
                  </StatusError>
                )}
                <CardBoundary what="The SLOs">
                  <SloList profile={profile} />
                </CardBoundary>
              </>
            )}
          </ProfileLoader>
        </CardBoundary>
      </InfoCard>
    </CardBoundary>
  );
}
