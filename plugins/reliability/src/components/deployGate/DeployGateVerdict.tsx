import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { DeployGateDecision } from '@reliability-suite/plugin-reliability-common';

/** `Deploys allowed (low risk)`, `Deploys refused (high risk)`. */
export function verdictText(
  decision: Pick<DeployGateDecision, 'allowed' | 'riskLevel'>,
): string {
  return `Deploys ${decision.allowed ? 'allowed' : 'refused'} (${
    decision.riskLevel
  } risk)`;
}

/** The gate's answer as a status: green when allowed at low risk, amber when allowed otherwise, red when refused. */
export function DeployGateVerdict({
  decision,
}: {
  decision: Pick<DeployGateDecision, 'allowed' | 'riskLevel'>;
}) {
  const text = verdictText(decision);
  if (!decision.allowed) return <StatusError>{text}</StatusError>;
  if (decision.riskLevel === 'low') return <StatusOK>{text}</StatusOK>;
  return <StatusWarning>{text}</StatusWarning>;
}
