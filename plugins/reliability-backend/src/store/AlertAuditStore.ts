import { Knex } from 'knex';
import {
  AlertAuditStatus,
  SloAlertAudit,
} from '@reliability-suite/plugin-reliability-common';

/** The last audit of one metric source's loaded rules. */
export interface SourceAudit {
  source: string;
  /** Rule groups of SLOs that no longer exist. */
  orphanGroups: string[];
  /** Why the rules could not be read, if they could not. */
  error?: string;
  /** Epoch ms. */
  auditedAt: number;
}

/** A stored SLO audit, with when it was made. */
export type StoredSloAlertAudit = SloAlertAudit & { auditedAt: number };

interface AuditRow {
  entity_ref: string;
  slo_name: string;
  source: string;
  status: string;
  findings: string;
  audited_at: number | string;
}

const toAudit = (row: AuditRow): StoredSloAlertAudit => ({
  entityRef: row.entity_ref,
  sloName: row.slo_name,
  source: row.source,
  status: row.status as AlertAuditStatus,
  findings: JSON.parse(row.findings),
  auditedAt: Number(row.audited_at),
});

/** The only code that reads and writes the alert audit's tables. */
export class AlertAuditStore {
  constructor(private readonly db: Knex) {}

  /**
   * Replaces one source's audit in one transaction: its SLOs' results (SLOs audited on it before
   * and not now are removed) and its orphan groups.
   */
  async saveSource(
    audit: SourceAudit,
    slos: ReadonlyArray<SloAlertAudit>,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('alert_audit').where({ source: audit.source }).delete();
      for (const slo of slos) {
        const row = {
          entity_ref: slo.entityRef,
          slo_name: slo.sloName,
          source: slo.source,
          status: slo.status,
          findings: JSON.stringify(slo.findings),
          audited_at: audit.auditedAt,
        };
        await tx('alert_audit')
          .insert(row)
          .onConflict(['entity_ref', 'slo_name'])
          .merge();
      }
      await tx('alert_audit_sources')
        .insert({
          source: audit.source,
          orphan_groups: JSON.stringify(audit.orphanGroups),
          error: audit.error ?? null,
          audited_at: audit.auditedAt,
        })
        .onConflict('source')
        .merge();
    });
  }

  /** Forgets the audits of sources no longer configured. */
  async keepSources(sources: ReadonlyArray<string>): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('alert_audit').whereNotIn('source', sources).delete();
      await tx('alert_audit_sources').whereNotIn('source', sources).delete();
    });
  }

  /** The audits of one entity's SLOs. */
  async ofEntity(entityRef: string): Promise<StoredSloAlertAudit[]> {
    const rows = await this.db<AuditRow>('alert_audit')
      .where({ entity_ref: entityRef })
      .orderBy('slo_name');
    return rows.map(toAudit);
  }

  /** Every SLO's audit, by entity. */
  async all(): Promise<Map<string, StoredSloAlertAudit[]>> {
    const byEntity = new Map<string, StoredSloAlertAudit[]>();
    const rows = await this.db<AuditRow>('alert_audit').orderBy([
      'entity_ref',
      'slo_name',
    ]);
    for (const row of rows) {
      const list = byEntity.get(row.entity_ref) ?? [];
      list.push(toAudit(row));
      byEntity.set(row.entity_ref, list);
    }
    return byEntity;
  }

  /** Every source's last audit. */
  async sources(): Promise<SourceAudit[]> {
    const rows = await this.db('alert_audit_sources').orderBy('source');
    return rows.map(row => ({
      source: row.source,
      orphanGroups: JSON.parse(row.orphan_groups),
      ...(row.error ? { error: row.error } : {}),
      auditedAt: Number(row.audited_at),
    }));
  }
}
