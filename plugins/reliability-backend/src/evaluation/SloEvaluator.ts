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
      const measured = await this.tryMeasure(
        slo,
        this.deps.policyFor(settings),
        at,
      );
      const status: SloStatus =
        'figures' in measured
          ? {
              sloName: slo.name,
              state: 'ok',
              figures: measured.figures,
              goodAt: at,
            }
          : {
              sloName: slo.name,
              state: 'degraded',
              error: measured.error,
              attemptedAt: at,
            };
      const statuses = byEntity.get(entityRef) ?? [];
      statuses.push(status);
      byEntity.set(entityRef, statuses);
    }
    return byEntity;
  }

  /** The SLO's figures at `now` from its metric source, or why they could not be measured. */
  private async tryMeasure(
    slo: SloDefinition,
    policy: ErrorBudgetPolicy,
    now: number,
  ): Promise<{ figures: SloFigures } | { error: string }> {
    const metric = slo.indicator.metric;
    const sourceName =
      metric.type === 'ratio'
        ? metric.total.metricSource
        : metric.query.metricSource;
    try {
      return {
        figures: await evaluateSlo(
          slo,
          this.deps.sources.get(sourceName),
          now,
          {
            ...this.deps.options,
            policy,
          },
        ),
      };
    } catch (error) {
      return {
        error: error instanceof Error ? error.message : stringifyError(error),
      };
    }
  }

  /** Returns false when the SLO could not be evaluated (degraded). */
  private async evaluateOne(
    entityRef: string,
    slo: SloDefinition,
    policy: ErrorBudgetPolicy,
    now: number,
  ): Promise<boolean> {
    const measured = await this.tryMeasure(slo, policy, now);
    if ('figures' in measured) {
      await this.deps.statuses.saveSuccess(
        entityRef,
        slo.name,
        measured.figures,
      );
      return true;
    }
    this.deps.logger.warn(
      `SLO ${entityRef}/${slo.name} is degraded: ${measured.error}`,
    );
    await this.deps.statuses.saveFailure(
      entityRef,
      slo.name,
      measured.error,
      now,
    );
    return false;
  }
}
