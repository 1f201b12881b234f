import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import { StatusError, StatusOK } from '@backstage/core-components';
import { ReliabilityProfile } from '@reliability-suite/plugin-reliability-common';

/** What the entity's tier requires that is missing, or that everything is there. */
export function MissingItems({ profile }: { profile: ReliabilityProfile }) {
  if (!profile.tier) {
    return (
      <StatusError>
        No tier set: add the reliability-suite.io/tier annotation (0–3) to see
        what is required
      </StatusError>
    );
  }
  if (profile.missing.length === 0) {
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
    </List>
  );
}
