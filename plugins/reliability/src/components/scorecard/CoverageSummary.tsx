import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { ScorecardRollup } from '@reliability-suite/plugin-reliability-common';
import { formatOptionalPercent, formatPercent } from '../format';
import { useScorecardTiers } from './ScorecardTiers';

interface Figure {
  text: string;
  /** The share behind a `n/m` figure, e.g. `79%`. */
  share?: string;
}

const ratio = (label: string, part: number, whole: number): Figure => ({
  text: `${label}: ${part}/${whole}`,
  share: whole > 0 ? formatPercent(part / whole, 0) : undefined,
});

/**
 * The coverage and health figures of a rollup, in the words the weekly review uses; `critical`
 * names the critical tiers (`Tier 0/Tier 1`).
 */
function coverageFigures(totals: ScorecardRollup, critical: string): Figure[] {
  return [
    ratio(
      `${critical} services with SLOs`,
      totals.criticalWithSlos,
      totals.critical,
    ),
    ratio(
      `${critical} with on-call`,
      totals.criticalWithOnCall,
      totals.critical,
    ),
    ratio('Services with SLOs', totals.withSlos, totals.entities),
    ratio('Runbooks linked', totals.withRunbooks, totals.entities),
    { text: `Out of budget: ${totals.outOfBudget}` },
    { text: `Burning fast: ${totals.burningFast}` },
    { text: `Burning slow: ${totals.burningSlow}` },
    {
      text: `Mean attainment: ${formatOptionalPercent(totals.attainment)}`,
    },
  ];
}

/** One small card per coverage figure of the entities that match the filters. */
export function CoverageSummary({ totals }: { totals: ScorecardRollup }) {
  const { critical } = useScorecardTiers();
  return (
    <Grid
      container
      spacing={2}
      component="ul"
      aria-label="Coverage"
      style={{ listStyle: 'none', padding: 0 }}
    >
      {coverageFigures(totals, critical).map(figure => (
        <Grid item xs={12} sm={6} md={3} key={figure.text} component="li">
          <Paper variant="outlined" style={{ padding: 12, height: '100%' }}>
            <Typography variant="subtitle1" component="p">
              {figure.text}
            </Typography>
            {figure.share && (
              <Typography variant="body2" color="textSecondary">
                {figure.share}
              </Typography>
            )}
          </Paper>
        </Grid>
      ))}
    </Grid>
  );
}
