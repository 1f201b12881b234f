import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { DefinitionProblems } from './DefinitionProblems';
import { MissingItems } from './MissingItems';
import { ProfileFacts } from './ProfileFacts';
import { ProfileLoader } from './ProfileLoader';
import { SloStatusSection } from './SloStatusSection';
import { SloTable } from './SloTable';

/** The Reliability tab of an entity page. */
export function ReliabilityContent() {
  return (
    <ProfileLoader>
      {profile => (
        <Grid container spacing={3} alignItems="stretch">
          {profile.problems.length > 0 && (
            <Grid item xs={12}>
              <DefinitionProblems profile={profile} />
            </Grid>
          )}
          <Grid item xs={12} md={7}>
            <InfoCard title="Reliability profile">
              <ProfileFacts profile={profile} />
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
              <MissingItems profile={profile} />
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <SloStatusSection />
          </Grid>
          <Grid item xs={12}>
            <SloTable slos={profile.slos} />
            {profile.definitionsReadAt && (
              <Typography variant="caption" color="textSecondary">
                SLO files read{' '}
                {new Date(profile.definitionsReadAt).toLocaleString()}
              </Typography>
            )}
          </Grid>
        </Grid>
      )}
    </ProfileLoader>
  );
}
