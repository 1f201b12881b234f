import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { downloadFile } from './downloadFile';

/** What {@link useEntitySlos} returns: the loading state, and the actions on the entity's SLOs. */
export type EntitySlosState = ReturnType<typeof useEntitySlos>;

/** Loads the SLO statuses of the entity whose page this is. */
export function useEntitySlos() {
  const { entity } = useEntity();
  const api = useApi(reliabilityApiRef);
  const ref = getCompoundEntityRef(entity);
  const state = useAsyncRetry(
    () => api.getSlos(ref),
    [api, ref.kind, ref.namespace, ref.name],
  );
  return {
    ...state,
    evaluateNow: () => api.evaluateNow(ref),
    downloadRules: async () => {
      downloadFile(
        await api.getPrometheusRules(ref),
        'application/yaml',
        `${ref.kind}-${ref.namespace}-${ref.name}.rules.yaml`.toLocaleLowerCase(
          'en-US',
        ),
      );
    },
  };
}
