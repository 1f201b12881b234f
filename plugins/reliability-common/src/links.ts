/** Schemes a value from a team's file or a user may become a link with. */
const WEB_SCHEMES = new Set(['http:', 'https:']);

/** Options of {@link safeLinkUrl}. */
export interface SafeLinkOptions {
  /** Also allow `mailto:` (on-call contacts). */
  mailto?: boolean;
}

/**
 * The URL when it may be rendered as a link: `http:` or `https:` (and `mailto:` when asked),
 * as a browser would parse it (WHATWG URL, so `JaVa\tScRiPt:` is caught too). Anything else
 * (`javascript:`, `data:`, `vbscript:`, relative or unparsable text) gives undefined: show it as
 * text instead.
 */
export function safeLinkUrl(
  url: unknown,
  options: SafeLinkOptions = {},
): string | undefined {
  if (typeof url !== 'string' || url.length === 0 || url.length > 2048)
    return undefined;
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return undefined;
  }
  if (WEB_SCHEMES.has(protocol)) return url;
  if (options.mailto && protocol === 'mailto:') return url;
  return undefined;
}

/** Why a value is not a safe link, in words for a problem or a 400; undefined when it is one. */
export function linkUrlProblem(
  url: unknown,
  options: SafeLinkOptions = {},
): string | undefined {
  if (safeLinkUrl(url, options) !== undefined) return undefined;
  if (typeof url === 'string' && url.length > 2048)
    return 'must be a link of at most 2048 characters';
  return options.mailto
    ? 'must be an http:, https: or mailto: link'
    : 'must be an http: or https: link';
}
