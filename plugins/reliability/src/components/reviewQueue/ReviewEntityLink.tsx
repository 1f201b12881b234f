import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { shortRef } from '../scorecard/entityRefs';
import { TruncatedText } from '../table/TruncatedText';

/**
 * The reviewed entity, linking to its Readiness tab (where the review is decided). The path is
 * built by the catalog's entity route with encoded parts; a ref that does not parse is plain text.
 * A long name is cut with an ellipsis, the whole reference in a tooltip.
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
  return (
    <Link to={`${path}/readiness`}>
      <TruncatedText text={text} title={entityRef} maxWidth="14rem" />
    </Link>
  );
}
