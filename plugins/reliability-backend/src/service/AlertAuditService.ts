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
    private readonly access: Pick<EntityAccess, 'visibleEntity'>,
    private readonly store: Pick<AlertAuditStore, 'ofEntity'>,
  ) {}

  async entityAlerts(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityAlerts> {
    const entity = await this.access.visibleEntity(entityRef, credentials);
    const ref = stringifyEntityRef(entity);
    const audits = await this.store.ofEntity(ref);
    return {
      entityRef: ref,
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
