import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  PagingLinkTemplates,
  TierDefinition,
} from '@reliability-suite/plugin-reliability-common';
import { Checklist } from '../readiness/assessReadiness';
import { DefinitionsStore } from '../store/DefinitionsStore';
import { ReadinessStore } from '../store/ReadinessStore';
import { ScorecardStore } from '../store/ScorecardStore';
import { StatusStore } from '../store/StatusStore';
import { PROFILE_KINDS } from '../sync/DefinitionsSync';
import { scorecardRow } from './scorecardRow';

const PAGE_SIZE = 500;

/**
 * Maintains the scorecard: after each evaluation it reads the catalog once (paged), the stored
 * definitions, statuses and readiness events, and replaces every row in one transaction, with
 * the day's snapshot for trends. The scorecard API then answers from these rows alone.
 */
export class ScorecardProjector {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      definitions: DefinitionsStore;
      statuses: StatusStore;
      readiness: ReadinessStore;
      scorecard: ScorecardStore;
      tiers: ReadonlyArray<TierDefinition>;
      paging: PagingLinkTemplates;
      checklist: Checklist;
    },
  ) {}

  async projectAll(now = Date.now()): Promise<number> {
    const { deps } = this;
    const [entities, definitions, statuses, itemEvents, reviews] =
      await Promise.all([
        this.catalogEntities(),
        deps.definitions.all(),
        deps.statuses.allWithoutHistory(),
        deps.readiness.itemEventsByEntity(),
        deps.readiness.latestReviews(),
      ]);
    const sources = {
      entities,
      definitions,
      statuses,
      itemEvents,
      reviews,
      tiers: deps.tiers,
      paging: deps.paging,
      checklist: deps.checklist,
    };
    const rows = [...entities.values()]
      .filter(entity => PROFILE_KINDS.includes(entity.kind))
      .map(entity => scorecardRow(entity, sources, now));
    await deps.scorecard.replaceAll(
      rows,
      new Date(now).toISOString().slice(0, 10),
      now,
    );
    deps.logger.info(`Scorecard projected: ${rows.length} entities`);
    return rows.length;
  }

  /** Profile kinds and the groups that own them (on-call is inherited from the owner group). */
  private async catalogEntities(): Promise<Map<string, Entity>> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const entities = new Map<string, Entity>();
    let cursor: string | undefined;
    do {
      const page = await this.deps.catalog.queryEntities(
        cursor
          ? { cursor, limit: PAGE_SIZE }
          : { filter: { kind: [...PROFILE_KINDS, 'Group'] }, limit: PAGE_SIZE },
        { credentials },
      );
      for (const entity of page.items) {
        entities.set(stringifyEntityRef(entity), entity);
      }
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    return entities;
  }
}
