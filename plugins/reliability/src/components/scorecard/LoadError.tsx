import { ResponseErrorPanel } from '@backstage/core-components';
import { describeError } from '../readiness/describeError';

/** A failed load, titled with the backend's own message (`403`, `400`…) when it sent one. */
export function LoadError({ error }: { error: Error }) {
  return <ResponseErrorPanel error={error} title={describeError(error)} />;
}
