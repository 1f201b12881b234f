import { UrlReaderService } from '@backstage/backend-plugin-api';
import { ScmIntegrationRegistry } from '@backstage/integration';

/** What reading needs: the catalog's UrlReader and SCM integrations (for relative URLs). */
export interface DefinitionReadContext {
  urlReader: UrlReaderService;
  integrations: ScmIntegrationRegistry;
}
