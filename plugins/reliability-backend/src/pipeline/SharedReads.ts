import { SloStatus } from '@reliability-suite/plugin-reliability-common';
import { DefinitionsStore, StoredDefinitions } from '../store/DefinitionsStore';
import { StatusStore } from '../store/StatusStore';

/**
 * The organisation-wide reads that several stages of one cycle make after evaluation (the
 * scorecard projection and the SLO notifications both read every stored definition and every
 * SLO's status): read once and shared until `clear()`. The pipeline clears them before the
 * projection, so they hold this cycle's evaluations, and after the notifications, so that
 * nothing is held between cycles. A failed read is not kept.
 */
export class SharedReads {
  private definitionsRead?: Promise<Map<string, StoredDefinitions>>;
  private statusesRead?: Promise<Map<string, SloStatus[]>>;

  constructor(
    private readonly stores: {
      definitions: Pick<DefinitionsStore, 'all'>;
      statuses: Pick<StatusStore, 'allWithoutHistory'>;
    },
  ) {}

  /** Every entity's stored definitions, as `DefinitionsStore.all`. */
  readonly definitions: Pick<DefinitionsStore, 'all'> = {
    all: () => {
      this.definitionsRead ??= this.stores.definitions.all().catch(error => {
        this.definitionsRead = undefined;
        throw error;
      });
      return this.definitionsRead;
    },
  };

  /** Every SLO's stored status without its history, as `StatusStore.allWithoutHistory`. */
  readonly statuses: Pick<StatusStore, 'allWithoutHistory'> = {
    allWithoutHistory: () => {
      this.statusesRead ??= this.stores.statuses
        .allWithoutHistory()
        .catch(error => {
          this.statusesRead = undefined;
          throw error;
        });
      return this.statusesRead;
    },
  };

  clear(): void {
    this.definitionsRead = undefined;
    this.statusesRead = undefined;
  }
}
