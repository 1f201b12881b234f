/** How error budget is counted (OpenSLO `budgetingMethod`). */
export type BudgetingMethod = 'Occurrences' | 'Timeslices' | 'RatioTimeslices';

export const BUDGETING_METHODS: ReadonlyArray<BudgetingMethod> = [
  'Occurrences',
  'Timeslices',
  'RatioTimeslices',
];

/** The window an SLO is measured over. */
export type SloTimeWindow =
  | { type: 'rolling'; duration: string; durationMs: number }
  | { type: 'calendar'; duration: string; startTime: string; timeZone: string };

/** A PromQL query and the metric source it runs against. */
export interface MetricQuery {
  /** Name of the DataSource (OpenSLO `metricSourceRef`), or undefined for the default source. */
  metricSource?: string;
  /** PromQL expression, already checked to parse. */
  query: string;
}

/** What an SLI measures. */
export type SliMetric =
  | {
      type: 'ratio';
      /** Whether the queries are monotonic counters (OpenSLO `counter`). */
      counter: boolean;
      good?: MetricQuery;
      bad?: MetricQuery;
      total: MetricQuery;
    }
  | { type: 'threshold'; query: MetricQuery };

/** Comparison of a threshold SLI with the objective's value. */
export type ThresholdOperator = 'lt' | 'lte' | 'gt' | 'gte';

/** One objective of an SLO. */
export interface SloObjective {
  displayName?: string;
  /** Target as a fraction in (0, 1): 0.999 = 99.9 %. */
  target: number;
  /** For threshold SLIs: a good event/slice is one where `value op threshold` holds. */
  op?: ThresholdOperator;
  value?: number;
  /** For Timeslices: fraction of a slice's events that must be good for the slice to be good. */
  timeSliceTarget?: number;
  /** For Timeslices/RatioTimeslices: length of a slice, e.g. `1m`. */
  timeSliceWindow?: string;
}

/** An SLO after parsing and reference resolution, whatever format it came from. */
export interface SloDefinition {
  name: string;
  displayName?: string;
  description?: string;
  service?: string;
  indicator: { name?: string; metric: SliMetric };
  objectives: SloObjective[];
  timeWindow: SloTimeWindow;
  budgetingMethod: BudgetingMethod;
  /** Names of the alert policies attached to the SLO. */
  alertPolicies: string[];
  runbook?: string;
  /** Where it was defined. */
  source: { format: 'openslo' | 'inline'; file: string; line?: number };
}
