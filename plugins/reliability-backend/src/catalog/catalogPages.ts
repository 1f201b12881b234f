import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** Entities per catalog page: large enough for few requests, small enough to hold. */
export const CATALOG_PAGE_SIZE = 500;

/**
 * The entities of the given kinds, one catalog page at a time (`queryEntities` with its cursor),
 * so that a large catalog is never held at once. Stops before the next page when `signal`
 * aborts.
 */
export async function* catalogPages(
  catalog: Pick<CatalogService, 'queryEntities'>,
  query: {
    kinds: ReadonlyArray<string>;
    credentials: BackstageCredentials;
    /** Default `CATALOG_PAGE_SIZE`. */
    pageSize?: number;
  },
  signal?: AbortSignal,
): AsyncGenerator<Entity[]> {
  const limit = query.pageSize ?? CATALOG_PAGE_SIZE;
  let cursor: string | undefined;
  do {
    if (signal?.aborted) return;
    const page = await catalog.queryEntities(
      cursor
        ? { cursor, limit }
        : { filter: { kind: [...query.kinds] }, limit },
      { credentials: query.credentials },
    );
    yield page.items;
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
}
