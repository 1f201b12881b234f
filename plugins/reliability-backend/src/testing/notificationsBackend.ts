import path from 'node:path';
import request from 'supertest';
import {
  AuthService,
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import {
  NotificationService,
  notificationService,
} from '@backstage/plugin-notifications-node';

const CHECKOUT = 'component:default/checkout';

/** The real catalog (holding the organisation) and the real notifications backend. */
export async function startNotificationsBackend() {
  let captured:
    | {
        notifications: NotificationService;
        catalog: CatalogService;
        auth: AuthService;
      }
    | undefined;
  const probe = createBackendPlugin({
    pluginId: 'probe',
    register(env) {
      env.registerInit({
        deps: {
          notifications: notificationService,
          catalog: catalogServiceRef,
          auth: coreServices.auth,
        },
        async init(deps) {
          captured = deps;
        },
      });
    },
  });
  const { server } = await startTestBackend({
    features: [
      catalogPlugin,
      notificationsPlugin,
      probe,
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          catalog: {
            processingInterval: { seconds: 1 },
            rules: [{ allow: ['Component', 'Group', 'User', 'Location'] }],
            locations: [
              {
                type: 'file',
                target: path.resolve(
                  // eslint-disable-next-line no-restricted-syntax -- test harness, run from its source folder
                  __dirname,
                  '../notifications/__fixtures__/org.yaml',
                ),
              },
            ],
          },
        },
      }),
    ],
  });
  const { catalog, auth } = captured!;
  // Recipients resolve from the catalog: wait until alice's membership is processed.
  for (let attempt = 0; ; attempt++) {
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: ['user:default/alice', 'user:default/bob', CHECKOUT] },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    if (items.every(item => item?.relations?.length)) break;
    if (attempt === 120)
      throw new Error('The catalog did not process the organisation in 60 s');
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  /** What a user sees on the Notifications page, newest first. */
  const inbox = async (user: string) => {
    const response = await request(server)
      .get('/api/notifications/notifications')
      .set('Authorization', mockCredentials.user.header(user));
    if (response.status !== 200)
      throw new Error(`Notifications answered ${response.status}`);
    return (
      response.body.notifications as Array<{
        origin: string;
        created: string;
        updated?: string;
        read?: string;
        payload: Record<string, string>;
      }>
    ).map(n => ({
      title: n.payload.title,
      severity: n.payload.severity,
      topic: n.payload.topic,
      link: n.payload.link,
      updated: n.updated ? 'updated' : 'new',
    }));
  };
  return { ...captured!, inbox };
}
