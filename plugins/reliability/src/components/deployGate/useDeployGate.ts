import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  DeployGateOverrideRequest,
  reliabilityApiRef,
} from '../../api/ReliabilityApi';

/** The deploy gate's decision for the entity whose page this is, as CI gets it. */
export function useDeployGateDecision() {
  const { entity } = useEntity();
  const api = useApi(reliabilityApiRef);
  const ref = getCompoundEntityRef(entity);
  return useAsyncRetry(
    async () => api.getDeployGate(ref),
    [api, ref.kind, ref.namespace, ref.name],
  );
}

/**
 * The decision, the override history, and overriding: after an override both are read again,
 * so the panel shows what the gate answers now and the new entry in the history.
 */
export function useDeployGate() {
  const { entity } = useEntity();
  const api = useApi(reliabilityApiRef);
  const ref = getCompoundEntityRef(entity);
  const decision = useDeployGateDecision();
  const overrides = useAsyncRetry(
    async () => (await api.getDeployGateOverrides(ref)) ?? [],
    [api, ref.kind, ref.namespace, ref.name],
  );
  const override = async (request: DeployGateOverrideRequest) => {
    await api.overrideDeployGate(ref, request);
    decision.retry();
    overrides.retry();
  };
  return { decision, overrides, override };
}
