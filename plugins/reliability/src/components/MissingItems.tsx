import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import {
  StatusError,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import {
  RELIABILITY_ANNOTATIONS,
  ReliabilityProfile,
  formatTierLevels,
} from '@reliability-suite/plugin-reliability-common';
import { useConfiguredTiers } from './useConfiguredTiers';

/**
 * What the entity's tier requires that is missing, or that everything is there. While the
 * entity's definitions are pending, its SLOs are neither missing nor in place: pending.
 */
export function MissingItems({ profile }: { profile: ReliabilityProfile }) {
  if (!profile.tier) return <NoTier />;
  const slosPending =
    profile.pending && profile.tier.requirements.includes('slos');
  if (profile.missing.length === 0 && !slosPending) {
    return (
      <StatusOK>Everything {profile.tier.name} requires is in place</StatusOK>
    );
  }
  return (
    <List dense disablePadding aria-label={`Missing for ${profile.tier.name}`}>
      {profile.missing.map(item => (
        <ListItem key={item.message} disableGutters>
          <StatusError>{item.message}</StatusError>
        </ListItem>
      ))}
      {slosPending && (
        <ListItem disableGutters>
          <StatusPending>
            SLOs: pending until the definitions of this entity are read
          </StatusPending>
        </ListItem>
      )}
    </List>
  );
}

/** Without a (configured) tier: which annotation to set, to one of the configured levels. */
function NoTier() {
  const tiers = useConfiguredTiers();
  const levels = tiers
    ? ` to ${formatTierLevels(tiers.map(t => t.level))}`
    : '';
  return (
    <StatusError>
      No tier: set the {RELIABILITY_ANNOTATIONS.tier} annotation{levels} to see
      what is required
    </StatusError>
  );
}
