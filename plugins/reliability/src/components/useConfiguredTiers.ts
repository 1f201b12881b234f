import { useApi } from '@backstage/core-plugin-api';
import { TierDefinition } from '@reliability-suite/plugin-reliability-common';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../api/ReliabilityApi';

/** The tiers the backend is configured with; undefined while loading or when they cannot be read. */
export function useConfiguredTiers(): TierDefinition[] | undefined {
  const api = useApi(reliabilityApiRef);
  return useAsync(() => api.getTiers(), [api]).value;
}
