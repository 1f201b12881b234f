/*
 * A deterministic synthetic organisation for the scorecard benchmarks: catalog entities (with the
 * relations the catalog would add), SLO definitions and stored evaluation results, seeded into the
 * reliability plugin's database through its own stores.
 *
 * Run directly to seed one database:
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/generateOrg.ts --db sqlite
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/generateOrg.ts --db postgres
 */
import {
  Entity,
  RELATION_DEPENDS_ON,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  BURN_RATE_WINDOWS_MS,
  DEFAULT_ERROR_BUDGET_POLICY,
  PAGING_ANNOTATIONS,
  RELIABILITY_ANNOTATIONS,
  SloDefinition,
  SloFigures,
  policyState,
} from '@reliability-suite/plugin-reliability-common';
import {
  DefinitionsStore,
  StoredDefinitions,
  migratedClient,
} from '@reliability-suite/plugin-reliability-backend/src/store/DefinitionsStore';
import { StatusStore } from '@reliability-suite/plugin-reliability-backend/src/store/StatusStore';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import { BenchDb, openKnex, parseDbArg, resetDatabase } from './databases';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface OrgOptions {
  seed: number;
  /** Profile entities (Components, APIs, Resources and Systems). */
  entities: number;
  slos: number;
  teams: number;
  systems: number;
  domains: number;
  /**
   * Points of burn-down history per stored SLO status (the evaluator keeps 120). They draw no
   * random numbers: with 0, the entities are the same (backends that only need the catalog).
   */
  historyPoints: number;
  now: number;
}

export const DEFAULT_ORG: OrgOptions = {
  seed: 20261201,
  entities: 10_000,
  slos: 30_000,
  teams: 200,
  systems: 500,
  domains: 20,
  historyPoints: 120,
  // The start of today (UTC): the same data all day long, and DR test ages and evaluation times
  // relative to the day the projector and Tech Insights look at them.
  now: new Date().setUTCHours(0, 0, 0, 0),
};

export type BudgetMix =
  | 'on_track'
  | 'burning_slow'
  | 'burning_fast'
  | 'overspent'
  | 'no_data'
  | 'never_evaluated';

export interface SyntheticOrg {
  options: OrgOptions;
  /** Every catalog entity: groups, domains and the profile entities. */
  entities: Entity[];
  /** Stored definitions of each profile entity that declares reliability. */
  definitions: StoredDefinitions[];
  /** Stored evaluation results. */
  statuses: Array<{ entityRef: string; sloName: string; figures: SloFigures }>;
  counts: Record<string, number>;
}

/** mulberry32: small, fast, good enough for synthetic data, and the same on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) =>
      min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(items: ReadonlyArray<T>): T =>
      items[Math.floor(next() * items.length)],
    between: (min: number, max: number) => min + next() * (max - min),
    /** Picks a key by weight. */
    weighted: <T extends string | number>(
      weights: ReadonlyArray<[T, number]>,
    ): T => {
      const total = weights.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [value, w] of weights) {
        r -= w;
        if (r < 0) return value;
      }
      return weights[weights.length - 1][0];
    },
  };
}

const WORDS = [
  'payments',
  'checkout',
  'ledger',
  'search',
  'catalog',
  'identity',
  'billing',
  'orders',
  'shipping',
  'pricing',
  'inventory',
  'fraud',
  'ads',
  'feeds',
  'notifications',
  'messaging',
  'profiles',
  'reviews',
  'recommendations',
  'analytics',
  'reporting',
  'media',
  'uploads',
  'maps',
  'routing',
  'loyalty',
  'coupons',
  'tax',
  'invoices',
  'refunds',
  'accounts',
  'sessions',
  'gateway',
  'edge',
  'cdn',
  'dns',
  'auth',
  'consent',
  'privacy',
  'audit',
  'compliance',
  'warehouse',
  'fulfilment',
  'returns',
  'support',
  'chat',
  'voice',
  'video',
  'streaming',
  'playback',
  'subscriptions',
  'trials',
  'experiments',
  'flags',
];
/** `spec.type` by kind: APIs are OpenAPI, resources databases, the rest services. */
const SPEC_TYPES: Record<string, string> = {
  API: 'openapi',
  Resource: 'database',
};

const SUFFIXES = [
  'api',
  'service',
  'worker',
  'gateway',
  'store',
  'consumer',
  'scheduler',
  'indexer',
  'proxy',
  'ui',
  'bff',
  'sync',
  'exporter',
  'cache',
  'db',
  'queue',
];
const LIFECYCLES: ReadonlyArray<[string, number]> = [
  ['production', 70],
  ['experimental', 15],
  ['deprecated', 15],
];
/** Tier mix: few Tier 0, most Tier 2/3, some without a tier. */
const TIER_MIX: ReadonlyArray<[number, number]> = [
  [0, 5],
  [1, 20],
  [2, 40],
  [3, 25],
  [-1, 10],
];
const BUDGET_MIX: ReadonlyArray<[BudgetMix, number]> = [
  ['on_track', 68],
  ['burning_slow', 12],
  ['burning_fast', 5],
  ['overspent', 4],
  ['no_data', 7],
  ['never_evaluated', 4],
];

const round = (value: number, digits = 4) =>
  Math.round(value * 10 ** digits) / 10 ** digits;

/** The whole organisation, the same for the same options. */
export function generateOrg(overrides: Partial<OrgOptions> = {}): SyntheticOrg {
  const options = { ...DEFAULT_ORG, ...overrides };
  const rnd = prng(options.seed);
  const { now } = options;
  const counts: Record<string, number> = {};
  const count = (key: string, by = 1) => {
    counts[key] = (counts[key] ?? 0) + by;
  };

  const entities: Entity[] = [];
  const groupRef = (name: string) => `group:default/${name}`;

  // Teams (Groups): most page through PagerDuty or Opsgenie; some have no paging at all.
  const teams: string[] = [];
  for (let i = 0; i < options.teams; i++) {
    const name = `team-${rnd.pick(WORDS)}-${i + 1}`;
    teams.push(name);
    const paging = rnd.weighted<'pd' | 'og' | 'none'>([
      ['pd', 70],
      ['og', 15],
      ['none', 15],
    ]);
    const annotations: Record<string, string> = {};
    if (paging === 'pd') {
      annotations[PAGING_ANNOTATIONS.pagerDutyServiceId] = `P${(100000 + i)
        .toString(36)
        .toUpperCase()}`;
    } else if (paging === 'og') {
      annotations[PAGING_ANNOTATIONS.opsgenieTeam] = name;
    } else {
      count('teamsWithoutPaging');
    }
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name, namespace: 'default', annotations },
      spec: { type: 'team', children: [] },
      relations: [],
    });
  }

  const domains: string[] = [];
  for (let i = 0; i < options.domains; i++) {
    const name = `domain-${WORDS[i % WORDS.length]}`;
    domains.push(name);
    const owner = rnd.pick(teams);
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Domain',
      metadata: { name, namespace: 'default' },
      spec: { owner },
      relations: [{ type: RELATION_OWNED_BY, targetRef: groupRef(owner) }],
    });
  }

  // Profile entities: Systems first (so the others can be part of one), then Components, APIs and
  // Resources in a 65 : 18 : 12 mix of what is left.
  const profile: Array<{ entity: Entity; kind: string }> = [];
  const systems: Array<{ name: string; owner: string }> = [];
  const remaining = options.entities - options.systems;
  const componentCount = Math.round(remaining * (65 / 95));
  const apiCount = Math.round(remaining * (18 / 95));
  const resourceCount = remaining - componentCount - apiCount;
  const kinds: string[] = [
    ...Array(options.systems).fill('System'),
    ...Array(componentCount).fill('Component'),
    ...Array(apiCount).fill('API'),
    ...Array(resourceCount).fill('Resource'),
  ];
  const byKind: Record<string, string[]> = { Component: [], Resource: [] };
  kinds.forEach((kind, i) => {
    const word = rnd.pick(WORDS);
    const name =
      kind === 'System'
        ? `sys-${word}-${i + 1}`
        : `${word}-${rnd.pick(SUFFIXES)}-${i + 1}`;
    const system = kind === 'System' ? undefined : rnd.pick(systems);
    // Most entities are owned by their system's team; systems, and one entity in ten, by any team.
    const owner =
      kind === 'System' || !rnd.chance(0.9) ? rnd.pick(teams) : system!.owner;
    const ownerless = kind !== 'System' && rnd.chance(0.01);
    const tier = rnd.weighted(TIER_MIX);
    const critical = tier === 0 || tier === 1;
    const annotations: Record<string, string> = {};
    if (tier >= 0) annotations[RELIABILITY_ANNOTATIONS.tier] = String(tier);
    // Some entities page on their own; the others inherit their owner team's paging.
    if (rnd.chance(0.1)) {
      annotations[PAGING_ANNOTATIONS.pagerDutyServiceId] = `PS${i
        .toString(36)
        .toUpperCase()}`;
    }
    if (critical ? rnd.chance(0.75) : rnd.chance(0.2)) {
      annotations[RELIABILITY_ANNOTATIONS.rto] = rnd.pick([
        '30m',
        '1h',
        '4h',
        '8h',
      ]);
      annotations[RELIABILITY_ANNOTATIONS.rpo] = rnd.pick([
        '5m',
        '15m',
        '1h',
        '4h',
      ]);
    }
    if (critical ? rnd.chance(0.65) : rnd.chance(0.1)) {
      const ageDays = rnd.int(5, 300);
      annotations[RELIABILITY_ANNOTATIONS.drTested] = new Date(
        now - ageDays * DAY,
      )
        .toISOString()
        .slice(0, 10);
    }
    const links = [];
    if (rnd.chance(critical ? 0.85 : 0.65)) {
      links.push({
        url: `https://runbooks.example.com/${name}`,
        type: 'runbook',
        title: 'Runbook',
      });
    }
    if (rnd.chance(critical ? 0.8 : 0.6)) {
      links.push({
        url: `https://grafana.example.com/d/${name}`,
        type: 'dashboard',
        title: 'Dashboard',
      });
    }
    const relations: Entity['relations'] = ownerless
      ? []
      : [{ type: RELATION_OWNED_BY, targetRef: groupRef(owner) }];
    const spec: JsonObject = {
      type: SPEC_TYPES[kind] ?? 'service',
      lifecycle: rnd.weighted(LIFECYCLES),
    };
    if (!ownerless) spec.owner = owner;
    if (kind === 'System') {
      const domain = rnd.pick(domains);
      spec.domain = domain;
      relations.push({
        type: RELATION_PART_OF,
        targetRef: `domain:default/${domain}`,
      });
      systems.push({ name, owner });
    } else {
      spec.system = system!.name;
      relations.push({
        type: RELATION_PART_OF,
        targetRef: `system:default/${system!.name}`,
      });
    }
    if (kind === 'API') spec.definition = 'openapi: 3.0.0';
    if (kind === 'Component' && byKind.Component.length > 10) {
      const deps = new Set<string>();
      for (let d = rnd.int(0, 3); d > 0; d--) {
        deps.add(
          // Seven in ten on a component, the others on a resource if there is any.
          rnd.pick(
            rnd.chance(0.7) || !byKind.Resource.length
              ? byKind.Component
              : byKind.Resource,
          ),
        );
      }
      spec.dependsOn = [...deps];
      for (const dep of deps)
        relations.push({ type: RELATION_DEPENDS_ON, targetRef: dep });
    }
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: {
        name,
        namespace: 'default',
        title: rnd.chance(0.4)
          ? `${word[0].toUpperCase()}${word.slice(1)} ${kind.toLowerCase()} ${
              i + 1
            }`
          : undefined,
        description: rnd.chance(0.7)
          ? `The ${word} ${kind.toLowerCase()}`
          : undefined,
        tags: rnd.chance(0.5) ? [word] : [],
        annotations,
        links,
      },
      spec,
      relations,
    };
    if (entity.metadata.title === undefined) delete entity.metadata.title;
    if (entity.metadata.description === undefined)
      delete entity.metadata.description;
    if (kind in byKind) byKind[kind].push(stringifyEntityRef(entity));
    profile.push({ entity, kind });
    count(kind);
    count(`tier${tier < 0 ? 'None' : tier}`);
  });

  // SLOs per entity: critical tiers declare more; some declare none. The total is then adjusted
  // to exactly options.slos, by adding to or removing from random entities.
  const sloCounts = profile.map(({ entity }) => {
    const tier = entity.metadata.annotations?.[RELIABILITY_ANNOTATIONS.tier];
    if (tier === '0' || tier === '1')
      return rnd.weighted<number>([
        [0, 5],
        [2, 15],
        [3, 25],
        [4, 30],
        [5, 25],
      ]);
    if (tier === '2')
      return rnd.weighted<number>([
        [0, 12],
        [1, 15],
        [2, 25],
        [3, 28],
        [4, 20],
      ]);
    return rnd.weighted<number>([
      [0, 30],
      [1, 20],
      [2, 20],
      [3, 15],
      [4, 15],
    ]);
  });
  let total = sloCounts.reduce((sum, n) => sum + n, 0);
  while (total !== options.slos) {
    const i = rnd.int(0, sloCounts.length - 1);
    if (total < options.slos && sloCounts[i] > 0 && sloCounts[i] < 8) {
      sloCounts[i]++;
      total++;
    } else if (total > options.slos && sloCounts[i] > 1) {
      sloCounts[i]--;
      total--;
    }
  }

  const definitions: StoredDefinitions[] = [];
  const statuses: SyntheticOrg['statuses'] = [];
  const SLO_KINDS = [
    'availability',
    'latency',
    'errors',
    'freshness',
    'throughput',
    'saturation',
    'durability',
    'correctness',
  ];
  profile.forEach(({ entity }, index) => {
    const entityRef = stringifyEntityRef(entity);
    const n = sloCounts[index];
    const tierValue =
      entity.metadata.annotations?.[RELIABILITY_ANNOTATIONS.tier];
    const file = `slo/${entity.metadata.name}.yaml`;
    if (n > 0)
      entity.metadata.annotations![RELIABILITY_ANNOTATIONS.sloFiles] = file;
    const slos: SloDefinition[] = [];
    for (let k = 0; k < n; k++) {
      const what = SLO_KINDS[k];
      const name = `${entity.metadata.name}-${what}`;
      const target = sloTarget(tierValue, rnd);
      const weekly = rnd.chance(0.1);
      const job = `job="${entity.metadata.name}"`;
      slos.push({
        name,
        displayName: `${entity.metadata.name} ${what}`,
        service: entity.metadata.name,
        indicator: {
          name: `${name}-sli`,
          metric: {
            type: 'ratio',
            counter: true,
            good: { query: `http_requests_total{${job},code!~"5.."}` },
            total: { query: `http_requests_total{${job}}` },
          },
        },
        objectives: [{ target }],
        timeWindow: weekly
          ? { type: 'rolling', duration: '7d', durationMs: 7 * DAY }
          : { type: 'rolling', duration: '30d', durationMs: 30 * DAY },
        budgetingMethod: 'Occurrences',
        alertPolicies: [],
        runbook: rnd.chance(0.2)
          ? `https://runbooks.example.com/${name}`
          : undefined,
        source: { format: 'openslo', file, line: 1 + k * 24 },
      });
      const mix = rnd.weighted(BUDGET_MIX);
      count(`slo_${mix}`);
      if (mix !== 'never_evaluated') {
        statuses.push({
          entityRef,
          sloName: name,
          figures: figuresFor(
            mix,
            target,
            weekly ? 7 * DAY : 30 * DAY,
            now - rnd.int(0, 10) * MINUTE,
            rnd,
            options.historyPoints,
          ),
        });
      }
    }
    for (const slo of slos) if (!slo.runbook) delete slo.runbook;
    definitions.push({
      entityRef,
      settings: {
        tierLevel: tierValue === undefined ? undefined : Number(tierValue),
        sloFilePatterns: n > 0 ? [file] : [],
        rtoMinutes: minutesOf(
          entity.metadata.annotations?.[RELIABILITY_ANNOTATIONS.rto],
        ),
        rpoMinutes: minutesOf(
          entity.metadata.annotations?.[RELIABILITY_ANNOTATIONS.rpo],
        ),
        drTested:
          entity.metadata.annotations?.[RELIABILITY_ANNOTATIONS.drTested],
      },
      slos,
      problems: [],
      readAt: now - HOUR,
    });
  });

  entities.push(...profile.map(p => p.entity));
  counts.catalogEntities = entities.length;
  counts.profileEntities = profile.length;
  counts.slos = total;
  counts.statuses = statuses.length;
  return { options, entities, definitions, statuses, counts };
}

/**
 * The objective of a generated SLO: Tier 0 and Tier 1 have theirs, the others one of three.
 * Draws from `rnd` only for the others (generated organisations depend on the order of draws).
 */
export function sloTarget(
  tier: string | undefined,
  rnd: ReturnType<typeof prng>,
): number {
  if (tier === '0') return 0.9995;
  if (tier === '1') return 0.999;
  return rnd.pick([0.99, 0.995, 0.999]);
}

/** The range the budget left of an SLO in each state is drawn from. */
const REMAINING_RANGES: Record<
  Exclude<BudgetMix, 'never_evaluated' | 'no_data'>,
  [number, number]
> = {
  on_track: [0.3, 0.99],
  burning_slow: [0.05, 0.6],
  burning_fast: [-0.2, 0.3],
  overspent: [-0.8, -0.01],
};

function minutesOf(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const n = parseInt(value, 10);
  return value.endsWith('h') ? n * 60 : n;
}

/** Figures an evaluation would have stored for an SLO in the given state. */
function figuresFor(
  mix: Exclude<BudgetMix, 'never_evaluated'>,
  target: number,
  windowMs: number,
  measuredAt: number,
  rnd: ReturnType<typeof prng>,
  historyPoints: number,
): SloFigures {
  const noData = mix === 'no_data';
  const remainingFraction = noData
    ? undefined
    : round(rnd.between(...REMAINING_RANGES[mix]));
  const rateFor = (rateWindowMs: number): number | undefined => {
    if (noData) return undefined;
    if (mix === 'burning_fast' && rateWindowMs <= HOUR)
      return round(rnd.between(15, 40), 2);
    if (
      mix === 'burning_slow' &&
      rateWindowMs >= 2 * HOUR &&
      rateWindowMs <= DAY
    )
      return round(rnd.between(3.1, 5), 2);
    return round(rnd.between(0.05, 0.9), 2);
  };
  const total = rnd.int(100_000, 50_000_000);
  const budgetTotal = Math.round(total * (1 - target));
  const consumed =
    remainingFraction === undefined
      ? undefined
      : Math.round(budgetTotal * (1 - remainingFraction));
  const sli = noData
    ? undefined
    : round(1 - (1 - target) * (1 - (remainingFraction ?? 0)), 6);
  const history = [];
  const start = measuredAt - windowMs;
  for (let p = 0; p < historyPoints; p++) {
    const t = Math.round(start + ((p + 1) * windowMs) / historyPoints);
    history.push(
      noData
        ? { t }
        : {
            t,
            remaining: round(
              1 - (1 - (remainingFraction ?? 0)) * ((p + 1) / historyPoints),
            ),
          },
    );
  }
  return {
    target,
    sli,
    attained: noData ? undefined : (remainingFraction ?? 0) >= 0,
    windowStart: start,
    windowEnd: measuredAt,
    budget: {
      unit: 'events',
      total: noData ? undefined : budgetTotal,
      consumed,
      remaining: consumed === undefined ? undefined : budgetTotal - consumed,
      remainingFraction,
      overspent: (remainingFraction ?? 0) < 0,
    },
    burnRates: BURN_RATE_WINDOWS_MS.map(w => ({
      windowMs: w,
      rate: rateFor(w),
    })),
    projectedExhaustion:
      mix === 'burning_fast' && (remainingFraction ?? 0) > 0
        ? measuredAt + Math.round(rnd.between(1, 48) * HOUR)
        : undefined,
    policyState: policyState(remainingFraction, DEFAULT_ERROR_BUDGET_POLICY),
    history,
    measuredAt,
  };
}

/**
 * Seeds definitions and statuses through the plugin's own stores (DefinitionsStore.save,
 * StatusStore.saveSuccess). Each store call is one statement (or a small transaction), so the
 * calls are grouped into one transaction per `batch` entities: the stores are given the
 * transaction as their database (DefinitionsStore.save's own transaction becomes a savepoint).
 * This keeps the real write path while avoiding 40,000 separate commits.
 */
export async function seedOrg(
  knex: Knex,
  org: SyntheticOrg,
  options: { batch?: number; log?: (line: string) => void } = {},
): Promise<{ definitionsMs: number; statusesMs: number }> {
  const batch = options.batch ?? 500;
  const log = options.log ?? (() => {});
  const statusesByEntity = new Map<string, SyntheticOrg['statuses']>();
  for (const status of org.statuses) {
    const list = statusesByEntity.get(status.entityRef) ?? [];
    list.push(status);
    statusesByEntity.set(status.entityRef, list);
  }
  let started = performance.now();
  for (let i = 0; i < org.definitions.length; i += batch) {
    await knex.transaction(async tx => {
      const store = new DefinitionsStore(tx);
      for (const definitions of org.definitions.slice(i, i + batch)) {
        await store.save(definitions, { keepSlos: false });
      }
    });
    if ((i / batch) % 5 === 4)
      log(`  definitions: ${i + batch}/${org.definitions.length}`);
  }
  const definitionsMs = performance.now() - started;
  started = performance.now();
  for (let i = 0; i < org.statuses.length; i += batch * 3) {
    await knex.transaction(async tx => {
      const store = new StatusStore(tx);
      for (const { entityRef, sloName, figures } of org.statuses.slice(
        i,
        i + batch * 3,
      )) {
        await store.saveSuccess(entityRef, sloName, figures);
      }
    });
    if ((i / (batch * 3)) % 5 === 4)
      log(`  statuses: ${i + batch * 3}/${org.statuses.length}`);
  }
  return { definitionsMs, statusesMs: performance.now() - started };
}

/** Recreates the reliability database of `db` and seeds the organisation into it. */
export async function seedDatabase(
  db: BenchDb,
  org: SyntheticOrg,
  log: (line: string) => void,
) {
  await resetDatabase(db, 'reliability');
  const knex = await openKnex(db, 'reliability');
  try {
    const migrateStarted = performance.now();
    await migratedClient({ getClient: async () => knex } as any);
    const migrateMs = performance.now() - migrateStarted;
    const timings = await seedOrg(knex, org, { log });
    return { migrateMs, ...timings };
  } finally {
    await knex.destroy();
  }
}

if (require.main === module) {
  (async () => {
    const db = parseDbArg(process.argv.slice(2));
    const started = performance.now();
    const org = generateOrg();
    const generateMs = performance.now() - started;
    // Quiet when bench/scorecard.ts runs this as a child process: it gets the figures by IPC.
    const log = (...line: unknown[]) => {
      if (!process.send) console.log(...line);
    };
    log(`Generated in ${Math.round(generateMs)} ms:`, org.counts);
    const timings = await seedDatabase(db, org, line => log(line));
    log(
      `Seeded ${db.kind}:`,
      Object.fromEntries(
        Object.entries(timings).map(([k, v]) => [k, Math.round(v)]),
      ),
    );
    process.send?.({
      type: 'seeded',
      counts: org.counts,
      generateMs,
      ...timings,
    });
  })().catch(error => {
    console.error(error);
    process.exit(1);
  });
}
