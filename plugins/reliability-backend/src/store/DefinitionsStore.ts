import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import {
  DefinitionProblem,
  EntityReliabilitySettings,
  SloDefinition,
} from '@reliability-suite/plugin-reliability-common';
import type { DefinitionReadRecord } from '@reliability-suite/plugin-reliability-node';

const migrationsDir = resolvePackagePath(
  '@reliability-suite/plugin-reliability-backend',
  'migrations',
);

/** The plugin's database, migrated to the latest schema. */
export async function migratedClient(database: DatabaseService): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}

/** The definitions of one entity as last read from its files. */
export interface StoredDefinitions {
  entityRef: string;
  settings: EntityReliabilitySettings;
  slos: SloDefinition[];
  problems: DefinitionProblem[];
  /** Epoch milliseconds UTC. */
  readAt: number;
}

interface EntityRow {
  entity_ref: string;
  settings: string;
  problems: string;
  read_at: number | string;
  /** A hash of the entity's SLO rows as last written: unchanged rows are not written again. */
  slos_fingerprint?: string | null;
  /** JSON of the read record the definitions came from (`DefinitionReadRecord`), if any. */
  read_record?: string | null;
}

/** The only code that reads and writes the definition tables. */
export class DefinitionsStore {
  static async create(database: DatabaseService): Promise<DefinitionsStore> {
    return new DefinitionsStore(await migratedClient(database));
  }

  constructor(private readonly db: Knex) {}

  /**
   * Replaces an entity's definitions in one transaction. With `keepSlos` (a file could not be
   * read), the SLOs stored before are kept and only settings and problems are updated. SLOs
   * identical to the stored ones (every cycle reads every entity) are not written again.
   */
  async save(
    definitions: StoredDefinitions,
    options: { keepSlos: boolean; record?: DefinitionReadRecord },
  ): Promise<void> {
    const { entityRef } = definitions;
    const sloRows = definitions.slos.map((slo, position) => ({
      entity_ref: entityRef,
      slo_name: slo.name,
      position,
      definition: JSON.stringify(slo),
      source_file: slo.source.file,
      source_line: slo.source.line ?? null,
    }));
    const fingerprint = createHash('sha256')
      .update(JSON.stringify(sloRows))
      .digest('hex');
    await this.db.transaction(async tx => {
      const stored = await tx<EntityRow>('entity_definitions')
        .where({ entity_ref: entityRef })
        .first('slos_fingerprint');
      const unchanged =
        options.keepSlos || stored?.slos_fingerprint === fingerprint;
      await tx<EntityRow>('entity_definitions')
        .insert({
          entity_ref: entityRef,
          settings: JSON.stringify(definitions.settings),
          problems: JSON.stringify(definitions.problems),
          read_at: definitions.readAt,
          slos_fingerprint: options.keepSlos ? null : fingerprint,
          read_record:
            options.record && !options.keepSlos
              ? JSON.stringify(options.record)
              : null,
        })
        .onConflict('entity_ref')
        .merge(
          options.keepSlos
            ? ['settings', 'problems', 'read_at', 'read_record']
            : [
                'settings',
                'problems',
                'read_at',
                'slos_fingerprint',
                'read_record',
              ],
        );
      if (unchanged) return;
      await tx('slo_definitions').where({ entity_ref: entityRef }).delete();
      if (sloRows.length > 0) await tx('slo_definitions').insert(sloRows);
    });
  }

  /** The read records kept with these entities' definitions, by entity ref. */
  async readRecords(
    entityRefs: string[],
  ): Promise<Map<string, DefinitionReadRecord>> {
    const records = new Map<string, DefinitionReadRecord>();
    if (entityRefs.length === 0) return records;
    const rows = await this.db<EntityRow>('entity_definitions')
      .whereIn('entity_ref', entityRefs)
      .whereNotNull('read_record')
      .select('entity_ref', 'read_record');
    for (const row of rows) {
      try {
        records.set(row.entity_ref, JSON.parse(row.read_record!));
      } catch {
        // An unreadable record only means the entity's files are read again.
      }
    }
    return records;
  }

  /** Marks entities whose definitions were confirmed unchanged as read at `readAt`. */
  async markRead(entityRefs: string[], readAt: number): Promise<void> {
    for (let i = 0; i < entityRefs.length; i += 500) {
      await this.db<EntityRow>('entity_definitions')
        .whereIn('entity_ref', entityRefs.slice(i, i + 500))
        .update({ read_at: readAt });
    }
  }

  async get(entityRef: string): Promise<StoredDefinitions | undefined> {
    const row = await this.db<EntityRow>('entity_definitions')
      .where({ entity_ref: entityRef })
      .first();
    if (!row) return undefined;
    const slos = await this.db('slo_definitions')
      .where({ entity_ref: entityRef })
      .orderBy('position')
      .select('definition');
    return {
      entityRef,
      settings: JSON.parse(row.settings),
      problems: JSON.parse(row.problems),
      slos: slos.map(s => JSON.parse(s.definition)),
      readAt: Number(row.read_at),
    };
  }

  /** Every entity's settings (its annotations' reading), without its SLOs. */
  async allSettings(): Promise<Map<string, EntityReliabilitySettings>> {
    const rows = await this.db<EntityRow>('entity_definitions').select(
      'entity_ref',
      'settings',
    );
    return new Map(rows.map(row => [row.entity_ref, JSON.parse(row.settings)]));
  }

  /** Every entity's stored definitions, for the scorecard projector. */
  async all(): Promise<Map<string, StoredDefinitions>> {
    const byEntity = new Map<string, StoredDefinitions>();
    for (const row of await this.db<EntityRow>('entity_definitions')) {
      byEntity.set(row.entity_ref, {
        entityRef: row.entity_ref,
        settings: JSON.parse(row.settings),
        problems: JSON.parse(row.problems),
        slos: [],
        readAt: Number(row.read_at),
      });
    }
    const slos = await this.db('slo_definitions')
      .orderBy([{ column: 'entity_ref' }, { column: 'position' }])
      .select('entity_ref', 'definition');
    for (const row of slos) {
      byEntity.get(row.entity_ref)?.slos.push(JSON.parse(row.definition));
    }
    return byEntity;
  }

  /** Every stored SLO with its entity, for the evaluator. */
  async listSlos(): Promise<
    Array<{
      entityRef: string;
      settings: EntityReliabilitySettings;
      slo: SloDefinition;
    }>
  > {
    const rows = await this.db('slo_definitions')
      .join(
        'entity_definitions',
        'entity_definitions.entity_ref',
        'slo_definitions.entity_ref',
      )
      .orderBy([
        { column: 'slo_definitions.entity_ref' },
        { column: 'slo_definitions.position' },
      ])
      .select(
        'slo_definitions.entity_ref',
        'slo_definitions.definition',
        'entity_definitions.settings',
      );
    return rows.map(row => ({
      entityRef: row.entity_ref,
      settings: JSON.parse(row.settings),
      slo: JSON.parse(row.definition),
    }));
  }

  /**
   * Every stored SLO with its entity and when it was last attempted (the evaluation pipeline's
   * order): never attempted first, then the oldest attempt first.
   */
  async listSlosByLastAttempt(): Promise<
    Array<{
      entityRef: string;
      settings: EntityReliabilitySettings;
      slo: SloDefinition;
      attemptedAt?: number;
    }>
  > {
    const rows = await this.db('slo_definitions')
      .join(
        'entity_definitions',
        'entity_definitions.entity_ref',
        'slo_definitions.entity_ref',
      )
      .leftJoin('slo_status', join =>
        join
          .on('slo_status.entity_ref', 'slo_definitions.entity_ref')
          .andOn('slo_status.slo_name', 'slo_definitions.slo_name'),
      )
      .orderByRaw(
        'slo_status.attempted_at is not null, slo_status.attempted_at, slo_definitions.entity_ref, slo_definitions.position',
      )
      .select(
        'slo_definitions.entity_ref',
        'slo_definitions.definition',
        'entity_definitions.settings',
        'slo_status.attempted_at',
      );
    return rows.map(row => ({
      entityRef: row.entity_ref,
      settings: JSON.parse(row.settings),
      slo: JSON.parse(row.definition),
      attemptedAt:
        row.attempted_at === null ? undefined : Number(row.attempted_at),
    }));
  }

  /**
   * Removes entities that were not read since `readAt` (gone from the catalog), except `keep`:
   * entities still in the catalog whose reading failed this time.
   */
  async deleteNotReadSince(
    readAt: number,
    keep: string[] = [],
  ): Promise<number> {
    let removed = 0;
    await this.db.transaction(async tx => {
      const stale = () =>
        tx('entity_definitions')
          .where('read_at', '<', readAt)
          .whereNotIn('entity_ref', keep);
      await tx('slo_definitions')
        .whereIn('entity_ref', stale().select('entity_ref'))
        .delete();
      removed = await stale().delete();
    });
    return removed;
  }
}
