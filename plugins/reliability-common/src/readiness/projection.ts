import { ReadinessItem, isRequired } from './checklist';
import { CheckResult } from './automaticChecks';
import { ReadinessEvent } from './events';
import { Review } from './review';

/** Where an item stands now. */
export interface ItemStatus {
  item: ReadinessItem;
  required: boolean;
  /**
   * `waived` satisfies a required item like `passing`. `pending`: an automatic item that cannot
   * be checked yet (the entity's definitions have not been read, or its SLOs never measured):
   * neither passing nor failing, and approval waits for it.
   */
  state: 'passing' | 'failing' | 'waived' | 'pending';
  reason: string;
  /** The attestation in force (manual items). */
  attestation?: {
    actor: string;
    at: number;
    evidence: string[];
    comment?: string;
    expiresAt: number;
  };
  /** The waiver in force. */
  waiver?: { actor: string; at: number; reason: string; expiresAt: number };
}

/** The checklist of an entity with its score. */
export interface ReadinessSummary {
  items: ItemStatus[];
  /** Required items passing / required items (waivers do not count as passing). */
  score?: number;
  requiredPassing: number;
  requiredCount: number;
  /** Required items failing (neither passing, waived nor pending): what blocks approval. */
  blocking: string[];
  /**
   * Required items pending (not checked yet): not failing, but approval waits until they are
   * checked (or waived).
   */
  pending: string[];
}

/** An entity's readiness as the API serves it: the live checklist, the latest review, the audit trail. */
export interface EntityReadiness {
  entityRef: string;
  tierLevel?: number;
  summary: ReadinessSummary;
  review?: Review;
  events: ReadinessEvent[];
}

function latest(
  events: ReadinessEvent[],
  type: ReadinessEvent['type'],
  itemId: string,
  now: number,
) {
  return events
    .filter(e => e.type === type && e.itemId === itemId && e.at <= now)
    .sort((a, b) => b.at - a.at || b.id - a.id)[0];
}

function automaticState(result: CheckResult | undefined): ItemStatus['state'] {
  if (result?.passed) return 'passing';
  if (result?.pending) return 'pending';
  return 'failing';
}

/**
 * Projects the checklist from the automatic results and the append-only events: a manual item
 * passes while its latest attestation has not expired; any item is waived while its latest
 * waiver has not expired. Expired attestations and waivers fall back to failing. An automatic
 * item whose check is pending stays pending (a waiver in force still waives it).
 */
export function projectReadiness(
  items: ReadonlyArray<ReadinessItem>,
  tierLevel: number | undefined,
  automatic: CheckResult[],
  events: ReadinessEvent[],
  now: number,
): ReadinessSummary {
  const statuses = items.map((item): ItemStatus => {
    const required = isRequired(item, tierLevel);
    const waived = latest(events, 'item.waived', item.id, now);
    const waiver =
      waived && waived.data.expiresAt! > now
        ? {
            actor: waived.actor,
            at: waived.at,
            reason: waived.data.reason ?? '',
            expiresAt: waived.data.expiresAt!,
          }
        : undefined;
    let state: ItemStatus['state'];
    let reason: string;
    let attestation: ItemStatus['attestation'];
    if (item.kind === 'automatic') {
      const result = automatic.find(r => r.itemId === item.id);
      state = automaticState(result);
      reason = result?.reason ?? 'Not evaluated yet';
    } else {
      const attested = latest(events, 'item.attested', item.id, now);
      if (!attested) {
        state = 'failing';
        reason = 'Not attested';
      } else if (attested.data.expiresAt! <= now) {
        state = 'failing';
        reason = `Attestation by ${attested.actor} expired on ${new Date(
          attested.data.expiresAt!,
        )
          .toISOString()
          .slice(0, 10)}`;
      } else {
        state = 'passing';
        reason = `Attested by ${attested.actor}`;
        attestation = {
          actor: attested.actor,
          at: attested.at,
          evidence: attested.data.evidence ?? [],
          comment: attested.data.comment,
          expiresAt: attested.data.expiresAt!,
        };
      }
    }
    if ((state === 'failing' || state === 'pending') && waiver) {
      state = 'waived';
      reason = `Waived by ${waiver.actor}: ${waiver.reason} (${reason})`;
    }
    return { item, required, state, reason, attestation, waiver };
  });
  const required = statuses.filter(s => s.required);
  const requiredPassing = required.filter(s => s.state === 'passing').length;
  return {
    items: statuses,
    requiredCount: required.length,
    requiredPassing,
    score: required.length ? requiredPassing / required.length : undefined,
    blocking: required.filter(s => s.state === 'failing').map(s => s.item.id),
    pending: required.filter(s => s.state === 'pending').map(s => s.item.id),
  };
}
