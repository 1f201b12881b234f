/*
 * What the backend has done so far, read from outside: the catalog's entity count over HTTP, the
 * reliability plugin's stored definitions and SLO statuses from its database (the store is what
 * pages and APIs serve, so "measured" means a status row is stored).
 */
import { Knex } from 'knex';
import { BenchSlo } from './evaluationOrg';

export interface Progress {
  /** Profile entities (Component, System, API, Resource) in the catalog. */
  catalogEntities?: number;
  /** SLO definitions stored. */
  definitions?: number;
  /** SLOs of the organisation with a stored status (measured, or degraded with an error). */
  measured: number;
  /** … of which with figures (not degraded). */
  withFigures: number;
  /** SLOs of the big file with a stored status. */
  bigFileMeasured: number;
}

const PROFILE_FILTER = ['component', 'system', 'api', 'resource']
  .map(kind => `filter=kind=${kind}`)
  .join('&');

async function catalogCount(baseUrl: string): Promise<number | undefined> {
  try {
    const response = await fetch(
      `${baseUrl}/api/catalog/entities/by-query?limit=1&${PROFILE_FILTER}`,
    );
    if (!response.ok) return undefined;
    return (await response.json()).totalItems;
  } catch {
    return undefined;
  }
}

async function definitionsCount(knex: Knex): Promise<number | undefined> {
  try {
    const [row] = await knex('slo_definitions').count({ n: '*' });
    return Number(row.n);
  } catch {
    return undefined; // not migrated yet
  }
}

export class ProgressReader {
  private readonly expected: Set<string>;
  private readonly bigFile: Set<string>;

  constructor(
    private readonly knex: Knex,
    slos: BenchSlo[],
    bigFileRefs: Set<string>,
    /** Profile entities the catalog should hold once it has processed every file. */
    readonly profileEntities: number,
  ) {
    this.expected = new Set(slos.map(s => `${s.entityRef}|${s.name}`));
    this.bigFile = new Set(
      slos
        .filter(s => bigFileRefs.has(s.entityRef))
        .map(s => `${s.entityRef}|${s.name}`),
    );
  }

  get bigFileSlos() {
    return this.bigFile.size;
  }

  async read(baseUrl?: string, sinceMs = 0): Promise<Progress> {
    let rows: Array<{
      entity_ref: string;
      slo_name: string;
      good_at: unknown;
    }> = [];
    try {
      rows = await this.knex('slo_status')
        .select('entity_ref', 'slo_name', 'good_at')
        .where('attempted_at', '>=', sinceMs);
    } catch {
      // not migrated yet
    }
    let measured = 0;
    let withFigures = 0;
    let bigFileMeasured = 0;
    for (const row of rows) {
      const key = `${row.entity_ref}|${row.slo_name}`;
      if (!this.expected.has(key)) continue;
      measured++;
      if (row.good_at !== null && row.good_at !== undefined) withFigures++;
      if (this.bigFile.has(key)) bigFileMeasured++;
    }
    return {
      catalogEntities: baseUrl ? await catalogCount(baseUrl) : undefined,
      definitions: await definitionsCount(this.knex),
      measured,
      withFigures,
      bigFileMeasured,
    };
  }

  /** Stored figures of up to `limit` SLOs (a spread sample), by `entityRef|name`. */
  async figures(slos: BenchSlo[], limit: number) {
    const every = Math.max(1, Math.ceil(slos.length / limit));
    const sample = slos.filter((_, i) => i % every === 0);
    const refs = [...new Set(sample.map(s => s.entityRef))];
    const wanted = new Set(sample.map(s => `${s.entityRef}|${s.name}`));
    const figures = new Map<string, any>();
    for (let i = 0; i < refs.length; i += 500) {
      const rows = await this.knex('slo_status')
        .select('*')
        .whereIn('entity_ref', refs.slice(i, i + 500))
        .whereNotNull('figures');
      for (const row of rows) {
        const key = `${row.entity_ref}|${row.slo_name}`;
        if (!wanted.has(key)) continue;
        // The burn-down history has a column of its own since the store's 2026-12-01 migration.
        const stored = JSON.parse(row.figures);
        if (row.history) stored.history = JSON.parse(row.history);
        figures.set(key, stored);
      }
    }
    return { sample, figures };
  }
}
