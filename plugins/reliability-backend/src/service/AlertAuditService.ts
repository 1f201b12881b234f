import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EntityAlerts,
  describeAlertAudit,
} from '@reliability-suite/plugin-reliability-common';
import { AlertAuditStore } from '../store/AlertAuditStore';
import { EntityAccess } from './EntityAccess';

/** The alert audit of an entity the caller may read. */
export class AlertAuditService {
  constructor(
    private readonly deps: {
      access: Pick<EntityAccess, 'visibleEntity'>;
      store: Pick<AlertAuditStore, 'ofEntity' | 'sources'>;
    },
  ) {}

  async entityAlerts(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityAlerts> {
    const entity = await this.deps.access.visibleEntity(entityRef, credentials);
    const ref = stringifyEntityRef(entity);
    const [audits, sources] = await Promise.all([
      this.deps.store.ofEntity(ref),
      this.deps.store.sources(),
    ]);
    // Groups are named `slo:<entity ref>:<slo>`: the ref and its colon, so no other entity's.
    const prefix = `slo:${ref}:`;
    return {
      entityRef: ref,
      orphanRuleGroups: [
        ...new Set(
          sources.flatMap(s =>
            s.orphanGroups.filter(g => g.startsWith(prefix)),
          ),
        ),
      ].sort(),
      slos: audits.map(audit => ({
        sloName: audit.sloName,
        source: audit.source,
        status: audit.status,
        findings: audit.findings,
        summary:
          audit.status === 'unknown'
            ? `Not known: ${audit.findings.join('; ')}`
            : describeAlertAudit(audit),
        auditedAt: audit.auditedAt,
      })),
    };
  }
}
