import {
  SloAlertAudit,
  SloDefinition,
  auditSloRules,
  indexLoadedRules,
  orphanRuleGroups,
} from '@reliability-suite/plugin-reliability-common';
import { stringifyError } from '@backstage/errors';
import { MetricSource } from '../evaluation/MetricSource';
import { AlertAuditStore } from '../store/AlertAuditStore';

/** The metric source an SLO is measured on (its SLI's metricSourceRef), by name; undefined is the default. */
export function sloSourceName(slo: SloDefinition): string | undefined {
  const metric = slo.indicator.metric;
  return metric.type === 'ratio'
    ? metric.total.metricSource
    : metric.query.metricSource;
}

/** SLOs audited between two turns of the event loop (about 0.1 s of CPU). */
const YIELD_EVERY = 500;
const yieldToRequests = () => new Promise<void>(done => setImmediate(done));

/** What one audit run did, for the cycle's log. */
export interface AuditSummary {
  sources: number;
  /** Sources audited more recently than the audit interval, left as they were. */
  skipped?: number;
  /** Sources whose rules could not be read. */
  failed: number;
  /** SLOs whose alerts are missing or out of date. */
  notDeployed: number;
  /** Rule groups of SLOs that no longer exist. */
  orphans: number;
}

/**
 * The alert-correctness audit: per metric source, reads the rules it has loaded and compares
 * them with what each of its SLOs' definitions needs (`auditSloRules`), and names the rule groups
 * of SLOs that no longer exist. Each source's result is stored at once.
 */
export class AlertAuditor {
  private readonly clock: () => number;

  constructor(
    private readonly deps: {
      definitions: {
        listSlos(): Promise<Array<{ entityRef: string; slo: SloDefinition }>>;
      };
      sources: { all(): ReadonlyArray<MetricSource> };
      store: Pick<AlertAuditStore, 'saveSource' | 'keepSources' | 'sources'>;
      /**
       * How long a source's audit stands before its rules are read again (rules change with
       * deployments, not every minute, and a large organisation's rule list is large). 0 audits
       * every cycle.
       */
      intervalMs?: number;
      clock?: () => number;
    },
  ) {
    this.clock = deps.clock ?? Date.now;
  }

  async auditAll(signal?: AbortSignal): Promise<AuditSummary> {
    const sources = this.deps.sources.all();
    const summary: AuditSummary = {
      sources: 0,
      failed: 0,
      notDeployed: 0,
      orphans: 0,
    };
    if (!sources.length) return summary;
    const intervalMs = this.deps.intervalMs ?? 0;
    const auditedAt = new Map(
      (await this.deps.store.sources()).map(s => [s.source, s.auditedAt]),
    );
    const due = (name: string) =>
      !auditedAt.has(name) ||
      this.clock() - (auditedAt.get(name) ?? 0) >= intervalMs;
    if (!sources.some(source => due(source.name))) {
      summary.skipped = sources.length;
      return summary;
    }
    const slos = await this.deps.definitions.listSlos();
    const everySlo = slos.map(s => ({
      entityRef: s.entityRef,
      sloName: s.slo.name,
    }));
    await this.deps.store.keepSources(sources.map(s => s.name));
    for (const [index, source] of sources.entries()) {
      if (signal?.aborted) break;
      if (!due(source.name)) {
        summary.skipped = (summary.skipped ?? 0) + 1;
        continue;
      }
      const own = slos.filter(({ slo }) => {
        const name = sloSourceName(slo);
        return name === undefined ? index === 0 : name === source.name;
      });
      const now = this.clock();
      let audits: SloAlertAudit[];
      let orphanGroups: string[] = [];
      let error: string | undefined;
      try {
        if (!source.loadedRules)
          throw new Error(`${source.name}: cannot list its rules`);
        const loaded = await source.loadedRules();
        const loadedByName = indexLoadedRules(loaded);
        audits = [];
        for (const [n, { entityRef, slo }] of own.entries()) {
          // 30,000 SLOs take seconds of CPU: let the backend answer requests in between.
          if (n % YIELD_EVERY === YIELD_EVERY - 1) await yieldToRequests();
          audits.push(auditSloRules(entityRef, slo, source.name, loadedByName));
        }
        orphanGroups = orphanRuleGroups(loaded, everySlo);
      } catch (caught) {
        error =
          caught instanceof Error ? caught.message : stringifyError(caught);
        summary.failed += 1;
        audits = own.map(({ entityRef, slo }) => ({
          entityRef,
          sloName: slo.name,
          source: source.name,
          status: 'unknown',
          findings: [`the rules loaded on ${source.name} could not be read`],
        }));
      }
      await this.deps.store.saveSource(
        { source: source.name, orphanGroups, error, auditedAt: now },
        audits,
      );
      summary.sources += 1;
      summary.orphans += orphanGroups.length;
      summary.notDeployed += audits.filter(a =>
        ['missing', 'out-of-date', 'no-rules'].includes(a.status),
      ).length;
    }
    return summary;
  }
}
