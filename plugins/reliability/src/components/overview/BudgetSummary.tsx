import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { StatusWarning } from '@backstage/core-components';
import { ReliabilityProfile } from '@reliability-suite/plugin-reliability-common';
import { formatPercent } from '../format';
import { PendingChip, allPending } from '../PendingChip';
import { PolicyStateChip } from '../PolicyStateChip';
import { StaleChip } from '../StaleChip';
import { useEntitySlos } from '../useEntitySlos';
import { worstBudget } from './worstBudget';

/**
 * The error budget left, as the worst SLO's (`-38.9% (Checkout availability)`), with the
 * policy state it puts the entity in, and whether the figures are stale.
 */
export function BudgetSummary({ profile }: { profile: ReliabilityProfile }) {
  const { value, error } = useEntitySlos();
  if (error) {
    return (
      <Typography variant="body2" color="textSecondary" title={error.message}>
        Error budgets unavailable
      </Typography>
    );
  }
  if (!value) return null;
  if (value.slos.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {profile.pending || value.pending
          ? 'Pending: SLO definitions not read yet'
          : 'No SLOs defined'}
      </Typography>
    );
  }
  const worst = worstBudget(value.slos);
  return (
    <>
      <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={8}>
        {allPending(value.slos) || !worst ? (
          <>
            <Typography variant="body2">Not measured yet</Typography>
            <PendingChip />
          </>
        ) : (
          <>
            <Typography variant="body2">
              <strong>{formatPercent(worst.remainingFraction, 1)}</strong> (
              {worst.slo}
              {worst.measured > 1
                ? `, the lowest of ${worst.measured} SLOs`
                : ''}
              )
            </Typography>
            <PolicyStateChip state={value.policyState} />
          </>
        )}
        <StaleChip freshness={value.freshness} />
      </Box>
      {(value.unreadable?.length ?? 0) > 0 && (
        <StatusWarning>
          SLO definitions unreadable: the deploy gate refuses until the files
          can be read — see the Reliability tab
        </StatusWarning>
      )}
    </>
  );
}
