import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import {
  EntityReadiness,
  ItemStatus,
  ReadinessSummary,
} from '@reliability-suite/plugin-reliability-common';
import { formatPercent } from '../format';
import { useConfiguredTiers } from '../useConfiguredTiers';
import { requiredItemsPassing } from './readinessScore';
import { ReviewStateChip } from './ReviewStateChip';

function Score({ summary }: { summary: ReadinessSummary }) {
  const passing = requiredItemsPassing(summary);
  if (summary.score === undefined || !passing) {
    return <Typography variant="h6">No required items</Typography>;
  }
  return (
    <>
      <Typography variant="h6">Readiness {passing}</Typography>
      <Box display="flex" alignItems="center" gridGap={16}>
        <Box flexGrow={1}>
          <LinearProgress
            variant="determinate"
            value={summary.score * 100}
            aria-label="Readiness score"
          />
        </Box>
        <Typography>{formatPercent(summary.score, 0)}</Typography>
      </Box>
    </>
  );
}

/** The tier's name as configured (`Tier 1` by default), or `Tier <level>` until the tiers load. */
function useTierName(level: number | undefined): string {
  const tiers = useConfiguredTiers();
  if (level === undefined) return 'No tier';
  return tiers?.find(tier => tier.level === level)?.name ?? `Tier ${level}`;
}

/**
 * The readiness score (what it counts: required checklist items passing), the tier by its
 * configured name, the latest review's state, what blocks approval and what it waits for
 * (items pending).
 */
export function ReadinessHeader({ readiness }: { readiness: EntityReadiness }) {
  const { summary, tierLevel, review } = readiness;
  const tierName = useTierName(tierLevel);
  const titlesOf = (filter: (status: ItemStatus) => boolean) =>
    summary.items
      .filter(filter)
      .map(s => s.item.title)
      .join(', ');
  const blocking = titlesOf(s => summary.blocking.includes(s.item.id));
  const waived = titlesOf(s => s.required && s.state === 'waived');
  const pending = titlesOf(s => (summary.pending ?? []).includes(s.item.id));
  return (
    <InfoCard title="Production readiness">
      <Box display="flex" alignItems="center" gridGap={8} mb={2}>
        <Chip size="small" variant="outlined" label={tierName} />
        <Typography variant="body2">Launch review:</Typography>
        {review ? (
          <ReviewStateChip state={review.state} />
        ) : (
          <Typography variant="body2" color="textSecondary">
            none yet
          </Typography>
        )}
      </Box>
      <Score summary={summary} />
      {tierLevel === undefined && (
        <Typography color="textSecondary">
          Set a tier to see what a launch requires
        </Typography>
      )}
      {blocking && (
        <Typography color="error">Blocking approval: {blocking}</Typography>
      )}
      {pending && (
        <Typography variant="body2">
          Pending (not checked until the definitions are read and measured;
          approval waits for them): {pending}
        </Typography>
      )}
      {waived && (
        <Typography variant="body2" color="textSecondary">
          Waived (allowed for approval, not counted as passing): {waived}
        </Typography>
      )}
    </InfoCard>
  );
}
