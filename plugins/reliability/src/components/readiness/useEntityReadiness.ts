import { useState } from 'react';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { EntityReadiness } from '@reliability-suite/plugin-reliability-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  AttestationRequest,
  LaunchReviewRequest,
  ReviewActionRequest,
  WaiverRequest,
  reliabilityApiRef,
} from '../../api/ReliabilityApi';
import { downloadFile } from '../downloadFile';

/** What people do on the Readiness tab. Each write replaces the readiness with the backend's answer. */
export interface ReadinessActions {
  attest(request: AttestationRequest): Promise<void>;
  waive(request: WaiverRequest): Promise<void>;
  openReview(request: LaunchReviewRequest): Promise<void>;
  actOnReview(reviewId: number, request: ReviewActionRequest): Promise<void>;
  /** Downloads the audit trail as the backend exports it. */
  exportEvents(): Promise<void>;
}

/** Loads the readiness of the entity whose page this is, and the actions that change it. */
export function useEntityReadiness() {
  const { entity } = useEntity();
  const api = useApi(reliabilityApiRef);
  const ref = getCompoundEntityRef(entity);
  const [readiness, setReadiness] = useState<EntityReadiness>();
  const { loading, error, retry } = useAsyncRetry(async () => {
    setReadiness(await api.getReadiness(ref));
  }, [api, ref.kind, ref.namespace, ref.name]);
  const actions: ReadinessActions = {
    attest: async request => setReadiness(await api.attest(ref, request)),
    waive: async request => setReadiness(await api.waive(ref, request)),
    openReview: async request =>
      setReadiness(await api.openReview(ref, request)),
    actOnReview: async (reviewId, request) =>
      setReadiness(await api.actOnReview(reviewId, request)),
    exportEvents: async () =>
      downloadFile(
        JSON.stringify(await api.getReadinessEvents(ref), null, 2),
        'application/json',
        `${stringifyEntityRef(ref).replace(/[:/]/g, '-')}.audit.json`,
      ),
  };
  return { readiness, loading, error, retry, actions };
}
