/*
 * The evaluation benchmark's organisation as real catalog files: the entities of generateOrg.ts
 * (same seed, scaled), each SLO's SLI a per-service selector of a few shared metric names
 * (bench/evaluationMetrics.ts writes their series), laid out as an organisation keeps them:
 *
 *   org.yaml                          groups and domains
 *   monorepo/catalog-info.yaml        one file of `bigFileEntities` Components, three inline SLOs each
 *   services/<name>/catalog-info.yaml one file per other entity: inline SLOs (even entities) or
 *   services/<name>/slo/slos.yaml     an OpenSLO file next to it (odd entities)
 */
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { RELIABILITY_ANNOTATIONS } from '@reliability-suite/plugin-reliability-common';
import fs from 'node:fs';
import path from 'node:path';
import { toYamlDocuments } from './blockYaml';
import { generateOrg, prng, sloTarget } from './generateOrg';

const DAY_MS = 86_400_000;

/** How an SLI counts events: all shapes share the metric names, per `service` label. */
export type SliShape = 'availability' | 'latency' | 'errors';

/** The selectors of a shape for one service (`service` undefined: every service, for batching). */
export function shapeSelectors(
  shape: SliShape,
  service?: string,
): { good?: string; bad?: string; total: string } {
  const svc = service === undefined ? [] : [`service="${service}"`];
  const sel = (name: string, ...matchers: string[]) => {
    const all = [...svc, ...matchers];
    return all.length ? `${name}{${all.join(',')}}` : name;
  };
  const total = sel('http_requests_total');
  if (shape === 'availability')
    return { good: sel('http_requests_total', 'code!~"5.."'), total };
  if (shape === 'latency')
    return {
      good: sel('http_request_duration_seconds_bucket', 'le="0.3"'),
      total,
    };
  return { bad: sel('http_requests_total', 'code=~"5.."'), total };
}

const SHAPES: SliShape[] = ['availability', 'latency', 'errors'];
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

/** The big file's inline SLOs, a per-entity file's inline SLOs, or an OpenSLO file beside it. */
export type Layout = 'bigFile' | 'inline' | 'openslo';

export interface BenchSlo {
  entityRef: string;
  /** The SLO's name as stored (inline: the name in the list; OpenSLO: metadata.name). */
  name: string;
  service: string;
  shape: SliShape;
  target: number;
  windowMs: number;
}

export interface EvaluationOrgOptions {
  seed: number;
  entities: number;
  slos: number;
  /** Components held in the one big catalog file (three inline SLOs each). */
  bigFileEntities: number;
  /** Distinct `service` label values the SLIs select (entity i selects service i mod services). */
  services: number;
}

export interface EvaluationOrg {
  options: EvaluationOrgOptions;
  /** Every catalog entity (groups, domains, profile entities), without relations. */
  entities: Entity[];
  slos: BenchSlo[];
  /** Entities of the big file. */
  bigFileRefs: Set<string>;
  /** Where each profile entity's SLOs are declared. */
  layout: Map<string, Layout>;
  counts: Record<string, number>;
}

/** Teams, systems and domains in generateOrg's proportions (200 / 500 / 20 at 10,000). */
function scaled(entities: number) {
  return {
    teams: Math.max(5, Math.round(entities * 0.02)),
    systems: Math.max(5, Math.round(entities * 0.05)),
    domains: Math.min(20, Math.max(2, Math.round(entities * 0.002))),
  };
}

export function serviceName(index: number, services: number) {
  return `svc-${index % services}`;
}

/** The organisation, the same for the same options. */
export function evaluationOrg(options: EvaluationOrgOptions): EvaluationOrg {
  const base = generateOrg({
    seed: options.seed,
    entities: options.entities,
    slos: options.slos,
    historyPoints: 0,
    ...scaled(options.entities),
  });
  const rnd = prng(options.seed + 1);
  const profile = base.entities.slice(
    base.entities.length - base.definitions.length,
  );
  const others = base.entities.slice(0, base.entities.length - profile.length);

  // The big file: the first Components (any profile kind if there are too few).
  const components = profile
    .map((entity, index) => ({ entity, index }))
    .filter(({ entity }) => entity.kind === 'Component');
  const pool =
    components.length >= options.bigFileEntities
      ? components
      : profile.map((entity, index) => ({ entity, index }));
  const bigIndexes = new Set(
    pool.slice(0, options.bigFileEntities).map(p => p.index),
  );

  // SLOs per entity: generateOrg's counts, exactly three in the big file, the total kept.
  const counts = base.definitions.map((d, i) =>
    bigIndexes.has(i) ? 3 : d.slos.length,
  );
  let total = counts.reduce((sum, n) => sum + n, 0);
  for (let guard = 0; total !== options.slos; guard++) {
    if (guard > 10_000_000)
      throw new Error(
        `cannot place ${options.slos} SLOs on ${options.entities} entities`,
      );
    const i = rnd.int(0, counts.length - 1);
    if (bigIndexes.has(i)) continue;
    if (total < options.slos && counts[i] > 0 && counts[i] < 8) {
      counts[i]++;
      total++;
    } else if (total > options.slos && counts[i] > 1) {
      counts[i]--;
      total--;
    }
  }

  const slos: BenchSlo[] = [];
  const bigFileRefs = new Set<string>();
  const layout = new Map<string, Layout>();
  const entities: Entity[] = others.map(stripRelations);
  profile.forEach((original, index) => {
    const entity = stripRelations(original);
    const ref = stringifyEntityRef(entity);
    const annotations = { ...entity.metadata.annotations };
    delete annotations[RELIABILITY_ANNOTATIONS.sloFiles];
    entity.metadata.annotations = annotations;
    // The catalog requires an owner; generateOrg leaves 1 % without one (its scorecard counts them).
    if (entity.kind !== 'Group' && !entity.spec?.owner)
      entity.spec = { ...entity.spec, owner: 'unowned' };
    const big = bigIndexes.has(index);
    if (big) bigFileRefs.add(ref);
    let where: Layout = index % 2 === 0 ? 'inline' : 'openslo';
    if (big) where = 'bigFile';
    layout.set(ref, where);
    const tier = annotations[RELIABILITY_ANNOTATIONS.tier];
    const service = serviceName(index, options.services);
    for (let k = 0; k < counts[index]; k++) {
      const target = sloTarget(tier, rnd);
      slos.push({
        entityRef: ref,
        name:
          where === 'openslo'
            ? `${entity.metadata.name}-${SLO_KINDS[k]}`
            : SLO_KINDS[k],
        service,
        shape: SHAPES[k % SHAPES.length],
        target,
        windowMs: rnd.chance(0.1) ? 7 * DAY_MS : 30 * DAY_MS,
      });
    }
    entities.push(entity);
  });

  return {
    options,
    entities,
    slos,
    bigFileRefs,
    layout,
    counts: {
      catalogEntities: entities.length,
      profileEntities: profile.length,
      bigFileEntities: bigFileRefs.size,
      slos: slos.length,
      services: Math.min(options.services, profile.length),
    },
  };
}

/** The entity as its file holds it: no relations, the default namespace left implicit. */
function stripRelations(entity: Entity): Entity {
  const { relations: _relations, ...rest } = entity;
  const copy: Entity = JSON.parse(JSON.stringify(rest));
  if (copy.metadata.namespace === 'default') delete copy.metadata.namespace;
  return copy;
}

const windowText = (ms: number) => `${ms / DAY_MS}d`;

function inlineSlo(slo: BenchSlo) {
  const selectors = shapeSelectors(slo.shape, slo.service);
  return {
    name: slo.name,
    objective: slo.target,
    // 30d is the default window.
    window: slo.windowMs === 30 * DAY_MS ? undefined : windowText(slo.windowMs),
    ...selectors,
  };
}

function openSloDocuments(slo: BenchSlo) {
  const selectors = shapeSelectors(slo.shape, slo.service);
  const metric = (query: string) => ({
    metricSource: { type: 'Prometheus', spec: { query } },
  });
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: slo.name },
    spec: {
      service: slo.service,
      indicator: {
        metadata: { name: `${slo.name}-sli` },
        spec: {
          ratioMetric: {
            counter: true,
            ...(selectors.good ? { good: metric(selectors.good) } : {}),
            ...(selectors.bad ? { bad: metric(selectors.bad) } : {}),
            total: metric(selectors.total),
          },
        },
      },
      timeWindow: [{ duration: windowText(slo.windowMs), isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ target: slo.target }],
    },
  };
}

export interface WrittenCatalog {
  /** Catalog locations (`type: file`) to register. */
  locations: string[];
  bigFile: string;
  bigFileBytes: number;
  files: number;
}

/** Writes the organisation's catalog and OpenSLO files under `dir` (emptied first). */
export function writeEvaluationCatalog(
  org: EvaluationOrg,
  dir: string,
): WrittenCatalog {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'monorepo'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'services'), { recursive: true });
  const slosByRef = new Map<string, BenchSlo[]>();
  for (const slo of org.slos) {
    const list = slosByRef.get(slo.entityRef) ?? [];
    list.push(slo);
    slosByRef.set(slo.entityRef, list);
  }
  const orgFile = path.join(dir, 'org.yaml');
  const bigFile = path.join(dir, 'monorepo', 'catalog-info.yaml');
  const profileKinds = new Set(['Component', 'System', 'API', 'Resource']);
  const orgDocs: Entity[] = [];
  const bigDocs: Entity[] = [];
  let files = 2;
  for (const entity of org.entities) {
    if (!profileKinds.has(entity.kind)) {
      orgDocs.push(entity);
      continue;
    }
    const ref = stringifyEntityRef(entity);
    const slos = slosByRef.get(ref) ?? [];
    const inline = org.layout.get(ref) !== 'openslo';
    if (slos.length && inline) {
      entity.spec = {
        ...entity.spec,
        reliability: { slos: slos.map(inlineSlo) },
      };
    } else if (slos.length) {
      entity.metadata.annotations = {
        ...entity.metadata.annotations,
        [RELIABILITY_ANNOTATIONS.sloFiles]: 'slo/*.yaml',
      };
    }
    if (org.bigFileRefs.has(ref)) {
      // A monorepo's file keeps its entities short (it must stay under the 1 MiB a file may hold).
      delete entity.metadata.title;
      delete entity.metadata.description;
      delete entity.metadata.tags;
      bigDocs.push(entity);
      continue;
    }
    const folder = path.join(dir, 'services', entity.metadata.name);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(
      path.join(folder, 'catalog-info.yaml'),
      toYamlDocuments([entity]),
    );
    files++;
    if (slos.length && !inline) {
      fs.mkdirSync(path.join(folder, 'slo'));
      fs.writeFileSync(
        path.join(folder, 'slo', 'slos.yaml'),
        toYamlDocuments(slos.map(openSloDocuments)),
      );
      files++;
    }
  }
  fs.writeFileSync(orgFile, toYamlDocuments(orgDocs));
  const bigText = toYamlDocuments(bigDocs);
  fs.writeFileSync(bigFile, bigText);
  return {
    locations: [
      orgFile,
      bigFile,
      path.join(dir, 'services', '*', 'catalog-info.yaml'),
    ],
    bigFile,
    bigFileBytes: Buffer.byteLength(bigText),
    files,
  };
}
