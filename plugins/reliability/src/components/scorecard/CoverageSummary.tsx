import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import {
  ScorecardFilter,
  ScorecardRollup,
} from '@reliability-suite/plugin-reliability-common';
import { CoverageFigure, coverageFigures } from './coverageFigures';
import { useScorecardTiers } from './ScorecardTiers';

function FigureCard({
  figure,
  linked = false,
}: {
  figure: CoverageFigure;
  linked?: boolean;
}) {
  return (
    <Paper variant="outlined" style={{ padding: 12, height: '100%' }}>
      <Typography
        variant="subtitle1"
        component="p"
        color={linked ? 'primary' : 'textPrimary'}
      >
        {figure.text}
      </Typography>
      {figure.share && (
        <Typography variant="body2" color="textSecondary">
          {figure.share}
        </Typography>
      )}
    </Paper>
  );
}

/**
 * One small card per coverage figure of the entities that match the filters, each a link to the
 * scorecard listing what it counts (within `filter`, the view's filters) when a filter can say it.
 */
export function CoverageSummary({
  totals,
  filter = {},
}: {
  totals: ScorecardRollup;
  filter?: ScorecardFilter;
}) {
  const { tiers, critical } = useScorecardTiers();
  return (
    <Grid
      container
      spacing={2}
      component="ul"
      aria-label="Coverage"
      style={{ listStyle: 'none', padding: 0 }}
    >
      {coverageFigures(totals, filter, tiers, critical).map(figure => (
        <Grid item xs={12} sm={6} md={3} key={figure.text} component="li">
          {figure.search ? (
            <Link
              to={figure.search}
              title={figure.linkTitle}
              underline="none"
              color="inherit"
              style={{ display: 'block', height: '100%' }}
            >
              <FigureCard figure={figure} linked />
            </Link>
          ) : (
            <FigureCard figure={figure} />
          )}
        </Grid>
      ))}
    </Grid>
  );
}
