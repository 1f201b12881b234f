import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { DeployGateOverride } from '@reliability-suite/plugin-reliability-common';
import { EntityName } from '../people/EntityName';
import { When } from '../time/When';

/** Who overrode the gate, when, until when and why; the ones in force first marked as such. */
export function OverrideHistory({
  overrides,
}: {
  overrides: DeployGateOverride[];
}) {
  if (overrides.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        The gate has never been overridden
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label="Deploy-gate overrides">
      {overrides.map(override => (
        <ListItem
          key={override.id}
          disableGutters
          style={{ display: 'block' }}
          aria-label={`Override #${override.id}`}
        >
          <Typography component="div" variant="body2">
            <Chip
              size="small"
              variant={override.active ? 'default' : 'outlined'}
              color={override.active ? 'secondary' : 'default'}
              label={override.active ? 'In force' : 'Expired'}
            />{' '}
            <EntityName entityRef={override.createdBy} />{' '}
            <When at={override.createdAt} />,{' '}
            {override.active ? 'ends' : 'ended'}{' '}
            <When at={override.expiresAt} />
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {override.reason}
          </Typography>
        </ListItem>
      ))}
    </List>
  );
}
