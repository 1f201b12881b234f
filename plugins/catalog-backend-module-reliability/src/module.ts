import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { DEFAULT_TIERS } from '@reliability-suite/plugin-reliability-common';
import { definitionFileCacheServiceRef } from '@reliability-suite/plugin-reliability-node';
import { ReliabilityEntityProcessor } from './ReliabilityEntityProcessor';

/** Adds the reliability profile validation to the catalog. */
export const catalogModuleReliability = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'reliability',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        urlReader: coreServices.urlReader,
        cache: definitionFileCacheServiceRef,
      },
      async init({ catalog, config, urlReader, cache }) {
        catalog.addProcessor(
          new ReliabilityEntityProcessor({
            urlReader,
            integrations: ScmIntegrations.fromConfig(config),
            cache,
            checks: {
              scrapeIntervalMs:
                (config.getOptionalNumber(
                  'reliability.evaluation.scrapeIntervalSeconds',
                ) ?? 60) * 1000,
              // The configured tiers' levels (the reliability backend checks the rest of them),
              // the default tiers' without configuration, exactly as the sync's: the two share
              // one parse per change only when they check alike.
              tierLevels: (
                config
                  .getOptionalConfigArray('reliability.tiers')
                  ?.map(tier => tier.getNumber('level')) ??
                DEFAULT_TIERS.map(tier => tier.level)
              ).slice(),
            },
            blockInvalidEntities:
              config.getOptionalBoolean(
                'reliability.catalog.blockInvalidEntities',
              ) ?? false,
          }),
        );
      },
    });
  },
});
