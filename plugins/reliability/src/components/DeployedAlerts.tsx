import { getCompoundEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import { SloDefinition } from '@reliability-suite/plugin-reliability-common';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { When } from './time/When';

/**
 * A line per SLO: whether its burn-rate alerts are deployed on its metric source as defined
 * ("Alerts deployed", "missing: SLOErrorBudgetBurnFast 1h/5m", "out of date: threshold 0.999
 * deployed, 0.99 defined"), as the alert audit last found them.
 */
export function DeployedAlerts({ slos }: { slos: SloDefinition[] }) {
  const { entity } = useEntity();
  const api = useApi(reliabilityApiRef);
  const ref = getCompoundEntityRef(entity);
  const alerts = useAsync(
    () => api.getAlerts(ref),
    [api, ref.kind, ref.namespace, ref.name],
  );
  if (alerts.loading) return <Progress />;
  if (alerts.error)
    return (
      <Alert severity="error">
        The deployed alerts could not be loaded: {alerts.error.message}
      </Alert>
    );
  const audited = alerts.value?.slos ?? [];
  const orphans = alerts.value?.orphanRuleGroups ?? [];
  return (
    <>
      <ul
        aria-label="Deployed alerts"
        style={{ margin: 0, paddingLeft: '1.2em' }}
      >
        {slos.map(slo => {
          const audit = audited.find(a => a.sloName === slo.name);
          const ok = audit?.status === 'deployed';
          return (
            <li key={slo.name}>
              <Typography variant="body2" component="span">
                <strong>{slo.displayName ?? slo.name}</strong>:{' '}
                <span style={ok ? undefined : { fontWeight: 500 }}>
                  {audit ? audit.summary : 'Not audited yet'}
                </span>
                {audit && (
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    component="span"
                  >
                    {' '}
                    (rules on {audit.source}, read <When at={audit.auditedAt} />
                    )
                  </Typography>
                )}
              </Typography>
            </li>
          );
        })}
      </ul>
      {orphans.length > 0 && (
        <Alert severity="warning">
          Rules still deployed for SLOs no longer defined (remove them from
          Prometheus): {orphans.join(', ')}
        </Alert>
      )}
    </>
  );
}
