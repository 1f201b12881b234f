import { SchedulerService } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import catalogModuleReliability from '@reliability-suite/plugin-catalog-backend-module-reliability';
import reliabilityPlugin from '..';
import { PIPELINE_TASK_ID } from '../pipeline/ReliabilityPipeline';

/**
 * The portal's backend for tests of untrusted definitions: the real catalog with the reliability
 * catalog module, reading one file location, and the reliability plugin; every permission
 * allowed; a metric source where nothing listens (evaluation fails as in an outage). The
 * pipeline's first cycle runs once the catalog has loaded (its entity count unchanged for 1 s);
 * later cycles run only when triggered.
 */
export async function startCatalogBackend(location: string) {
  const scheduler = mockServices.scheduler() as SchedulerService & {
    factory: typeof mockServices.scheduler.factory;
    waitForTask(id: string): Promise<void>;
  };
  const firstCycle = scheduler.waitForTask(PIPELINE_TASK_ID);
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
            pipeline: { startup: { catalogQuietSeconds: 1 } },
            // Tests change files between reads: revalidate every time, and read definitions at
            // every cycle they trigger.
            definitions: {
              cacheFreshSeconds: 0,
              refreshIntervalMinutes: 0.001,
            },
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
    /** Waits for the first cycle (after the catalog has loaded). */
    firstCycle: () => firstCycle,
    /**
     * Runs a cycle of the pipeline now, after the first one: definitions read again, SLOs not
     * evaluated within the interval evaluated, the scorecard projected.
     */
    sync: async () => {
      await firstCycle;
      await scheduler.triggerTask(PIPELINE_TASK_ID);
    },
  };
}
