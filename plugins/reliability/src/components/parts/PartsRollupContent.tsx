import { Fragment } from 'react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { CardBoundary } from '../CardBoundary';
import { tierLabel } from '../scorecard/labels';
import { useConfiguredTiers } from '../useConfiguredTiers';
import { partsFacts } from './partsFacts';
import { partsKindOf } from './partsOf';
import { PartsTable } from './PartsTable';
import { SystemsTable } from './SystemsTable';
import { PARTS_PAGE_SIZE, usePartsRollup } from './usePartsRollup';

const useStyles = makeStyles(theme => ({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: theme.spacing(1, 2),
    alignItems: 'baseline',
    margin: 0,
  },
  term: { fontWeight: theme.typography.fontWeightBold as number },
  value: { margin: 0 },
}));

/**
 * The Reliability tab of a System or a Domain: a rollup of its parts (by the catalog's partOf
 * relations) from the scorecard's stored rows instead of a profile of its own: how many entities
 * and services, their tiers, SLOs meeting target, the worst budget left, readiness and budget
 * statuses; then its parts (a system) or its systems (a domain).
 */
export function PartsRollupContent() {
  const classes = useStyles();
  const { entity } = useEntity();
  const tiers = useConfiguredTiers() ?? [];
  const rollup = usePartsRollup(entity);
  const name = entity.metadata.title ?? entity.metadata.name;
  const kind = partsKindOf(entity) ?? 'system';
  if (rollup.loading) return <Progress />;
  if (rollup.error) {
    return (
      <ResponseErrorPanel
        error={rollup.error}
        title={`Could not load the rollup of ${name}`}
      />
    );
  }
  if (!rollup.value) return null;
  const { totals, tierGroups, worst, parts, systems } = rollup.value;
  const label = (level: number | undefined) => tierLabel(tiers, level);
  if (totals.entities === 0) {
    return (
      <InfoCard title={`Reliability of ${name}`}>
        <Typography>
          {kind === 'domain'
            ? `No entity of ${name} is on the scorecard yet: systems name their domain in spec.domain, entities their system in spec.system.`
            : `No entity of ${name} is on the scorecard yet: components, APIs and resources name their system in spec.system.`}{' '}
          Entities appear after their first evaluation cycle.
        </Typography>
      </InfoCard>
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard
          title={`Reliability of ${name}`}
          subheader={`Rolled up from the ${totals.entities} ${
            totals.entities === 1 ? 'entity' : 'entities'
          } that are part of this ${kind}${
            kind === 'domain' ? ' or of its systems' : ''
          }, as of their last evaluation`}
        >
          <CardBoundary what="The rollup">
            <dl className={classes.facts} aria-label={`Rollup of ${name}`}>
              {partsFacts({
                totals,
                tierGroups,
                worst,
                tierLabel: label,
              }).map(([term, value]) => (
                <Fragment key={term}>
                  <dt className={classes.term}>
                    <Typography
                      variant="body2"
                      component="span"
                      className={classes.term}
                    >
                      {term}
                    </Typography>
                  </dt>
                  <dd className={classes.value}>
                    <Typography variant="body2" component="span">
                      {value}
                    </Typography>
                  </dd>
                </Fragment>
              ))}
            </dl>
          </CardBoundary>
        </InfoCard>
      </Grid>
      {parts && (
        <Grid item xs={12}>
          <InfoCard
            title="Parts"
            subheader={
              parts.totalCount > parts.rows.length
                ? `The first ${PARTS_PAGE_SIZE} of ${parts.totalCount}, by name`
                : undefined
            }
          >
            <CardBoundary what="The parts">
              <PartsTable rows={parts.rows} tierLabel={label} />
            </CardBoundary>
          </InfoCard>
        </Grid>
      )}
      {systems && (
        <Grid item xs={12}>
          <InfoCard title="Systems">
            <CardBoundary what="The systems">
              <SystemsTable groups={systems} />
            </CardBoundary>
          </InfoCard>
        </Grid>
      )}
    </Grid>
  );
}
