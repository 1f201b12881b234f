import Typography from '@material-ui/core/Typography';
import { When } from '../time/When';
import { DeployGateVerdict } from '../deployGate/DeployGateVerdict';
import { useDeployGateDecision } from '../deployGate/useDeployGate';

/** What the deploy gate answers CI now, and why; an emergency override in force. */
export function GateSummary() {
  const { value, error } = useDeployGateDecision();
  if (error) {
    return (
      <Typography variant="body2" color="textSecondary" title={error.message}>
        Deploy gate unavailable
      </Typography>
    );
  }
  if (!value) return null;
  return (
    <>
      <Typography component="div" variant="body2">
        <DeployGateVerdict decision={value} />
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {value.reason}
      </Typography>
      {value.override && (
        <Typography variant="body2" color="textSecondary">
          Override ends <When at={value.override.expiresAt} />
        </Typography>
      )}
    </>
  );
}
