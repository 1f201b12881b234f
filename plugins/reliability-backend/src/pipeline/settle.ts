/** One look at the catalog. */
export interface CatalogObservation {
  /** Entities the catalog serves (of every kind). */
  entities: number;
  /** Configured locations whose Location entity the catalog does not serve yet (not read yet). */
  unreadLocations: string[];
}

/**
 * Decides from successive looks whether the catalog has finished its first processing. The
 * catalog has no "done" signal (it processes continuously, and an entity appears only once
 * processed), so it counts as loaded when every configured location has been read (its Location
 * entity is served) and the number of entities then stays the same for `quietMs`: what the
 * locations emitted has been processed too.
 */
export class SettleTracker {
  private count?: number;
  private since = 0;

  constructor(private readonly quietMs: number) {}

  /** Records a look at `at` (epoch ms); true when the catalog counts as loaded. */
  observe(at: number, observation: CatalogObservation | undefined): boolean {
    if (!observation || observation.unreadLocations.length > 0) {
      // The catalog could not be asked, or is still reading a location: start over.
      this.count = undefined;
      return false;
    }
    if (this.count !== observation.entities) {
      this.count = observation.entities;
      this.since = at;
    }
    return at - this.since >= this.quietMs;
  }
}
