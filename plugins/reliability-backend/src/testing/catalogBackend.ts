import { SchedulerService } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import catalogModuleReliability from '@reliability-suite/plugin-catalog-backend-module-reliability';
import reliabilityPlugin from '..';

/**
 * The portal's backend for tests of untrusted definitions: the real catalog with the reliability
 * catalog module, reading one file location, and the reliability plugin; every permission
 * allowed; a metric source where nothing listens (evaluation fails as in an outage); scheduled
 * tasks run only when triggered.
 */
export async function startCatalogBackend(location: string) {
  const scheduler = mockServices.scheduler() as SchedulerService & {
    factory: typeof mockServices.scheduler.factory;
  };
  const allow = async (requests: unknown[]) =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW } as const));
  const { server } = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleReliability,
      reliabilityPlugin,
      scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.permissions.mock({
        authorize: allow,
        authorizeConditional: allow,
      }).factory,
      mockServices.rootConfig.factory({
        data: {
          reliability: {
            metricSources: [{ name: 'main', url: 'http://127.0.0.1:9' }],
            // Tests change files between reads: revalidate every time.
            definitions: { cacheFreshSeconds: 0 },
          },
          catalog: {
            processingInterval: { seconds: 1 },
            rules: [{ allow: ['Component', 'Location'] }],
            locations: [{ type: 'file', target: location }],
          },
        },
      }),
    ],
  });
  return {
    server,
    /** Runs the definitions sync (and what follows it) now. */
    sync: () => scheduler.triggerTask('reliability-definitions-sync'),
  };
}
