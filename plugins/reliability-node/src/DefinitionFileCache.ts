/** A file's content at one version (an ETag, or size and modification time for local files). */
export interface CachedFile {
  version: string;
  text: string;
}

/** What a fetch learned: the file at a new version, or that the known version is current. */
export type FetchResult = CachedFile | 'unchanged';

interface Entry extends CachedFile {
  /** When the version was last confirmed against its source, epoch ms. */
  checkedAt: number;
  /** Values derived from this version (the parsed entity file), by name. */
  derived: Map<string, unknown>;
}

/** How the cache has been used, for tests and the log. */
export interface DefinitionFileCacheStats {
  /** Contents fetched (first read, or changed). */
  fetched: number;
  /** Revalidations that found the file unchanged (ETag / NotModified, same size and time). */
  unchanged: number;
  /** Reads answered without asking the source, within the freshness time. */
  fresh: number;
  /** Derived values computed (e.g. entity files parsed). */
  derived: number;
  /** Entities whose definitions were parsed (not answered from an earlier, identical read). */
  parsed: number;
}

export interface DefinitionFileCacheOptions {
  /**
   * A version confirmed this recently is used without asking the source again: a file holding
   * 1,000 entities is then revalidated once per this time, not once per entity. Default 60 s.
   */
  freshForMs?: number;
  /** Most files kept; the least recently used go first. Default 50,000. */
  maxFiles?: number;
  now?: () => number;
}

/**
 * The definition files read by the catalog module and the definitions sync, shared by both
 * (one instance per backend process, see `definitionFileCacheServiceRef`). Each file's content is
 * kept with its version; an unchanged file is not fetched again (the reader revalidates with an
 * ETag or file stat), and values derived from a version (a parsed catalog file) are computed once.
 */
export class DefinitionFileCache {
  private readonly entries = new Map<string, Entry>();
  /** Fetches under way, so that entities processed at once wait for one fetch of their file. */
  private readonly pending = new Map<string, Promise<CachedFile>>();
  private readonly freshForMs: number;
  private readonly maxFiles: number;
  private readonly now: () => number;
  readonly stats: DefinitionFileCacheStats = {
    fetched: 0,
    unchanged: 0,
    fresh: 0,
    derived: 0,
    parsed: 0,
  };
  /** Each entity's last result with the fingerprint of everything it was computed from. */
  private readonly results = new Map<
    string,
    { fingerprint: string; result: unknown }
  >();
  /** Versions confirmed without their content (read records kept by an earlier process). */
  private readonly confirmed = new Map<
    string,
    { version: string; checkedAt: number }
  >();
  /** Confirmations under way, so that entities of one file wait for one conditional request. */
  private readonly confirming = new Map<string, Promise<boolean>>();

  constructor(options: DefinitionFileCacheOptions = {}) {
    this.freshForMs = options.freshForMs ?? 60_000;
    this.maxFiles = options.maxFiles ?? 50_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * The current content of a file. Within the freshness time the cached one; otherwise `fetch`
   * is called with the known version (to send as ETag) and may answer 'unchanged'.
   */
  async read(
    key: string,
    fetch: (known?: CachedFile) => Promise<FetchResult>,
  ): Promise<CachedFile> {
    const pending = this.pending.get(key);
    if (pending) {
      this.stats.fresh += 1;
      return pending;
    }
    const reading = this.revalidate(key, fetch);
    this.pending.set(key, reading);
    try {
      return await reading;
    } finally {
      this.pending.delete(key);
    }
  }

  private async revalidate(
    key: string,
    fetch: (known?: CachedFile) => Promise<FetchResult>,
  ): Promise<CachedFile> {
    const entry = this.entries.get(key);
    const now = this.now();
    if (entry && now - entry.checkedAt < this.freshForMs) {
      this.stats.fresh += 1;
      this.touch(key, entry);
      return entry;
    }
    const result = await fetch(entry);
    if (result === 'unchanged' && entry) {
      this.stats.unchanged += 1;
      entry.checkedAt = now;
      this.touch(key, entry);
      return entry;
    }
    if (result === 'unchanged')
      throw new Error(`"${key}" was reported unchanged but is not cached`);
    this.stats.fetched += 1;
    const fresh: Entry = { ...result, checkedAt: now, derived: new Map() };
    this.touch(key, fresh);
    return fresh;
  }

  /**
   * Whether a file is still at `version`, a version known from a read record that an earlier
   * process kept (so its content is not in this cache). Within the freshness time the answer
   * comes from what is cached; otherwise `check` asks the source with a conditional request
   * (ETag): `true` unchanged, `false` changed or unknown, or the new content, which is kept so
   * that reading it next does not fetch it again.
   */
  async confirm(
    key: string,
    version: string,
    check: () => Promise<boolean | CachedFile>,
  ): Promise<boolean> {
    const now = this.now();
    const entry = this.entries.get(key);
    if (entry && now - entry.checkedAt < this.freshForMs) {
      this.stats.fresh += 1;
      return entry.version === version;
    }
    const known = this.confirmed.get(key);
    if (known && now - known.checkedAt < this.freshForMs) {
      this.stats.fresh += 1;
      return known.version === version;
    }
    const pendingKey = `${version}\n${key}`;
    const pending = this.confirming.get(pendingKey);
    if (pending) {
      this.stats.fresh += 1;
      return pending;
    }
    const confirming = check().then(result => {
      if (result === true) {
        this.stats.unchanged += 1;
        this.confirmed.delete(key);
        this.confirmed.set(key, { version, checkedAt: now });
        while (this.confirmed.size > this.maxFiles)
          this.confirmed.delete(this.confirmed.keys().next().value as string);
        return true;
      }
      if (result === false) return false;
      this.stats.fetched += 1;
      this.touch(key, { ...result, checkedAt: now, derived: new Map() });
      return result.version === version;
    });
    this.confirming.set(pendingKey, confirming);
    try {
      return await confirming;
    } finally {
      this.confirming.delete(pendingKey);
    }
  }

  /** A value computed once per file version (e.g. the parsed documents of a catalog file). */
  derive<T>(key: string, file: CachedFile, name: string, compute: () => T): T {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== file.version) {
      this.stats.derived += 1;
      return compute();
    }
    if (!entry.derived.has(name)) {
      this.stats.derived += 1;
      entry.derived.set(name, compute());
    }
    return entry.derived.get(name) as T;
  }

  /**
   * An entity's definitions, parsed again only when something they are made of changed (the
   * entity, its location, the versions of its files): the catalog module and the sync then share
   * one result per change.
   */
  result<T>(entity: string, fingerprint: string, compute: () => T): T {
    const known = this.results.get(entity);
    if (known?.fingerprint === fingerprint) {
      this.results.delete(entity);
      this.results.set(entity, known);
      return known.result as T;
    }
    this.stats.parsed += 1;
    const result = compute();
    this.results.delete(entity);
    this.results.set(entity, { fingerprint, result });
    while (this.results.size > this.maxFiles)
      this.results.delete(this.results.keys().next().value as string);
    return result;
  }

  private touch(key: string, entry: Entry) {
    this.confirmed.delete(key);
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxFiles) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }
}
