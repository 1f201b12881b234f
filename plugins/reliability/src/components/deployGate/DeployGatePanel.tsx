import { useState } from 'react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { InfoCard, Progress, StatusWarning } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  DeployGateDecision,
  deployGateOverridePermission,
} from '@reliability-suite/plugin-reliability-common';
import { DeployGateOverrideRequest } from '../../api/ReliabilityApi';
import { CardBoundary } from '../CardBoundary';
import { EntityName } from '../people/EntityName';
import { When } from '../time/When';
import { describeError } from '../readiness/describeError';
import { GuardedButton } from '../permissions/GuardedButton';
import { useEntityPermission } from '../permissions/useEntityPermission';
import { StaleChip } from '../StaleChip';
import { DeployGateVerdict } from './DeployGateVerdict';
import { OverrideDialog } from './OverrideDialog';
import { OverrideHistory } from './OverrideHistory';
import { useDeployGate } from './useDeployGate';

/** The decision: allowed or refused, why, what the policy asks, and an override in force. */
function Decision({ decision }: { decision: DeployGateDecision }) {
  return (
    <Box role="group" aria-label="Deploy-gate decision">
      <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={8}>
        <Typography component="div" variant="h6">
          <DeployGateVerdict decision={decision} />
        </Typography>
        <StaleChip freshness={decision.freshness} />
      </Box>
      <Typography variant="body2">{decision.reason}</Typography>
      {decision.override && (
        <Alert severity="warning" style={{ marginTop: 8 }}>
          Emergency override by{' '}
          <EntityName entityRef={decision.override.createdBy} />, ends{' '}
          <When at={decision.override.expiresAt} />: {decision.override.reason}
        </Alert>
      )}
      {decision.actions.length > 0 && (
        <Typography variant="body2" style={{ marginTop: 8 }}>
          The error-budget policy asks:
        </Typography>
      )}
      {decision.actions.length > 0 && (
        <List dense disablePadding aria-label="What the policy asks">
          {decision.actions.map(action => (
            <ListItem key={action} disableGutters>
              <Typography variant="body2">{action}</Typography>
            </ListItem>
          ))}
        </List>
      )}
      {decision.warnings.map(warning => (
        <StatusWarning key={warning}>{warning}</StatusWarning>
      ))}
    </Box>
  );
}

/**
 * Override, for a gate that refuses: disabled with the reason for a viewer who may not override
 * (owners of the entity and SREs may).
 */
function OverrideAction({
  onOverride,
}: {
  onOverride: (request: DeployGateOverrideRequest) => Promise<void>;
}) {
  const { entity } = useEntity();
  const permission = useEntityPermission(deployGateOverridePermission);
  const [open, setOpen] = useState(false);
  return (
    <Box mt={2}>
      <GuardedButton
        variant="outlined"
        color="secondary"
        disabledReason={permission.deniedReason}
        onClick={() => setOpen(true)}
      >
        Override
      </GuardedButton>
      {permission.deniedReason && (
        <Typography variant="caption" color="textSecondary" component="p">
          {permission.deniedReason}
        </Typography>
      )}
      {open && (
        <OverrideDialog
          entityTitle={entity.metadata.title ?? entity.metadata.name}
          onSave={onOverride}
          onClose={() => setOpen(false)}
        />
      )}
    </Box>
  );
}

/**
 * The deploy gate on the Reliability tab: what CI is told now (allowed or refused, and why), the
 * overrides in force and past, and Override for a gate that refuses.
 */
export function DeployGatePanel() {
  const { decision, overrides, override } = useDeployGate();
  return (
    <InfoCard title="Deploy gate">
      <CardBoundary what="The deploy gate">
        {decision.loading && !decision.value && <Progress />}
        {decision.error && (
          <Alert severity="error">
            The deploy gate could not be asked: {describeError(decision.error)}
          </Alert>
        )}
        {decision.value && (
          <>
            <Decision decision={decision.value} />
            {!decision.value.allowed && (
              <OverrideAction onOverride={override} />
            )}
          </>
        )}
        <Typography variant="subtitle2" style={{ marginTop: 16 }}>
          Overrides
        </Typography>
        {overrides.error && (
          <Alert severity="error">
            The overrides could not be read: {describeError(overrides.error)}
          </Alert>
        )}
        {overrides.value && <OverrideHistory overrides={overrides.value} />}
      </CardBoundary>
    </InfoCard>
  );
}
