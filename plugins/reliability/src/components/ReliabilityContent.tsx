import { useState } from 'react';
import Grid from '@material-ui/core/Grid';
import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { CardBoundary } from './CardBoundary';
import { DeployedAlerts } from './DeployedAlerts';
import { DefinitionProblems } from './DefinitionProblems';
import { DefinitionsPending } from './DefinitionsPending';
import { DeployGatePanel } from './deployGate/DeployGatePanel';
import { MissingItems } from './MissingItems';
import { PartsRollupContent } from './parts/PartsRollupContent';
import { partsKindOf, showsPartsOnly } from './parts/partsOf';
import { ProfileFacts } from './ProfileFacts';
import { ProfileLoader } from './ProfileLoader';
import { SloSections } from './SloSections';

/**
 * The Reliability tab of an entity page; each card fails on its own, never the whole tab. An
 * entity whose definitions have not been read yet says so first. A Domain, or a System without a
 * profile of its own, shows the rollup of its parts instead; a System with one shows both.
 */
export function ReliabilityContent() {
  // Read and evaluated now: load the tab again, profile and SLOs alike.
  const [generation, setGeneration] = useState(0);
  const reload = () => setGeneration(n => n + 1);
  const { entity } = useEntity();
  if (showsPartsOnly(entity)) return <PartsRollupContent />;
  return (
    <ProfileLoader key={generation}>
      {profile => (
        <Grid container spacing={3} alignItems="stretch">
          {partsKindOf(entity) && (
            <Grid item xs={12}>
              <PartsRollupContent />
            </Grid>
          )}
          {profile.pending && (
            <Grid item xs={12}>
              <DefinitionsPending profile={profile} onRead={reload} />
            </Grid>
          )}
          {profile.problems.length > 0 && (
            <Grid item xs={12}>
              <CardBoundary what="The definition problems">
                <DefinitionProblems profile={profile} />
              </CardBoundary>
            </Grid>
          )}
          <Grid item xs={12}>
            <CardBoundary what="The deploy gate">
              <DeployGatePanel key={generation} />
            </CardBoundary>
          </Grid>
          <Grid item xs={12} md={7}>
            <InfoCard title="Reliability profile">
              <CardBoundary what="The reliability profile">
                <ProfileFacts profile={profile} />
              </CardBoundary>
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={5}>
            <InfoCard
              title={
                profile.tier
                  ? `What ${profile.tier.name} requires`
                  : 'Tier requirements'
              }
            >
              <CardBoundary what="The tier requirements">
                <MissingItems profile={profile} />
              </CardBoundary>
            </InfoCard>
          </Grid>
          <SloSections profile={profile} />
          {profile.slos.length > 0 && (
            <Grid item xs={12}>
              <InfoCard title="Burn-rate alerts deployed">
                <CardBoundary what="The deployed alerts">
                  <DeployedAlerts key={generation} slos={profile.slos} />
                </CardBoundary>
              </InfoCard>
            </Grid>
          )}
        </Grid>
      )}
    </ProfileLoader>
  );
}
