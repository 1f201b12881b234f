import { useMemo } from 'react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { ReliabilityProfile } from '@reliability-suite/plugin-reliability-common';
import { CardBoundary } from './CardBoundary';
import { unreadableSloNames } from './DefinitionUnreadableChip';
import { SloStatusSection } from './SloStatusSection';
import { SloTable } from './SloTable';
import { UnreadableDefinitions } from './UnreadableDefinitions';
import { useEntitySlos } from './useEntitySlos';
import { When } from './time/When';

/**
 * The SLO part of the Reliability tab, as grid items: why the SLO files cannot be read (if they
 * cannot), the error budgets and the SLO table. The SLO statuses are loaded once for all three.
 */
export function SloSections({ profile }: { profile: ReliabilityProfile }) {
  const slos = useEntitySlos();
  const unreadable = useMemo(
    () => unreadableSloNames(slos.value?.slos),
    [slos.value],
  );
  const reasons = slos.value?.unreadable ?? [];
  return (
    <>
      {reasons.length > 0 && (
        <Grid item xs={12}>
          <CardBoundary what="The unreadable SLO definitions">
            <UnreadableDefinitions
              reasons={reasons}
              storedSlos={slos.value?.slos.length ?? 0}
            />
          </CardBoundary>
        </Grid>
      )}
      <Grid item xs={12}>
        <CardBoundary what="The error budgets">
          <SloStatusSection slos={slos} />
        </CardBoundary>
      </Grid>
      <Grid item xs={12}>
        <CardBoundary what="The SLO table">
          <SloTable
            slos={profile.slos}
            unreadable={unreadable}
            pending={profile.pending}
          />
          {profile.definitionsReadAt && (
            <Typography variant="caption" color="textSecondary">
              SLO files read <When at={profile.definitionsReadAt} />
            </Typography>
          )}
        </CardBoundary>
      </Grid>
    </>
  );
}
