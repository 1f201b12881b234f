import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { DefinitionFileCache } from './DefinitionFileCache';

/**
 * The definition files read in this backend process, shared by the catalog module (validation)
 * and the reliability plugin (definitions sync): a file is fetched and parsed once for both, and
 * an unchanged file is not fetched again. `reliability.definitions.cacheFreshSeconds` sets how
 * long a version is used before it is revalidated (default 60).
 */
export const definitionFileCacheServiceRef =
  createServiceRef<DefinitionFileCache>({
    id: 'reliability.definition-file-cache',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: { config: coreServices.rootConfig },
        factory: ({ config }) =>
          new DefinitionFileCache({
            freshForMs:
              (config.getOptionalNumber(
                'reliability.definitions.cacheFreshSeconds',
              ) ?? 60) * 1000,
          }),
      }),
  });
