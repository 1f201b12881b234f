import { NotFoundError } from '@backstage/errors';
import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { StoredSloAlertAudit } from '../store/AlertAuditStore';
import { AlertAuditService } from './AlertAuditService';

const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
};
const ref = 'component:default/checkout';

const audit = (
  sloName: string,
  status: StoredSloAlertAudit['status'],
  findings: string[],
): StoredSloAlertAudit => ({
  entityRef: ref,
  sloName,
  source: 'prometheus',
  status,
  findings,
  auditedAt: 1000,
});

const service = new AlertAuditService({
  access: {
    visibleEntity: async entityRef => {
      if (entityRef !== ref) throw new NotFoundError(`No entity ${entityRef}`);
      return checkout;
    },
  },
  store: {
    sources: async () => [
      {
        source: 'prometheus',
        orphanGroups: [
          'slo:component:default/checkout-v2:latency',
          'slo:component:default/checkout:old-latency',
          'slo:component:default/checkout:old-latency:window',
        ],
        auditedAt: 1000,
      },
    ],
    ofEntity: async () => [
      audit('availability', 'deployed', []),
      audit('errors', 'out-of-date', [
        'out of date: threshold 0.999 deployed, 0.99 defined',
      ]),
      audit('latency', 'missing', [
        'missing: SLOErrorBudgetBurnFast 1h/5m',
        'missing: recording rule slo:sli_error:ratio_rate5m',
      ]),
      audit('queue', 'unknown', [
        'the rules loaded on prometheus could not be read',
      ]),
    ],
  },
});

describe('AlertAuditService', () => {
  it('answers a line per SLO as people read it', async () => {
    const answer = await service.entityAlerts(ref, mockCredentials.user());
    expect(answer.entityRef).toBe(ref);
    expect(answer.slos.map(s => [s.sloName, s.status, s.summary])).toEqual([
      ['availability', 'deployed', 'Alerts deployed'],
      [
        'errors',
        'out-of-date',
        'out of date: threshold 0.999 deployed, 0.99 defined',
      ],
      [
        'latency',
        'missing',
        'missing: SLOErrorBudgetBurnFast 1h/5m; missing: recording rule slo:sli_error:ratio_rate5m',
      ],
      [
        'queue',
        'unknown',
        'Not known: the rules loaded on prometheus could not be read',
      ],
    ]);
  });

  it('names the rule groups still loaded for its SLOs no longer defined, not another entity’s', async () => {
    const answer = await service.entityAlerts(ref, mockCredentials.user());
    expect(answer.orphanRuleGroups).toEqual([
      'slo:component:default/checkout:old-latency',
      'slo:component:default/checkout:old-latency:window',
    ]);
  });

  it('answers 404 for an entity the caller cannot read', async () => {
    await expect(
      service.entityAlerts('component:default/secret', mockCredentials.user()),
    ).rejects.toThrow(NotFoundError);
  });
});
