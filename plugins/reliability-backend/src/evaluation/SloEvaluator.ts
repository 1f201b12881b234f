import { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import {
  EntityReliabilitySettings,
  ErrorBudgetPolicy,
  SloDefinition,
  SloFigures,
  SloStatus,
} from '@reliability-suite/plugin-reliability-common';
import { DefinitionsStore } from '../store/DefinitionsStore';
import { StatusOutcome, StatusStore } from '../store/StatusStore';
import { EvaluationOptions, evaluateSlo } from './evaluateSlo';
import { isDue, measureOrder } from '../pipeline/due';
import { MetricSource } from './MetricSource';
import { MetricSourceRegistry } from './metricSources';
import { SourceTimings } from './SourceTimings';

/** What one evaluation stage did. */
export interface EvaluationSummary {
  /** SLOs stored. */
  slos: number;
  /** SLOs evaluated (successfully or not). */
  evaluated: number;
  /** Of those, the ones that could not be measured. */
  degraded: number;
  /** SLOs skipped: attempted within the interval already. */
  skipped: number;
  /** SLOs due but not reached before the stage was stopped (abort). */
  left: number;
}

/**
 * Evaluates stored SLOs against their metric sources and stores the results. A failure marks the
 * SLO degraded with the error and keeps its last good figures.
 */
export class SloEvaluator {
  private readonly clock: () => number;

  constructor(
    private readonly deps: {
      definitions: DefinitionsStore;
      statuses: StatusStore;
      sources: MetricSourceRegistry;
      logger: LoggerService;
      options: Omit<EvaluationOptions, 'policy'>;
      /** The error-budget policy that applies to an entity (tier default or its own). */
      policyFor: (settings: EntityReliabilitySettings) => ErrorBudgetPolicy;
      /** The time, epoch ms (tests). */
      clock?: () => number;
      /**
       * SLOs measured at once, all at the same query time, so that a batching metric source
       * sends their counts together. Default 1.
       */
      concurrency?: number;
    },
  ) {
    this.clock = deps.clock ?? Date.now;
  }

  /**
   * Evaluates every SLO that is due, oldest last attempt first (never attempted before all), so
   * a stage stopped midway is resumed where it matters most. An SLO attempted within the last
   * `intervalMs` (less the tolerance of `isDue`) is skipped: never twice in one interval. Stops
   * between two SLOs when `signal` aborts; each SLO's status is stored on its own.
   */
  async evaluateDue(options: {
    intervalMs: number;
    signal?: AbortSignal;
    timings?: SourceTimings;
    /** Called after each SLO evaluated, with the counts so far. */
    onProgress?: (summary: EvaluationSummary) => void;
  }): Promise<EvaluationSummary> {
    const { intervalMs, signal, timings, onProgress } = options;
    const slos = measureOrder(
      await this.deps.definitions.listSlosByLastAttempt(),
    );
    const summary: EvaluationSummary = {
      slos: slos.length,
      evaluated: 0,
      degraded: 0,
      skipped: 0,
      left: 0,
    };
    const concurrency = this.waveSize();
    let wave: typeof slos = [];
    // A wave's statuses are stored while the next wave is measured; one store at a time.
    let storing: Promise<unknown> = Promise.resolve();
    let storeError: unknown;
    const measureWave = async () => {
      const batch = wave;
      wave = [];
      // One query time for the wave: its SLOs' counts go to the source together.
      const now = this.clock();
      const outcomes = await Promise.all(
        batch.map(async ({ entityRef, settings, slo }) =>
          this.outcome(
            entityRef,
            slo,
            await this.tryMeasure(
              entityRef,
              slo,
              this.deps.policyFor(settings),
              now,
              timings,
            ),
            now,
          ),
        ),
      );
      await storing;
      if (storeError) throw storeError;
      storing = this.deps.statuses.saveMany(outcomes).catch(error => {
        storeError = error;
      });
      summary.evaluated += outcomes.length;
      summary.degraded += outcomes.filter(o => 'error' in o).length;
      onProgress?.(summary);
    };
    for (const due of slos) {
      if (!isDue(due.attemptedAt, this.clock(), intervalMs)) {
        summary.skipped += 1;
      } else if (signal?.aborted) {
        summary.left += 1;
      } else {
        wave.push(due);
        if (wave.length >= concurrency) await measureWave();
      }
    }
    if (wave.length && signal?.aborted) summary.left += wave.length;
    else if (wave.length) await measureWave();
    await storing;
    if (storeError) throw storeError;
    return summary;
  }

  /** Evaluates one entity's SLOs now ("evaluate now"). */
  async evaluateEntity(entityRef: string, now = Date.now()): Promise<void> {
    const stored = await this.deps.definitions.get(entityRef);
    if (!stored) return;
    const policy = this.deps.policyFor(stored.settings);
    const outcomes = await Promise.all(
      stored.slos.map(async slo =>
        this.outcome(
          entityRef,
          slo,
          await this.tryMeasure(entityRef, slo, policy, now),
          now,
        ),
      ),
    );
    await this.deps.statuses.saveMany(outcomes);
    await this.deps.statuses.keepOnly(
      entityRef,
      stored.slos.map(s => s.name),
    );
  }

  /**
   * Every stored SLO's status as measured at a past moment `at`, by entity, stored nowhere (for
   * the scorecard's history). An SLO that cannot be measured then is degraded without figures.
   * Measured in waves like `evaluateDue`; throws the abort reason between two waves when
   * `signal` aborts.
   */
  async statusesAt(
    at: number,
    signal?: AbortSignal,
    timings?: SourceTimings,
  ): Promise<Map<string, SloStatus[]>> {
    const stored = await this.deps.definitions.listSlos();
    const slos = measureOrder(stored);
    const statusOf = new Map<(typeof stored)[number], SloStatus>();
    const size = this.waveSize();
    for (let from = 0; from < slos.length; from += size) {
      signal?.throwIfAborted();
      // One wave at a time, all at `at`, so that a batching source aggregates their counts.
      const wave = slos.slice(from, from + size);
      const measured = await Promise.all(
        wave.map(({ entityRef, settings, slo }) =>
          this.tryMeasure(
            entityRef,
            slo,
            this.deps.policyFor(settings),
            at,
            timings,
          ),
        ),
      );
      wave.forEach((due, index) => {
        const result = measured[index];
        statusOf.set(
          due,
          'figures' in result
            ? {
                sloName: due.slo.name,
                state: 'ok',
                figures: result.figures,
                goodAt: at,
              }
            : {
                sloName: due.slo.name,
                state: 'degraded',
                error: result.error,
                attemptedAt: at,
              },
        );
      });
    }
    // By entity, in the stored order of their SLOs.
    const byEntity = new Map<string, SloStatus[]>();
    for (const due of stored) {
      const statuses = byEntity.get(due.entityRef) ?? [];
      statuses.push(statusOf.get(due)!);
      byEntity.set(due.entityRef, statuses);
    }
    return byEntity;
  }

  /** SLOs measured at once. */
  private waveSize(): number {
    return Math.max(1, this.deps.concurrency ?? 1);
  }

  /** The SLO's figures at `now` from its metric source, or why they could not be measured. */
  private async tryMeasure(
    entityRef: string,
    slo: SloDefinition,
    policy: ErrorBudgetPolicy,
    now: number,
    timings?: SourceTimings,
  ): Promise<{ figures: SloFigures } | { error: string }> {
    const metric = slo.indicator.metric;
    const sourceName =
      metric.type === 'ratio'
        ? metric.total.metricSource
        : metric.query.metricSource;
    const startedAt = Date.now();
    let source: MetricSource | undefined;
    try {
      source = this.deps.sources.get(sourceName);
      return {
        figures: await evaluateSlo(slo, source, now, {
          ...this.deps.options,
          policy,
          entityRef,
        }),
      };
    } catch (error) {
      return {
        error: error instanceof Error ? error.message : stringifyError(error),
      };
    } finally {
      timings?.add(
        source?.name ?? sourceName ?? '(none configured)',
        startedAt,
        Date.now(),
      );
    }
  }

  /** What to store of a measurement; a degraded SLO is logged with its error. */
  private outcome(
    entityRef: string,
    slo: SloDefinition,
    measured: { figures: SloFigures } | { error: string },
    now: number,
  ): StatusOutcome {
    if ('figures' in measured)
      return { entityRef, sloName: slo.name, figures: measured.figures };
    this.deps.logger.warn(
      `SLO ${entityRef}/${slo.name} is degraded: ${measured.error}`,
    );
    return {
      entityRef,
      sloName: slo.name,
      error: measured.error,
      attemptedAt: now,
    };
  }
}
