import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  AlertAuditStatus,
  describeAlertAudit,
} from '@reliability-suite/plugin-reliability-common';
import { AlertAuditStore } from '../store/AlertAuditStore';
import { EntityAccess } from './EntityAccess';

/** One SLO's deployed alerts, as `GET /alerts/:kind/:namespace/:name` answers. */
export interface SloAlertsDeployed {
  sloName: string;
  source: string;
  status: AlertAuditStatus;
  /** What is missing or out of date, one line each. */
  findings: string[];
  /** The line people read: `Alerts deployed`, or the findings. */
  summary: string;
  /** When the rules were read, epoch ms. */
  auditedAt: number;
}

/** The alert audit of an entity the caller may read. */
export class AlertAuditService {
  constructor(
    private readonly access: Pick<EntityAccess, 'visibleEntity'>,
    private readonly store: Pick<AlertAuditStore, 'ofEntity'>,
  ) {}

  async entityAlerts(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<{ entityRef: string; slos: SloAlertsDeployed[] }> {
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
