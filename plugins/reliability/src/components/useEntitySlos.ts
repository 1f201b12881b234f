import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { reliabilityApiRef } from '../api/ReliabilityApi';

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
      const yaml = await api.getPrometheusRules(ref);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(
        new Blob([yaml], { type: 'application/yaml' }),
      );
      link.download =
        `${ref.kind}-${ref.namespace}-${ref.name}.rules.yaml`.toLocaleLowerCase(
          'en-US',
        );
      link.click();
      URL.revokeObjectURL(link.href);
    },
  };
}
