import { useState } from 'react';
import {
  Content,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
  WarningPanel,
} from '@backstage/core-components';
import {
  IdentityApi,
  configApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import { SignInPageProps } from '@backstage/plugin-app-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';

/** The demo's people, each a guest-like auth provider of the backend (see app-config.yaml). */
export const DEMO_SIGN_INS = [
  {
    provider: 'guest',
    title: 'Guest',
    action: 'Enter as guest',
    description:
      'Owner of the payments services (attests items, opens launch reviews) and SRE lead (waives items).',
  },
  {
    provider: 'reviewer',
    title: 'SRE reviewer',
    action: 'Enter as SRE reviewer',
    description:
      'Olga Petrov of the SRE group: approves or blocks launch reviews that someone else prepared (four-eyes rule).',
  },
];

/** Which of them this browser signed in as, so a reload signs in again. */
const STORAGE_KEY = 'reliability-demo:sign-in-provider';

/** The identity, except that signing out also forgets the choice. */
function forgettingOnSignOut(identity: IdentityApi): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      localStorage.removeItem(STORAGE_KEY);
      await identity.signOut();
    },
  };
}

/**
 * The demo's sign-in page: one card per demo person (the guest who prepares launches, the SRE
 * reviewer who approves them); both sign in through a proxy provider of the auth backend.
 */
export function DemoSignInPage(props: SignInPageProps) {
  const title = useApi(configApiRef).getString('app.title');
  const [provider, setProvider] = useState(
    () => localStorage.getItem(STORAGE_KEY) ?? undefined,
  );
  const choose = (chosen?: string) => {
    if (chosen) localStorage.setItem(STORAGE_KEY, chosen);
    else localStorage.removeItem(STORAGE_KEY);
    setProvider(chosen);
  };

  if (provider) {
    return (
      <ProxiedSignInPage
        provider={provider}
        onSignInSuccess={identity =>
          props.onSignInSuccess(forgettingOnSignOut(identity))
        }
        ErrorComponent={({ error }) => (
          <Content>
            <WarningPanel
              severity="error"
              title={`Could not sign in with "${provider}"`}
              message={error?.message}
            />
            <Button variant="outlined" onClick={() => choose(undefined)}>
              Choose another sign-in
            </Button>
          </Content>
        )}
      />
    );
  }
  return (
    <Page themeId="home">
      <Header title={title} />
      <Content>
        <Grid container spacing={2}>
          {DEMO_SIGN_INS.map(signIn => (
            <Grid item xs={12} sm={6} md={4} key={signIn.provider}>
              <InfoCard
                variant="fullHeight"
                title={signIn.title}
                actions={
                  <Button
                    color="primary"
                    variant="outlined"
                    onClick={() => choose(signIn.provider)}
                  >
                    {signIn.action}
                  </Button>
                }
              >
                <Typography variant="body1">{signIn.description}</Typography>
              </InfoCard>
            </Grid>
          ))}
        </Grid>
      </Content>
    </Page>
  );
}
