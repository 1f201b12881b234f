import { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import { AlertAuditor } from '../audit/AlertAuditor';
import { SloEvaluator } from '../evaluation/SloEvaluator';
import { SourceTimings } from '../evaluation/SourceTimings';
import { SloNotifier } from '../notifications/SloNotifier';
import { ScorecardProjector } from '../scorecard/ScorecardProjector';
import { PipelineStore } from '../store/PipelineStore';
import { StatusStore } from '../store/StatusStore';
import { DefinitionsSync } from '../sync/DefinitionsSync';
import { CycleReport, CycleStage, describeCycle } from './cycleReport';
import { isDue } from './due';
import { SharedReads } from './SharedReads';

/** The id of the pipeline's scheduled task (global: one replica runs a cycle). */
export const PIPELINE_TASK_ID = 'reliability-definitions-sync';

/** How many metric sources the log names. */
const SLOWEST_SOURCES = 3;
/** A long evaluation logs its progress at most this often. */
const PROGRESS_EVERY_MS = 60_000;

export interface PipelineSettings {
  /** Definitions are read again at most this often (`definitions.refreshIntervalMinutes`). */
  refreshIntervalMs: number;
  /** Each SLO is evaluated at most once this often (`evaluation.intervalMinutes`). */
  evaluationIntervalMs: number;
  /** Days of history measured afterwards (`scorecard.backfillDays`). */
  backfillDays: number;
}

/**
 * One cycle of the reliability pipeline: sync → evaluate → audit → project → notify → backfill, each
 * stage once,
 * each doing only what is due:
 *
 * - **sync** reads every entity's definitions when the last complete sync is older than the
 *   refresh interval, or was read before the catalog had loaded and it has now;
 * - **evaluate** removes the statuses of SLOs no longer defined, then evaluates the SLOs whose
 *   last attempt is older than the evaluation interval, oldest first (a cycle cut short resumes
 *   there; none is evaluated twice in one interval);
 * - **audit** compares the rules each metric source has loaded with what its SLOs need
 *   (`AlertAuditor`), one source at a time;
 * - **project** rewrites the scorecard and today's snapshot with its basis;
 * - **notify** tells owners about each SLO whose budget or burn state changed since it was last
 *   notified (once per change, see `SloNotifier`);
 * - **backfill** measures past days that have no standing snapshot.
 *
 * Every stage honours the abort signal (the scheduler's timeout, or shutdown): no stage starts
 * after it, and each stops between two entities, SLOs or days, leaving the store consistent
 * (every write is one entity's, one SLO's or one day's, in a transaction).
 */
export class ReliabilityPipeline {
  private readonly clock: () => number;

  constructor(
    private readonly deps: {
      sync: Pick<DefinitionsSync, 'syncAll'>;
      evaluator: Pick<SloEvaluator, 'evaluateDue' | 'statusesAt'>;
      projector: Pick<ScorecardProjector, 'projectAll' | 'backfill'>;
      /** Without it the audit stage does nothing. */
      auditor?: Pick<AlertAuditor, 'auditAll'>;
      /** Without it (or with notifications off) the notify stage does nothing. */
      notifier?: Pick<SloNotifier, 'notify'>;
      /** Reads the projection and the notifications share within a cycle. */
      sharedReads?: Pick<SharedReads, 'clear'>;
      statuses: Pick<StatusStore, 'removeUndefined'>;
      store: PipelineStore;
      /** Whether the catalog has finished its first processing. */
      catalog: { readonly loaded: boolean };
      logger: LoggerService;
      settings: PipelineSettings;
      clock?: () => number;
    },
  ) {
    this.clock = deps.clock ?? Date.now;
  }

  /** Runs one cycle and logs what it did; throws when a stage failed (after the others ran). */
  async runCycle(signal: AbortSignal): Promise<CycleReport> {
    const { deps } = this;
    const { settings } = deps;
    const startedAt = this.clock();
    const catalogLoaded = deps.catalog.loaded;
    const timings = new SourceTimings();
    const report: CycleReport = {
      durationMs: 0,
      failures: [],
      catalogLoaded,
      refreshIntervalMs: settings.refreshIntervalMs,
      evaluationIntervalMs: settings.evaluationIntervalMs,
      slowestSources: [],
    };
    const stage = async (name: CycleStage, run: () => Promise<void>) => {
      if (report.stoppedIn) return;
      if (signal.aborted) {
        report.stoppedIn = name;
        return;
      }
      try {
        await run();
      } catch (error) {
        if (signal.aborted) {
          report.stoppedIn = name;
          return;
        }
        report.failures.push(`${name}: ${stringifyError(error)}`);
      }
      if (signal.aborted) report.stoppedIn = name;
    };

    await stage('sync', async () => {
      const last = await deps.store.lastRun('sync');
      const due =
        isDue(last?.startedAt, startedAt, settings.refreshIntervalMs) ||
        (catalogLoaded && !last?.catalogLoaded);
      if (!due) return;
      const begun = this.clock();
      const summary = await deps.sync.syncAll(signal);
      report.sync = { ...summary, ms: this.clock() - begun };
      if (summary.complete) {
        await deps.store.completed({
          stage: 'sync',
          startedAt: begun,
          completedAt: this.clock(),
          catalogLoaded,
          summary: {
            read: summary.read,
            failed: summary.failed,
            removed: summary.removed,
          },
        });
      }
    });

    await stage('evaluate', async () => {
      const begun = this.clock();
      const statusesRemoved = await deps.statuses.removeUndefined();
      let lastProgress = begun;
      const summary = await deps.evaluator.evaluateDue({
        intervalMs: settings.evaluationIntervalMs,
        signal,
        timings,
        onProgress: ({ evaluated, degraded, slos }) => {
          const now = this.clock();
          if (now - lastProgress < PROGRESS_EVERY_MS) return;
          lastProgress = now;
          deps.logger.info(
            `Reliability cycle evaluating: ${evaluated.toLocaleString(
              'en-US',
            )} SLOs evaluated (${degraded.toLocaleString(
              'en-US',
            )} degraded) of ${slos.toLocaleString('en-US')} in ${(
              (now - begun) /
              1000
            ).toFixed(1)} s`,
          );
        },
      });
      report.evaluation = {
        ...summary,
        statusesRemoved,
        ms: this.clock() - begun,
      };
      if (summary.left === 0) {
        await deps.store.completed({
          stage: 'evaluate',
          startedAt: begun,
          completedAt: this.clock(),
          catalogLoaded,
          summary: {
            evaluated: summary.evaluated,
            degraded: summary.degraded,
            skipped: summary.skipped,
          },
        });
      }
    });

    await stage('audit', async () => {
      if (!deps.auditor) return;
      const begun = this.clock();
      const summary = await deps.auditor.auditAll(signal);
      report.audit = { ...summary, ms: this.clock() - begun };
    });

    // What the stored definitions rest on: the catalog now, and the last complete sync.
    const state = {
      catalogLoaded,
      definitionsRead: catalogLoaded
        ? (await deps.store.lastRun('sync'))?.catalogLoaded ?? false
        : false,
    };

    // The projection and the notifications read this cycle's evaluations once between them.
    deps.sharedReads?.clear();
    await stage('project', async () => {
      const begun = this.clock();
      const entities = await deps.projector.projectAll(this.clock(), {
        state,
        signal,
      });
      report.projection = { entities, ms: this.clock() - begun };
    });

    await stage('notify', async () => {
      if (!deps.notifier) return;
      const begun = this.clock();
      const summary = await deps.notifier.notify(signal);
      report.notify = { ...summary, ms: this.clock() - begun };
    });
    deps.sharedReads?.clear();

    await stage('backfill', async () => {
      const begun = this.clock();
      const days = await deps.projector.backfill(
        settings.backfillDays,
        at => deps.evaluator.statusesAt(at, signal, timings),
        this.clock(),
        { state, signal },
      );
      report.backfill = { days, ms: this.clock() - begun };
    });

    report.durationMs = this.clock() - startedAt;
    report.slowestSources = timings.slowest(SLOWEST_SOURCES);
    const line = describeCycle(report);
    if (report.failures.length) {
      deps.logger.error(line);
      throw new Error(
        `Reliability cycle failed: ${report.failures.join('; ')}`,
      );
    }
    if (report.stoppedIn) deps.logger.warn(line);
    else deps.logger.info(line);
    return report;
  }
}
