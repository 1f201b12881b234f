import { UrlReaderService } from '@backstage/backend-plugin-api';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { DefinitionCheckOptions } from '@reliability-suite/plugin-reliability-common';
import { DefinitionFileCache } from './DefinitionFileCache';

/** What reading needs: the catalog's UrlReader and SCM integrations (for relative URLs). */
export interface DefinitionReadContext {
  urlReader: UrlReaderService;
  integrations: ScmIntegrationRegistry;
  /**
   * The files read before and their versions, shared by the catalog module and the definitions
   * sync (`definitionFileCacheServiceRef`); without it nothing is kept between reads.
   */
  cache?: DefinitionFileCache;
  /** What definitions are checked against (the scrape interval); defaults to a 1-minute scrape. */
  checks?: DefinitionCheckOptions;
}
