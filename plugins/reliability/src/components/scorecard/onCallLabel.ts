/**
 * The scorecard's short form of an on-call label (the profile's `PagerDuty service PGRP001`):
 * the service, team, schedule or person alone. `PGRP001`, `payments-oncall` (of `Opsgenie team
 * payments-oncall`), `#search-oncall` (of a chat link `https://chat.example.com/#search-oncall`),
 * `search-oncall` (of `search-oncall@example.com`), `PagerDuty` when only an integration key is
 * known; anything else as written.
 */
export function compactOnCall(label: string): string {
  const provider = /^(?:PagerDuty service|Opsgenie team|Opsgenie) (.+)$/.exec(
    label,
  );
  if (provider) return provider[1];
  if (label === 'PagerDuty (integration key set)') return 'PagerDuty';
  const email = /^([^\s@/:]+)@[^\s@/]+$/.exec(label);
  if (email) return email[1];
  return linkName(label) ?? label;
}

/**
 * The last named part of an http(s) link: its fragment, else its last path segment or host;
 * undefined for what is no such link (or does not decode).
 */
function linkName(label: string): string | undefined {
  if (!/^https?:\/\//i.test(label)) return undefined;
  try {
    const url = new URL(label);
    if (url.hash.length > 1) return decodeURIComponent(url.hash);
    const segments = url.pathname.split('/').filter(Boolean);
    return segments.length
      ? decodeURIComponent(segments[segments.length - 1])
      : url.host;
  } catch {
    return undefined;
  }
}
