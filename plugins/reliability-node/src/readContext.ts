import { UrlReaderService } from '@backstage/backend-plugin-api';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { DefinitionCheckOptions } from '@reliability-suite/plugin-reliability-common';

/** What reading needs: the catalog's UrlReader and SCM integrations (for relative URLs). */
export interface DefinitionReadContext {
  urlReader: UrlReaderService;
  integrations: ScmIntegrationRegistry;
  /** What definitions are checked against (the scrape interval); defaults to a 1-minute scrape. */
  checks?: DefinitionCheckOptions;
}
