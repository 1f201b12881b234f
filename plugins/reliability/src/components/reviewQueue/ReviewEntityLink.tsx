import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { shortRef } from '../scorecard/entityRefs';

/**
 * The reviewed entity, linking to its Readiness tab (where the review is decided). The path is
 * built by the catalog's entity route with encoded parts; a ref that does not parse is plain text.
 */
export function ReviewEntityLink({ entityRef }: { entityRef: string }) {
  const entityRoute = useRouteRef(entityRouteRef);
  const text = shortRef(entityRef, 'component');
  let path: string;
  try {
    path = entityRoute(entityRouteParams(entityRef, { encodeParams: true }));
  } catch {
    return <>{text}</>;
  }
  return <Link to={`${path}/readiness`}>{text}</Link>;
}
