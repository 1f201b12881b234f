import { AuditSummary } from '../audit/AlertAuditor';
import { EvaluationSummary } from '../evaluation/SloEvaluator';
import { SyncSummary } from '../sync/DefinitionsSync';

/** The stages of a cycle, in order. */
export type CycleStage =
  | 'sync'
  | 'evaluate'
  | 'audit'
  | 'project'
  | 'notify'
  | 'backfill';

/** What one cycle of the pipeline did, for the log. */
export interface CycleReport {
  durationMs: number;
  /** The stage during which the cycle was stopped (timeout or shutdown); undefined if it ran through. */
  stoppedIn?: CycleStage;
  /** Stages that failed, with the error, e.g. `sync: catalog unreachable`. */
  failures: string[];
  /** Whether the catalog had finished loading when the cycle started. */
  catalogLoaded: boolean;
  /** Undefined when not due (read within `refreshIntervalMs`). */
  sync?: SyncSummary & { ms: number };
  refreshIntervalMs: number;
  evaluation?: EvaluationSummary & { ms: number; statusesRemoved: number };
  evaluationIntervalMs: number;
  /** The alert audit: sources read, SLOs whose alerts are not deployed as defined. */
  audit?: AuditSummary & { ms: number };
  projection?: { entities: number; ms: number };
  /** Notifications sent, and those that could not be (sent again at the next cycle). */
  notify?: { sent: number; failed: number; ms: number };
  backfill?: { days: string[]; ms: number };
  /** The metric sources that took longest, slowest first. */
  slowestSources: Array<{ source: string; ms: number; slos: number }>;
}

const count = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const minutes = (ms: number) =>
  `${count(Math.round((ms / 60_000) * 10) / 10)} min`;
const plural = (n: number, one: string, many = `${one}s`) =>
  `${count(n)} ${n === 1 ? one : many}`;

function syncPart(report: CycleReport): string {
  const { sync } = report;
  if (!sync) {
    return `Definitions: not due (read every ${minutes(
      report.refreshIntervalMs,
    )})`;
  }
  return `Definitions: ${plural(sync.read, 'entity', 'entities')} read (${count(
    sync.unchanged,
  )} confirmed unchanged, ${count(sync.failed)} failed), ${count(
    sync.removed,
  )} removed${sync.complete ? '' : ', the rest not reached'}, ${seconds(
    sync.ms,
  )}`;
}

function evaluationPart(
  evaluation: CycleReport['evaluation'],
  intervalMs: number,
) {
  if (!evaluation) return undefined;
  const parts = [
    `${plural(evaluation.evaluated, 'SLO')} evaluated (${count(
      evaluation.degraded,
    )} degraded)`,
  ];
  if (evaluation.skipped)
    parts.push(
      `${count(evaluation.skipped)} skipped (attempted within ${minutes(
        intervalMs,
      )})`,
    );
  if (evaluation.left)
    parts.push(
      `${count(evaluation.left)} left for the next cycle (oldest first)`,
    );
  if (evaluation.statusesRemoved)
    parts.push(
      `${plural(
        evaluation.statusesRemoved,
        'status',
        'statuses',
      )} of removed SLOs deleted`,
    );
  return `Evaluation: ${parts.join(', ')}, ${seconds(evaluation.ms)}`;
}

/**
 * The cycle as one log line: counts and duration of each stage and the slowest metric sources,
 * e.g. `Reliability cycle done in 12.3 s. Definitions: 40 entities read (30 confirmed unchanged, 0 failed), 1 removed,
 * 2.1 s. Evaluation: 35 SLOs evaluated (3 degraded), 9.8 s. …`.
 */
export function describeCycle(report: CycleReport): string {
  const head = report.stoppedIn
    ? `Reliability cycle stopped during ${report.stoppedIn} after ${seconds(
        report.durationMs,
      )} (timeout or shutdown)`
    : `Reliability cycle ${
        report.failures.length ? 'finished with failures' : 'done'
      } in ${seconds(report.durationMs)}`;
  const parts = [
    `${head}${report.catalogLoaded ? '' : ' (catalog not loaded yet)'}`,
    syncPart(report),
    evaluationPart(report.evaluation, report.evaluationIntervalMs),
    report.audit?.sources &&
      `Alert audit: ${plural(report.audit.sources, 'source')} read${
        report.audit.failed ? ` (${count(report.audit.failed)} unreadable)` : ''
      }, ${plural(
        report.audit.notDeployed,
        'SLO',
      )} with alerts not deployed or out of date, ${plural(
        report.audit.orphans,
        'rule group',
      )} of removed SLOs, ${seconds(report.audit.ms)}`,
    report.projection &&
      `Scorecard: ${plural(
        report.projection.entities,
        'entity',
        'entities',
      )}, ${seconds(report.projection.ms)}`,
    (report.notify?.sent || report.notify?.failed) &&
      `Notifications: ${count(report.notify.sent)} sent${
        report.notify.failed
          ? `, ${count(report.notify.failed)} failed (sent again next cycle)`
          : ''
      }, ${seconds(report.notify.ms)}`,
    report.backfill?.days.length &&
      `History: ${plural(report.backfill.days.length, 'day')} measured (${
        report.backfill.days[0]
      } to ${report.backfill.days[report.backfill.days.length - 1]}), ${seconds(
        report.backfill.ms,
      )}`,
    report.slowestSources.length &&
      `Slowest metric sources: ${report.slowestSources
        .map(s => `${s.source} ${seconds(s.ms)} over ${plural(s.slos, 'SLO')}`)
        .join(', ')}`,
    report.failures.length && `Failed: ${report.failures.join('; ')}`,
  ];
  return `${parts.filter(Boolean).join('. ')}.`;
}
