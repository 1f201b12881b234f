import {
  EntityReliabilitySettings,
  ReadinessEvent,
  TierDefinition,
} from '@reliability-suite/plugin-reliability-common';

const DAY_MS = 86_400_000;

/** `2026-12-15` of an epoch ms (UTC). */
export const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** An attestation or waiver in force that expires soon. */
export interface ExpiringGrant {
  kind: 'attestation' | 'waiver';
  itemId: string;
  actor: string;
  at: number;
  expiresAt: number;
  /** The waiver's reason. */
  reason?: string;
}

/** The notification-state subject of a grant: `attestation alerts`, `waiver dr`. */
export const grantSubject = (grant: Pick<ExpiringGrant, 'kind' | 'itemId'>) =>
  `${grant.kind} ${grant.itemId}`;

/** The state stored once a grant's expiry was announced: one notification per expiry. */
export const expiryState = (grant: Pick<ExpiringGrant, 'expiresAt'>) =>
  `expires ${grant.expiresAt}`;

const GRANT_TYPES = {
  'item.attested': 'attestation',
  'item.waived': 'waiver',
} as const;

/**
 * The attestations and waivers in force (the latest of each item, as the checklist projects
 * them) that expire within `withinMs` from `now`. An expired one is not announced (the checklist
 * shows it failing); a renewed one is the newer grant, with its own expiry.
 */
export function expiringGrants(
  events: ReadonlyArray<ReadinessEvent>,
  now: number,
  withinMs: number,
): ExpiringGrant[] {
  const latest = new Map<string, ReadinessEvent>();
  for (const event of events) {
    const kind = GRANT_TYPES[event.type as keyof typeof GRANT_TYPES];
    if (!kind || !event.itemId || event.at > now) continue;
    const key = grantSubject({ kind, itemId: event.itemId });
    const known = latest.get(key);
    if (
      !known ||
      event.at > known.at ||
      (event.at === known.at && event.id > known.id)
    )
      latest.set(key, event);
  }
  const grants: ExpiringGrant[] = [];
  for (const event of latest.values()) {
    const expiresAt = event.data.expiresAt;
    if (
      expiresAt === undefined ||
      expiresAt <= now ||
      expiresAt - now > withinMs
    )
      continue;
    grants.push({
      kind: GRANT_TYPES[event.type as keyof typeof GRANT_TYPES],
      itemId: event.itemId!,
      actor: event.actor,
      at: event.at,
      expiresAt,
      reason: event.data.reason,
    });
  }
  return grants.sort((a, b) => a.expiresAt - b.expiresAt);
}

/** Where an entity's DR test stands against its tier's interval. */
export interface DrTestStatus {
  state: 'overdue' | 'current';
  lastTested: string;
  /** `YYYY-MM-DD`, as the profile computes it. */
  nextTestDue: string;
  intervalDays: number;
  tierName: string;
}

/**
 * The DR test state of an entity whose tier sets a test interval and that records a last test
 * (`reliability-suite.io/dr-tested`); undefined otherwise (a missing test is a missing profile
 * item, not an overdue one). Overdue from the day after the due date, as on the profile.
 */
export function drTestStatus(
  settings: EntityReliabilitySettings,
  tiers: ReadonlyArray<TierDefinition>,
  now: number,
): DrTestStatus | undefined {
  const tier = tiers.find(t => t.level === settings.tierLevel);
  const intervalDays = tier?.dr.testIntervalDays;
  const lastTested = settings.drTested;
  const tested = lastTested ? Date.parse(lastTested) : NaN;
  if (!tier || !intervalDays || !lastTested || Number.isNaN(tested))
    return undefined;
  const nextTestDue = isoDate(tested + intervalDays * DAY_MS);
  return {
    state: nextTestDue < isoDate(now) ? 'overdue' : 'current',
    lastTested,
    nextTestDue,
    intervalDays,
    tierName: tier.name,
  };
}
