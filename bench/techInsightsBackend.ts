/*
 * Child process of bench/scorecard.ts: Backstage's Tech Insights backend
 * (@backstage-community/plugin-tech-insights-backend with the json-rules-engine fact checker) on
 * the same synthetic organisation, with checks equivalent to the scorecard's coverage columns
 * (what each entity's tier requires: owner, on-call, SLOs, runbooks, dashboards, DR targets, DR
 * test). Its fact retrievers read the catalog over HTTP, as in a deployment; the catalog here is a
 * minimal `catalog` plugin serving GET /entities from the generated entities.
 *
 * IPC: sends {type:'ready', port, factRetrievalMs}; answers {type:'memory'}; exits on {type:'stop'}.
 */
import {
  SchedulerService,
  coreServices,
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { CatalogClient } from '@backstage/catalog-client';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import techInsightsModuleJsonfc from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import {
  FactRetriever,
  techInsightsFactRetrieversExtensionPoint,
} from '@backstage-community/plugin-tech-insights-node';
import {
  PAGING_ANNOTATIONS,
  RELIABILITY_ANNOTATIONS,
} from '@reliability-suite/plugin-reliability-common';
import express from 'express';
import { DateTime } from 'luxon';
import { AddressInfo } from 'node:net';
import { backendDatabaseConfig, parseDbArg, resetDatabase } from './databases';
import { generateOrg } from './generateOrg';
import { memorySnapshot } from './memory';

/** A catalog plugin that only answers GET /entities (what the fact retrievers call). */
function minimalCatalogPlugin(entities: Entity[]) {
  return createBackendPlugin({
    pluginId: 'catalog',
    register(env) {
      env.registerInit({
        deps: { httpRouter: coreServices.httpRouter },
        async init({ httpRouter }) {
          const catalog = new InMemoryCatalogClient({ entities });
          const router = express.Router();
          router.get('/entities', async (req, res) => {
            // ?filter=kind=component,kind=api&filter=... : sets are ORed, keys within a set ANDed.
            const sets = [req.query.filter ?? []].flat().map(set => {
              const filter: Record<string, string[]> = {};
              for (const part of String(set).split(',')) {
                const [key, value] = part.split('=');
                (filter[key] ??= []).push(value);
              }
              return filter;
            });
            const { items } = await catalog.getEntities({
              filter: sets.length ? sets : undefined,
            });
            res.json(items);
          });
          httpRouter.use(router);
        },
      });
    },
  });
}

const MINUTE = 60_000;
const minutes = (value?: string) => {
  if (!value) return -1;
  const n = parseInt(value, 10);
  if (value.endsWith('h')) return n * 60;
  if (value.endsWith('d')) return n * 1440;
  return n;
};
const PAGING = Object.values(PAGING_ANNOTATIONS);

/**
 * Facts equivalent to what the scorecard's coverage columns read: tier, on-call (own or the owner
 * group's paging annotation), declared SLO files, runbook and dashboard links, DR targets and the
 * age of the last DR test. Reads the catalog over HTTP like the built-in retrievers.
 */
const reliabilityCoverageFactRetriever: FactRetriever = {
  id: 'reliabilityCoverageFactRetriever',
  version: '0.1.0',
  title: 'Reliability coverage',
  description:
    'Tier, on-call, SLOs, runbooks, dashboards and DR posture of an entity',
  entityFilter: [{ kind: ['component', 'system', 'api', 'resource'] }],
  schema: {
    tier: { type: 'integer', description: 'Tier 0–3; -1 without a tier' },
    hasOnCall: {
      type: 'boolean',
      description: 'Paging set on the entity or its owner group',
    },
    hasSloFiles: {
      type: 'boolean',
      description: 'The entity declares SLO files',
    },
    runbookCount: { type: 'integer', description: 'Runbook links' },
    hasDashboard: { type: 'boolean', description: 'A dashboard link' },
    rtoMinutes: {
      type: 'integer',
      description: 'RTO in minutes; -1 when not set',
    },
    rpoMinutes: {
      type: 'integer',
      description: 'RPO in minutes; -1 when not set',
    },
    drTestAgeDays: {
      type: 'integer',
      description: 'Days since the last DR test; -1 when never',
    },
  },
  handler: async ({ discovery, auth, entityFilter }) => {
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'catalog',
    });
    const client = new CatalogClient({ discoveryApi: discovery });
    const [{ items }, groups] = await Promise.all([
      client.getEntities({ filter: entityFilter }, { token }),
      client.getEntities({ filter: { kind: 'group' } }, { token }),
    ]);
    const groupByRef = new Map(
      groups.items.map(g => [stringifyEntityRef(g), g]),
    );
    const now = Date.now();
    return items.map(entity => {
      const annotations = entity.metadata.annotations ?? {};
      const owner = entity.relations?.find(
        r => r.type === RELATION_OWNED_BY,
      )?.targetRef;
      const ownerAnnotations =
        (owner && groupByRef.get(owner)?.metadata.annotations) || {};
      const links = entity.metadata.links ?? [];
      const drTested = annotations[RELIABILITY_ANNOTATIONS.drTested];
      const tier = annotations[RELIABILITY_ANNOTATIONS.tier];
      return {
        entity: {
          namespace: entity.metadata.namespace ?? 'default',
          kind: entity.kind,
          name: entity.metadata.name,
        },
        facts: {
          tier: tier === undefined ? -1 : Number(tier),
          hasOnCall:
            PAGING.some(a => annotations[a]) ||
            Boolean(annotations[RELIABILITY_ANNOTATIONS.onCall]) ||
            PAGING.some(a => ownerAnnotations[a]),
          hasSloFiles: Boolean(annotations[RELIABILITY_ANNOTATIONS.sloFiles]),
          runbookCount: links.filter(l => l.type === 'runbook').length,
          hasDashboard: links.some(l => l.type === 'dashboard'),
          rtoMinutes: minutes(annotations[RELIABILITY_ANNOTATIONS.rto]),
          rpoMinutes: minutes(annotations[RELIABILITY_ANNOTATIONS.rpo]),
          drTestAgeDays: drTested
            ? Math.floor((now - Date.parse(drTested)) / (1440 * MINUTE))
            : -1,
        },
        timestamp: DateTime.now(),
      };
    });
  },
};

const coverageFactsModule = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'bench-reliability-coverage',
  register(env) {
    env.registerInit({
      deps: { retrievers: techInsightsFactRetrieversExtensionPoint },
      async init({ retrievers }) {
        retrievers.addFactRetrievers({ reliabilityCoverageFactRetriever });
      },
    });
  },
});

const COVERAGE = 'reliabilityCoverageFactRetriever';
const OWNERSHIP = 'entityOwnershipFactRetriever';
const tierIn = (tiers: number[]) => ({
  fact: 'tier',
  operator: 'in',
  value: tiers,
});
/** A requirement of some tiers: passes for the other tiers, else when `condition` holds. */
const requiredFor = (tiers: number[], ...conditions: object[]) => ({
  any: [
    tierIn([-1, 0, 1, 2, 3].filter(t => !tiers.includes(t))),
    ...conditions,
  ],
});
const check = (name: string, factIds: string[], conditions: object) => ({
  type: 'json-rules-engine',
  name,
  description: `${name} (as the scorecard's "missing" column)`,
  factIds,
  rule: { conditions },
});
const within = (fact: string, max: number) => [
  { fact, operator: 'greaterThanInclusive', value: 0 },
  { fact, operator: 'lessThanInclusive', value: max },
];

/** The default tiers' requirements (plugins/reliability-common/src/tiers.ts) as jsonfc checks. */
export const TECH_INSIGHTS_CHECKS = {
  owner: check(
    'Owner',
    [COVERAGE, OWNERSHIP],
    requiredFor([0, 1, 2, 3], {
      fact: 'hasOwner',
      operator: 'equal',
      value: true,
    }),
  ),
  onCall: check(
    'On-call',
    [COVERAGE],
    requiredFor([0, 1, 2], {
      fact: 'hasOnCall',
      operator: 'equal',
      value: true,
    }),
  ),
  slos: check(
    'SLOs',
    [COVERAGE],
    requiredFor([0, 1, 2], {
      fact: 'hasSloFiles',
      operator: 'equal',
      value: true,
    }),
  ),
  runbooks: check(
    'Runbooks',
    [COVERAGE],
    requiredFor([0, 1, 2], {
      fact: 'runbookCount',
      operator: 'greaterThan',
      value: 0,
    }),
  ),
  dashboards: check(
    'Dashboards',
    [COVERAGE],
    requiredFor([0, 1], {
      fact: 'hasDashboard',
      operator: 'equal',
      value: true,
    }),
  ),
  drTargets: check(
    'DR targets',
    [COVERAGE],
    requiredFor(
      [0, 1],
      {
        all: [
          tierIn([0]),
          ...within('rtoMinutes', 60),
          ...within('rpoMinutes', 5),
        ],
      },
      {
        all: [
          tierIn([1]),
          ...within('rtoMinutes', 240),
          ...within('rpoMinutes', 60),
        ],
      },
    ),
  ),
  drTested: check(
    'DR tested',
    [COVERAGE],
    requiredFor(
      [0, 1],
      { all: [tierIn([0]), ...within('drTestAgeDays', 90)] },
      { all: [tierIn([1]), ...within('drTestAgeDays', 180)] },
    ),
  ),
};

async function main() {
  const db = parseDbArg(process.argv.slice(2));
  await resetDatabase(db, 'tech-insights');
  const { entities } = generateOrg({ historyPoints: 0 });
  // The mock scheduler instance also provides its service factory (missing from its public type).
  const scheduler = mockServices.scheduler() as SchedulerService & {
    factory: typeof mockServices.scheduler.factory;
  };
  const never = { cadence: '0 0 1 1 *' };
  const { server } = await startTestBackend({
    features: [
      techInsightsPlugin,
      techInsightsModuleJsonfc,
      coverageFactsModule,
      minimalCatalogPlugin(entities),
      databaseServiceFactory,
      // Used by the json-rules-engine checker only for checks with an entity filter (none here).
      catalogServiceMock.factory({ entities }),
      scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.rootLogger.factory({ level: 'warn' }),
      mockServices.rootConfig.factory({
        data: {
          backend: { database: backendDatabaseConfig(db) },
          techInsights: {
            factRetrievers: {
              [OWNERSHIP]: never,
              [COVERAGE]: never,
            },
            factChecker: { checks: TECH_INSIGHTS_CHECKS },
          },
        },
      }),
    ],
  });
  entities.length = 0; // the catalogs keep their own copies

  // Collect the facts once (what the retrievers' schedule would do), timed per retriever.
  const factRetrievalMs: Record<string, number> = {};
  for (const id of [OWNERSHIP, COVERAGE]) {
    const started = performance.now();
    await scheduler.triggerTask(id);
    factRetrievalMs[id] = performance.now() - started;
  }
  const { port } = server.address() as AddressInfo;
  process.send!({
    type: 'ready',
    port,
    factRetrievalMs,
    afterFacts: memorySnapshot(),
  });

  process.on('message', async (message: any) => {
    if (message?.type === 'memory') {
      process.send!({ type: 'memory', memory: memorySnapshot() });
    } else if (message?.type === 'stop') {
      process.exit(0);
    }
  });
}

if (require.main === module) {
  main().catch(error => {
    console.error(error);
    process.exit(1);
  });
}
