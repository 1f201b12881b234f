import { Knex } from 'knex';

/** A stage of the reliability pipeline. */
export type PipelineStage = 'sync' | 'evaluate' | 'project';

/** The last completed run of a stage, as every replica sees it. */
export interface StageRun {
  stage: PipelineStage;
  /** Epoch ms. */
  startedAt: number;
  /** Epoch ms. */
  completedAt: number;
  /** Whether the catalog had finished its first processing when the run started. */
  catalogLoaded: boolean;
  /** The run's counts, e.g. `{ read: 40, failed: 0, removed: 1 }`. */
  summary: Record<string, number>;
}

interface StageRow {
  stage: string;
  started_at: number | string;
  completed_at: number | string;
  catalog_loaded: boolean | number;
  summary: string;
}

/** The only code that reads and writes `pipeline_stages`. */
export class PipelineStore {
  constructor(private readonly db: Knex) {}

  /** Records a completed run of a stage, replacing the previous one. */
  async completed(run: StageRun): Promise<void> {
    await this.db<StageRow>('pipeline_stages')
      .insert({
        stage: run.stage,
        started_at: run.startedAt,
        completed_at: run.completedAt,
        catalog_loaded: run.catalogLoaded,
        summary: JSON.stringify(run.summary),
      })
      .onConflict('stage')
      .merge();
  }

  /** The last completed run of a stage, if any. */
  async lastRun(stage: PipelineStage): Promise<StageRun | undefined> {
    const row = await this.db<StageRow>('pipeline_stages')
      .where({ stage })
      .first();
    if (!row) return undefined;
    return {
      stage,
      startedAt: Number(row.started_at),
      completedAt: Number(row.completed_at),
      catalogLoaded: Boolean(row.catalog_loaded),
      summary: JSON.parse(row.summary),
    };
  }
}
