import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readReliabilitySettings } from './config';
import { createRouter } from './router/createRouter';
import { ProfileService } from './service/ProfileService';
import { DefinitionsStore } from './store/DefinitionsStore';
import { DefinitionsSync } from './sync/DefinitionsSync';

/** The Reliability Suite backend, mounted at /api/reliability. */
export const reliabilityPlugin = createBackendPlugin({
  pluginId: 'reliability',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
      },
      async init({
        auth,
        catalog,
        config,
        database,
        httpAuth,
        httpRouter,
        logger,
        scheduler,
        urlReader,
      }) {
        const settings = readReliabilitySettings(config);
        const store = await DefinitionsStore.create(database);
        const sync = new DefinitionsSync({
          catalog,
          auth,
          store,
          logger,
          readContext: {
            urlReader,
            integrations: ScmIntegrations.fromConfig(config),
          },
          concurrency: settings.concurrency,
        });
        await scheduler.scheduleTask({
          id: 'reliability-definitions-sync',
          scope: 'global',
          frequency: { minutes: settings.refreshIntervalMinutes },
          timeout: { minutes: 10 },
          initialDelay: { seconds: 5 },
          fn: async () => {
            await sync.syncAll();
          },
        });
        httpRouter.use(
          createRouter({
            httpAuth,
            profiles: new ProfileService(catalog, store, sync, settings),
          }),
        );
      },
    });
  },
});
