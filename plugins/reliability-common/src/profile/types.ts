import { DefinitionProblem } from '../problems';
import { SloDefinition } from '../slo';
import { ProfileRequirement, TierDefinition } from '../tiers';

/** Who to page and how, whatever the paging provider. */
export interface OnCallContact {
  provider: 'pagerduty' | 'opsgenie' | 'contact';
  /** What to show, e.g. `PagerDuty service PX1234`. */
  label: string;
  /** Where to page or see who is on call, when known: only ever an `http:`, `https:` or `mailto:` URL. */
  url?: string;
  /** Whether it was set on the entity itself or inherited from its owner group. */
  source: 'entity' | 'owner';
  /** Entity reference of where it was found. */
  sourceRef: string;
}

export interface ProfileLink {
  title: string;
  /**
   * An `http:` or `https:` URL. Undefined when the value written is not one (`javascript:…`):
   * the title is then shown as text and the value is a profile problem.
   */
  url?: string;
  /** Set for per-SLO runbooks. */
  sloName?: string;
  /** Runbooks: the date of the last review, `YYYY-MM-DD`, when the entity says it. */
  lastReviewed?: string;
  /** Runbooks: when the next review is due under the tier's interval, `YYYY-MM-DD`. */
  reviewDue?: string;
  /** Runbooks: the review is overdue (`reviewDue` has passed). */
  stale?: boolean;
}

/** A requirement of the entity's tier that the profile does not meet. */
export interface MissingItem {
  requirement: ProfileRequirement;
  message: string;
}

export interface DrPosture {
  rtoMinutes?: number;
  rpoMinutes?: number;
  /** Date of the last DR test, `YYYY-MM-DD`. */
  lastTested?: string;
  /** When the next DR test is due under the tier's interval, `YYYY-MM-DD`. */
  nextTestDue?: string;
}

/** Everything the portal knows about an entity's reliability, resolved for display. */
export interface ReliabilityProfile {
  entityRef: string;
  /** Undefined when the entity names no tier (or one that is not configured). */
  tier?: TierDefinition;
  owner?: string;
  onCall?: OnCallContact;
  runbooks: ProfileLink[];
  dashboards: ProfileLink[];
  dr: DrPosture;
  slos: SloDefinition[];
  /** Definition problems, each `file:line field: reason`. */
  problems: DefinitionProblem[];
  /** What the tier requires that is missing. Empty without a tier. */
  missing: MissingItem[];
  /** When the SLO files were last read; undefined if they have not been read yet. */
  definitionsReadAt?: string;
  /**
   * The entity declares reliability definitions that have not been read yet (new in the catalog,
   * or the first cycle after start-up has not reached it): `slos` and `problems` are unknown, not
   * empty, and `missing` leaves out what depends on them.
   */
  pending?: boolean;
  /**
   * With `pending`: how often the backend's cycle reads definitions and measures SLOs, in
   * minutes (the pending entity is read within about one cycle).
   */
  cycleIntervalMinutes?: number;
}

/** The links that are links (http:/https:); others are shown as text and count for nothing. */
export function usableLinks<T extends ProfileLink>(links: T[]): T[] {
  return links.filter(link => link.url !== undefined);
}
