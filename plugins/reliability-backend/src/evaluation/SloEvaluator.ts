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
import { StatusStore } from '../store/StatusStore';
import { EvaluationOptions, evaluateSlo } from './evaluateSlo';
import { MetricSourceRegistry } from './metricSources';

/**
 * Evaluates stored SLOs against their metric sources and stores the results. A failure marks the
 * SLO degraded with the error and keeps its last good figures.
 */
export class SloEvaluator {
  constructor(
    private readonly deps: {
      definitions: DefinitionsStore;
      statuses: StatusStore;
      sources: MetricSourceRegistry;
      logger: LoggerService;
      options: Omit<EvaluationOptions, 'policy'>;
      /** The error-budget policy that applies to an entity (tier default or its own). */
      policyFor: (settings: EntityReliabilitySettings) => ErrorBudgetPolicy;
    },
  ) {}

  async evaluateAll(
    now = Date.now(),
  ): Promise<{ evaluated: number; degraded: number }> {
    let degraded = 0;
    const slos = await this.deps.definitions.listSlos();
    for (const { entityRef, settings, slo } of slos) {
      if (
        !(await this.evaluateOne(
          entityRef,
          slo,
          this.deps.policyFor(settings),
          now,
        ))
      )
        degraded += 1;
    }
    this.deps.logger.info(
      `Evaluated ${slos.length} SLOs, ${degraded} degraded`,
    );
    return { evaluated: slos.length, degraded };
  }

  /** Evaluates one entity's SLOs now ("evaluate now"). */
  async evaluateEntity(entityRef: string, now = Date.now()): Promise<void> {
    const stored = await this.deps.definitions.get(entityRef);
    if (!stored) return;
    const policy = this.deps.policyFor(stored.settings);
    for (const slo of stored.slos) {
      await this.evaluateOne(entityRef, slo, policy, now);
    }
    await this.deps.statuses.keepOnly(
      entityRef,
      stored.slos.map(s => s.name),
    );
  }

  /**
   * Every stored SLO's status as measured at a past moment `at`, by entity, stored nowhere (for
   * the scorecard's history). An SLO that cannot be measured then is degraded without figures.
   */
  async statusesAt(at: number): Promise<Map<string, SloStatus[]>> {
    const byEntity = new Map<string, SloStatus[]>();
    for (const {
      entityRef,
      settings,
      slo,
    } of await this.deps.definitions.listSlos()) {
      let status: SloStatus;
      try {
        const figures = await this.measure(
          slo,
          this.deps.policyFor(settings),
          at,
        );
        status = { sloName: slo.name, state: 'ok', figures, goodAt: at };
      } catch (error) {
        status = {
          sloName: slo.name,
          state: 'degraded',
          error: error instanceof Error ? error.message : stringifyError(error),
          attemptedAt: at,
        };
      }
      byEntity.set(entityRef, [...(byEntity.get(entityRef) ?? []), status]);
    }
    return byEntity;
  }

  /** The SLO's figures at `now`, from its metric source. */
  private async measure(
    slo: SloDefinition,
    policy: ErrorBudgetPolicy,
    now: number,
  ): Promise<SloFigures> {
    const metric = slo.indicator.metric;
    const sourceName =
      metric.type === 'ratio'
        ? metric.total.metricSource
        : metric.query.metricSource;
    return evaluateSlo(slo, this.deps.sources.get(sourceName), now, {
      ...this.deps.options,
      policy,
    });
  }

  /** Returns false when the SLO could not be evaluated (degraded). */
  private async evaluateOne(
    entityRef: string,
    slo: SloDefinition,
    policy: ErrorBudgetPolicy,
    now: number,
  ): Promise<boolean> {
    try {
      const figures = await this.measure(slo, policy, now);
      await this.deps.statuses.saveSuccess(entityRef, slo.name, figures);
      return true;
    } catch (error) {
      const message =
        error instanceof Error ? error.message : stringifyError(error);
      this.deps.logger.warn(
        `SLO ${entityRef}/${slo.name} is degraded: ${message}`,
      );
      await this.deps.statuses.saveFailure(entityRef, slo.name, message, now);
      return false;
    }
  }
}
