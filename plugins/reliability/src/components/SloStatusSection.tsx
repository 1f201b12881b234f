import { useState } from 'react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import { sloEvaluatePermission } from '@reliability-suite/plugin-reliability-common';
import { CardBoundary } from './CardBoundary';
import { GuardedButton } from './permissions/GuardedButton';
import { useEntityPermission } from './permissions/useEntityPermission';
import { PendingChip, allPending } from './PendingChip';
import { PolicyStateChip } from './PolicyStateChip';
import { SloStatusCard } from './SloStatusCard';
import { EntitySlosState } from './useEntitySlos';

/**
 * Live status of every SLO of the entity, read from the store, with "Evaluate now". The page
 * loads the statuses once ({@link useEntitySlos}) and shares them with the SLO table.
 */
export function SloStatusSection({ slos }: { slos: EntitySlosState }) {
  const { value, loading, error, retry, evaluateNow, downloadRules } = slos;
  const alertApi = useApi(alertApiRef);
  const [evaluating, setEvaluating] = useState(false);
  const mayEvaluate = useEntityPermission(sloEvaluatePermission);
  if (loading) return <Progress />;
  if (error)
    return (
      <ResponseErrorPanel error={error} title="Could not load the SLO status" />
    );
  if (!value || value.slos.length === 0) return null;
  const onEvaluate = async () => {
    setEvaluating(true);
    try {
      await evaluateNow();
      retry();
    } catch (e) {
      alertApi.post({
        message: `Could not evaluate now: ${(e as Error).message}`,
        severity: 'error',
      });
    } finally {
      setEvaluating(false);
    }
  };
  const onDownload = () =>
    downloadRules().catch(e =>
      alertApi.post({
        message: `Could not export the rules: ${(e as Error).message}`,
        severity: 'error',
      }),
    );
  return (
    <Grid container spacing={3}>
      <Grid
        item
        xs={12}
        style={{ display: 'flex', alignItems: 'center', gap: 16 }}
      >
        <Typography variant="h5">Error budgets</Typography>
        {allPending(value.slos) ? (
          <>
            <PendingChip />
            <Typography variant="body2">
              First measurement in progress
            </Typography>
          </>
        ) : (
          <PolicyStateChip state={value.policyState} />
        )}
        <GuardedButton
          variant="outlined"
          size="small"
          onClick={onEvaluate}
          disabled={evaluating}
          disabledReason={mayEvaluate.deniedReason}
        >
          {evaluating ? 'Evaluating…' : 'Evaluate now'}
        </GuardedButton>
        <Button variant="outlined" size="small" onClick={onDownload}>
          Download Prometheus rules
        </Button>
      </Grid>
      {value.slos.map(
        ({ definition, status, definitionUnreadable, freshness }) => (
          <Grid item xs={12} xl={6} key={definition.name}>
            <CardBoundary what={`The status of ${definition.name}`}>
              <SloStatusCard
                definition={definition}
                status={status}
                policy={value.policy}
                definitionUnreadable={definitionUnreadable}
                freshness={freshness}
              />
            </CardBoundary>
          </Grid>
        ),
      )}
    </Grid>
  );
}
