import {
  AuthService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';

const SERVICE_TOKEN_PREFIX = 'mock-service-token:';

/**
 * The test backend's mock auth, except that a plugin calling on behalf of a user keeps the
 * plugin as the actor, as real Backstage tokens do. Without it the permission backend refuses
 * the catalog's conditional reads ("Direct user requests without a resourceRef"). Install it
 * with the default `httpAuthServiceFactory`, which authenticates through this service (the mock
 * HTTP auth has its own).
 */
export const authKeepingActorFactory = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): AuthService {
    const auth = mockServices.auth({ pluginId: plugin.getId() });
    const authenticate = auth.authenticate.bind(auth);
    auth.authenticate = (async (token, options) => {
      if (token.startsWith(SERVICE_TOKEN_PREFIX)) {
        const { sub, obo } = JSON.parse(
          token.slice(SERVICE_TOKEN_PREFIX.length),
        );
        if (obo) return mockCredentials.user(obo, { actor: { subject: sub } });
      }
      return authenticate(token, options);
    }) as AuthService['authenticate'];
    return auth;
  },
});

/** User info as a sign-in resolver gives it: the user and the groups they belong to. */
export function userInfoFactory(groupsOf: Record<string, string[]>) {
  return createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: () => ({
      async getUserInfo(credentials) {
        const { userEntityRef } = (
          credentials as { principal: { userEntityRef: string } }
        ).principal;
        return {
          userEntityRef,
          ownershipEntityRefs: [
            userEntityRef,
            ...(groupsOf[userEntityRef] ?? []),
          ],
        };
      },
    }),
  });
}
