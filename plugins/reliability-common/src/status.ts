import type { ErrorBudget } from './math/errorBudget';
import type { Freshness } from './freshness';
import { ErrorBudgetPolicy, PolicyState } from './math/policy';
import { SloDefinition } from './slo';

/** The burn rate over one lookback window. */
export interface BurnRateFigure {
  windowMs: number;
  /** Undefined when the window had no traffic (no data). */
  rate?: number;
}

/** One point of the burn-down chart: remaining budget (fraction) at a time. */
export interface BudgetPoint {
  /** Epoch milliseconds UTC. */
  t: number;
  remaining?: number;
}

/** What one evaluation of an SLO measured and concluded. */
export interface SloFigures {
  target: number;
  /** The measured SLI over the window; undefined = no data. */
  sli?: number;
  /** Whether the SLI meets the target; undefined = no data. */
  attained?: boolean;
  windowStart: number;
  windowEnd: number;
  /** The error budget over the window, from `errorBudget` (one definition for every view). */
  budget: ErrorBudget;
  burnRates: BurnRateFigure[];
  /** When the budget runs out at the 6-hour burn rate; epoch ms. */
  projectedExhaustion?: number;
  policyState: PolicyState;
  /** Remaining budget across the window, for the burn-down chart. */
  history: BudgetPoint[];
  /** When the data was measured (the query time), epoch ms. */
  measuredAt: number;
}

/** The stored state of an SLO: last good figures and, when the last try failed, why. */
export interface SloStatus {
  sloName: string;
  /** `ok`: the last evaluation succeeded; `degraded`: it failed and `figures` are the last good ones; `pending`: never evaluated. */
  state: 'ok' | 'degraded' | 'pending';
  figures?: SloFigures;
  /** Why the last evaluation failed. */
  error?: string;
  /** When evaluation was last tried, epoch ms. */
  attemptedAt?: number;
  /** When the figures were measured, epoch ms. */
  goodAt?: number;
}

/** An entity's SLOs with their latest stored status: what the entity page shows. */
export interface EntitySlos {
  entityRef: string;
  /** The worst state of its SLOs. */
  policyState: PolicyState;
  /** The error-budget policy that applies to the entity (its thresholds and actions). */
  policy: ErrorBudgetPolicy;
  slos: Array<{
    definition: SloDefinition;
    status: SloStatus;
    /**
     * The SLO's file cannot be read now (see `unreadable`): this is the definition last read,
     * kept so nothing is lost, but not trusted (the deploy gate does not answer from it).
     */
    definitionUnreadable?: boolean;
    /** How old the figures are when served, and whether they are stale (see `freshness`). */
    freshness?: Freshness;
  }>;
  /** The entity's least current figures: stale when any SLO's are. */
  freshness?: Freshness;
  /** Why the entity's SLO files cannot be read now, as `file:line field: reason`; empty if they can. */
  unreadable?: string[];
  /** The entity's definitions have not been read yet: `slos` is empty because nothing is known. */
  pending?: boolean;
}
