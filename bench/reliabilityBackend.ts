/*
 * Child process of bench/scorecard.ts: the reliability backend plugin in a Backstage test backend
 * on an already seeded database (SQLite or PostgreSQL, through Backstage's database service), with
 * the synthetic organisation as its catalog. It runs the scorecard projector once, then serves
 * HTTP until told to stop; bench/scorecard.ts sends the requests from another process.
 *
 * IPC: sends {type:'ready', port, ...timings}; answers {type:'memory'} with the process's memory;
 * exits on {type:'stop'}.
 */
import {
  AuthService,
  DatabaseService,
  LoggerService,
  RootConfigService,
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import reliabilityPlugin from '@reliability-suite/plugin-reliability-backend';
import { readReliabilitySettings } from '@reliability-suite/plugin-reliability-backend/src/config';
import { ScorecardProjector } from '@reliability-suite/plugin-reliability-backend/src/scorecard/ScorecardProjector';
import { DefinitionsStore } from '@reliability-suite/plugin-reliability-backend/src/store/DefinitionsStore';
import { ReadinessStore } from '@reliability-suite/plugin-reliability-backend/src/store/ReadinessStore';
import { ScorecardStore } from '@reliability-suite/plugin-reliability-backend/src/store/ScorecardStore';
import { StatusStore } from '@reliability-suite/plugin-reliability-backend/src/store/StatusStore';
import { PROFILE_KINDS } from '@reliability-suite/plugin-reliability-backend/src/sync/DefinitionsSync';
import { BUILT_IN_CHECKS } from '@reliability-suite/plugin-reliability-common';
import { AddressInfo } from 'node:net';
import { backendDatabaseConfig, parseDbArg } from './databases';
import { generateOrg } from './generateOrg';
import { memorySnapshot } from './memory';

/** The plugin's own services, captured by a module of the plugin (same database, same catalog). */
let deps:
  | {
      database: DatabaseService;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      config: RootConfigService;
    }
  | undefined;

const benchModule = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'bench',
  register(env) {
    env.registerInit({
      deps: {
        database: coreServices.database,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        logger: coreServices.logger,
        config: coreServices.rootConfig,
      },
      async init(captured) {
        deps = captured;
      },
    });
  },
});

async function main() {
  const db = parseDbArg(process.argv.slice(2));
  const { entities } = generateOrg({ historyPoints: 0 });
  const { server } = await startTestBackend({
    features: [
      reliabilityPlugin,
      benchModule,
      databaseServiceFactory,
      catalogServiceMock.factory({ entities }),
      // No scheduled task runs by itself: evaluation would query Prometheus for 30,000 SLOs.
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.rootLogger.factory({ level: 'warn' }),
      mockServices.rootConfig.factory({
        data: { backend: { database: backendDatabaseConfig(db) } },
      }),
    ],
  });
  entities.length = 0; // the catalog mock keeps its own copy

  const { database, catalog, auth, logger, config } = deps!;
  const knex = await database.getClient();
  const settings = readReliabilitySettings(config);
  const projector = new ScorecardProjector({
    catalog,
    auth,
    logger,
    definitions: new DefinitionsStore(knex),
    statuses: new StatusStore(knex),
    readiness: new ReadinessStore(knex),
    scorecard: new ScorecardStore(knex),
    tiers: settings.tiers,
    paging: settings.paging,
    checklist: { items: settings.readinessItems, checks: BUILT_IN_CHECKS },
  });

  const beforeProjection = memorySnapshot();

  // How long the projector's catalog read alone takes (the same paged query it makes), so the
  // in-memory catalog's share of the projection is known.
  let started = performance.now();
  const credentials = await auth.getOwnServiceCredentials();
  let cursor: string | undefined;
  do {
    const page = await catalog.queryEntities(
      cursor
        ? { cursor, limit: 500 }
        : { filter: { kind: [...PROFILE_KINDS, 'Group'] }, limit: 500 },
      { credentials },
    );
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  const catalogReadMs = performance.now() - started;

  started = performance.now();
  const rows = await projector.projectAll();
  const projectMs = performance.now() - started;
  // A second projection: the steady state (the tables already hold every row).
  started = performance.now();
  await projector.projectAll();
  const reprojectMs = performance.now() - started;

  const afterProjection = memorySnapshot();
  const { port } = server.address() as AddressInfo;
  process.send!({
    type: 'ready',
    port,
    rows,
    catalogReadMs,
    projectMs,
    reprojectMs,
    beforeProjection,
    afterProjection,
  });

  process.on('message', async (message: any) => {
    if (message?.type === 'memory') {
      process.send!({ type: 'memory', memory: memorySnapshot() });
    } else if (message?.type === 'stop') {
      await server.close?.();
      process.exit(0);
    }
  });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
