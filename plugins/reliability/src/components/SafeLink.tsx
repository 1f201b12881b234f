import { ReactNode } from 'react';
import { Link } from '@backstage/core-components';
import { safeLinkUrl } from '@reliability-suite/plugin-reliability-common';

/**
 * A link to a URL that came from a team's file or a user, only when it is `http:` or `https:`
 * (or `mailto:` when asked). Anything else (`javascript:…`, `data:…`, no URL) is plain text,
 * never a link.
 */
export function SafeLink({
  url,
  mailto,
  children,
  fallback,
}: {
  url: unknown;
  mailto?: boolean;
  /** What the link shows; the URL itself when not given. */
  children?: ReactNode;
  /** What to show instead when the URL may not be a link; `children` when not given. */
  fallback?: ReactNode;
}) {
  const href = safeLinkUrl(url, { mailto });
  const text = children ?? String(url ?? '');
  if (href) return <Link to={href}>{text}</Link>;
  return <>{fallback ?? text}</>;
}
