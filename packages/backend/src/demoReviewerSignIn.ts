import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
  createProxyAuthenticator,
} from '@backstage/plugin-auth-node';

/**
 * Demo only: a second guest-like sign-in, provider `reviewer`, so that the launch review of the
 * demo has a reviewer other than the guest who prepared it (the four-eyes rule). It signs in as
 * the catalog user `auth.providers.reviewer.userEntityRef` (the demo: Olga Petrov of the SRE
 * group), with the ownership refs of `ownershipEntityRefs` while the catalog has not loaded that
 * user yet. Like the guest provider it refuses to work outside development unless
 * `dangerouslyAllowOutsideDevelopment` is set. Active only when `auth.providers.reviewer` is
 * configured.
 */
export const demoReviewerSignIn = createBackendModule({
  pluginId: 'auth',
  moduleId: 'demo-reviewer-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ providers, config }) {
        const settings = config.getOptionalConfig('auth.providers.reviewer');
        if (!settings) return;
        const userEntityRef = settings.getString('userEntityRef');
        const ownershipEntityRefs = settings.getOptionalStringArray(
          'ownershipEntityRefs',
        ) ?? [userEntityRef];
        providers.registerProvider({
          providerId: 'reviewer',
          factory: createProxyAuthProviderFactory({
            authenticator: createProxyAuthenticator({
              defaultProfileTransform: async () => ({ profile: {} }),
              initialize: ({ config: provider }) => ({
                allowed:
                  process.env.NODE_ENV === 'development' ||
                  provider.getOptionalBoolean(
                    'dangerouslyAllowOutsideDevelopment',
                  ) === true,
              }),
              async authenticate(_, { allowed }) {
                if (!allowed) {
                  throw new Error(
                    'The demo reviewer sign-in works only in development unless auth.providers.reviewer.dangerouslyAllowOutsideDevelopment is set',
                  );
                }
                return { result: {} };
              },
            }),
            async signInResolver(_, ctx) {
              try {
                return await ctx.signInWithCatalogUser({
                  entityRef: userEntityRef,
                });
              } catch {
                return ctx.issueToken({
                  claims: { sub: userEntityRef, ent: ownershipEntityRefs },
                });
              }
            },
          }),
        });
      },
    });
  },
});
