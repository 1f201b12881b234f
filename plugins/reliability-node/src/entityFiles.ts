import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import { parseLocationRef } from '@backstage/catalog-model';
import { CachedFile, DefinitionFileCache } from './DefinitionFileCache';
import { DefinitionReadContext } from './readContext';

/** Most files one pattern of an entity may match. */
export const MAX_FILES_PER_PATTERN = 50;
/** Largest file an entity may point to, in bytes. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Thrown inside a cached search that matched too many files; reported as `tooMany(pattern)`. */
const tooManyFiles = new Error('too many files');

/**
 * A file could not be read. The message is safe to show the entity's owners: it names the
 * pattern and the reason, never a server path or the content of another file.
 */
export class EntityFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EntityFileError';
  }
}

/**
 * The files of one entity: its own file and the files its annotations point to, all inside the
 * folder of its own file (after globbing and symbolic links, for file and URL locations alike).
 */
export interface EntityFiles {
  /** The entity's own file, as named in problems. */
  entityFileName: string;
  /** The entity's own file, and its key in the cache (to derive the parsed file once). */
  readEntityFile(): Promise<{ key: string; file: CachedFile }>;
  /** Reads every file matching a relative path or glob; throws EntityFileError. */
  readMatching(pattern: string): Promise<MatchedFile[]>;
  /**
   * What was read so far, as cache keys and versions, when every read can be confirmed later by
   * a conditional request without its content (SCM locations with ETags); otherwise undefined.
   */
  reads(): FileRead[] | undefined;
}

/** One read of a definition: a cache key (`url:` or `search:` and the URL) and the version read. */
export type FileRead = [key: string, version: string];

/** The version recorded for a file that was not found (a non-glob pattern matching nothing). */
const ABSENT = '<absent>';

/** A file a pattern matched: its name in problems, its content and the version read. */
export interface MatchedFile {
  name: string;
  text: string;
  version: string;
}

const GLOB_CHARS = /[*?[{]/;

/** The files of the entity at a location (`file:/abs/path` or `url:https://…`). */
export function entityFiles(
  locationRef: string,
  context: DefinitionReadContext,
): EntityFiles {
  const { type, target } = parseLocationRef(locationRef);
  const cache = context.cache ?? new DefinitionFileCache();
  if (type === 'file') return localFiles(target, cache);
  if (type === 'url') return remoteFiles(target, context, cache);
  throw new EntityFileError(`unsupported location type "${type}"`);
}

function isInside(folder: string, target: string): boolean {
  const relative = path.relative(folder, target);
  return (
    relative !== '' &&
    !relative.startsWith(`..${path.sep}`) &&
    relative !== '..' &&
    !path.isAbsolute(relative)
  );
}

function outside(pattern: string): EntityFileError {
  return new EntityFileError(
    `"${pattern}" leads outside the folder of the entity's file`,
  );
}

function tooMany(pattern: string): EntityFileError {
  return new EntityFileError(
    `"${pattern}" matches more than ${MAX_FILES_PER_PATTERN} files`,
  );
}

function tooLarge(pattern: string, name: string): EntityFileError {
  return new EntityFileError(
    `"${pattern}": ${name} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`,
  );
}

/** Words for a file system error, without the path Node puts in its message. */
function fsReason(pattern: string, error: unknown): EntityFileError {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EISDIR':
      return new EntityFileError(`"${pattern}" is a folder, not a file`);
    case 'EACCES':
    case 'EPERM':
      return new EntityFileError(`cannot read "${pattern}": permission denied`);
    default:
      return new EntityFileError(
        `cannot read "${pattern}"${code ? ` (${code})` : ''}`,
      );
  }
}

/**
 * Whether a glob could step out of the folder: a segment that matches `.` or `..` (such as
 * `[.][.]`, `{..,x}` or `@(..)`), or a backslash (an escape or another separator). Such a pattern
 * is refused before any folder is walked, so it can neither read nor probe outside.
 */
function globLeavesFolder(pattern: string): boolean {
  return (
    pattern.includes('\\') ||
    pattern
      .split('/')
      .some(
        segment =>
          path.matchesGlob('..', segment) || path.matchesGlob('.', segment),
      )
  );
}

/** Thrown inside a fetch when the path is a folder, to answer 'folder' outside the cache. */
class IsFolder extends Error {}

/**
 * Reads a file through one handle, without following a last link, at most the size limit. Its
 * version is its identity, size and modification time: an unchanged file is not read again.
 */
async function readBounded(
  cache: DefinitionFileCache,
  pattern: string,
  name: string,
  real: string,
): Promise<CachedFile | 'folder'> {
  try {
    return await cache.read(`file:${real}`, async known => {
      const handle = await fs.open(
        real,
        fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW,
      );
      try {
        const stat = await handle.stat();
        if (stat.isDirectory()) throw new IsFolder();
        if (stat.size > MAX_FILE_BYTES) throw tooLarge(pattern, name);
        const version = `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}`;
        if (known?.version === version) return 'unchanged';
        const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        if (bytesRead > MAX_FILE_BYTES) throw tooLarge(pattern, name);
        return {
          version,
          text: buffer.subarray(0, bytesRead).toString('utf8'),
        };
      } finally {
        await handle.close();
      }
    });
  } catch (error) {
    if (error instanceof IsFolder) return 'folder';
    throw error;
  }
}

function localFiles(
  entityFile: string,
  cache: DefinitionFileCache,
): EntityFiles {
  const folder = path.dirname(entityFile);
  let realFolderOnce: Promise<string> | undefined;
  /** The folder's real path, looked up once; a failure is the caller's, when awaited. */
  const realFolder = () => {
    if (!realFolderOnce) {
      realFolderOnce = fs.realpath(folder);
      realFolderOnce.catch(() => undefined);
    }
    return realFolderOnce;
  };
  const inRealFolder = async (real: string) =>
    isInside(await realFolder(), real);
  /**
   * A path that does not resolve: not found when it lies inside, else outside, so that an answer
   * never tells whether something outside exists (a dangling link may point anywhere).
   */
  const missing = async (pattern: string, lexical: string) => {
    const link = await fs.lstat(lexical).catch(() => undefined);
    if (link?.isSymbolicLink()) throw outside(pattern);
    let ancestor = path.dirname(lexical);
    for (;;) {
      const real = await fs.realpath(ancestor).catch(() => undefined);
      if (real !== undefined) {
        if (real !== (await realFolder()) && !(await inRealFolder(real)))
          throw outside(pattern);
        return undefined;
      }
      ancestor = path.dirname(ancestor);
    }
  };
  const readInside = async (pattern: string, relative: string) => {
    const lexical = path.resolve(folder, relative);
    if (lexical === folder) throw fsReason(pattern, { code: 'EISDIR' });
    if (!isInside(folder, lexical)) throw outside(pattern);
    const name = path.relative(folder, lexical);
    try {
      let real: string;
      try {
        real = await fs.realpath(lexical);
      } catch (error) {
        if ((error as NodeJS.ErrnoException)?.code !== 'ENOENT') throw error;
        return await missing(pattern, lexical);
      }
      if (!(await inRealFolder(real))) throw outside(pattern);
      const file = await readBounded(cache, pattern, name, real);
      return file === 'folder'
        ? file
        : { name, text: file.text, version: file.version };
    } catch (error) {
      if (error instanceof EntityFileError) throw error;
      throw fsReason(pattern, error);
    }
  };
  return {
    entityFileName: path.basename(entityFile),
    readEntityFile: async () => {
      const file = await readBounded(
        cache,
        path.basename(entityFile),
        path.basename(entityFile),
        entityFile,
      );
      if (file === 'folder') throw fsReason('.', { code: 'EISDIR' });
      return { key: `file:${entityFile}`, file };
    },
    readMatching: async pattern => {
      if (!GLOB_CHARS.test(pattern)) {
        const file = await readInside(pattern, pattern);
        if (file === 'folder') throw fsReason(pattern, { code: 'EISDIR' });
        return file ? [file] : [];
      }
      if (globLeavesFolder(pattern)) throw outside(pattern);
      const matches: string[] = [];
      try {
        for await (const match of fs.glob(pattern, { cwd: folder })) {
          if (!isInside(folder, path.resolve(folder, match)))
            throw outside(pattern);
          matches.push(match);
          if (matches.length > MAX_FILES_PER_PATTERN) throw tooMany(pattern);
        }
      } catch (error) {
        if (error instanceof EntityFileError) throw error;
        throw fsReason(pattern, error);
      }
      matches.sort();
      const files = [];
      for (const match of matches) {
        const file = await readInside(pattern, match);
        if (file && file !== 'folder') files.push(file);
      }
      return files;
    },
    // Local files are read again after a restart: it costs no SCM request, and what a glob
    // matches can only be known by listing the folder again.
    reads: () => undefined,
  };
}

/** A URL's content through the cache: sent with its ETag, a NotModifiedError keeps the copy. */
async function readRemote(
  cache: DefinitionFileCache,
  context: DefinitionReadContext,
  url: string,
  bounded: (buffer: Buffer) => string,
): Promise<CachedFile> {
  return cache.read(`url:${url}`, async known => {
    try {
      const response = await context.urlReader.readUrl(url, {
        etag: known?.version || undefined,
      });
      const text = bounded(await response.buffer());
      return { version: response.etag ?? '', text };
    } catch (error) {
      if (known && (error as Error)?.name === 'NotModifiedError')
        return 'unchanged';
      throw error;
    }
  });
}

/** A glob's matches and their contents through the cache, revalidated with the search's ETag. */
async function searchRemote(
  cache: DefinitionFileCache,
  context: DefinitionReadContext,
  url: string,
  bounded: (name: string, buffer: Buffer) => string,
  nameOf: (url: string) => string,
): Promise<{ files: MatchedFile[]; version: string }> {
  const { text, version } = await cache.read(`search:${url}`, async known => {
    try {
      const { files, etag } = await context.urlReader.search(url, {
        etag: known?.version || undefined,
      });
      if (files.length > MAX_FILES_PER_PATTERN) throw tooManyFiles;
      const named = files
        .map(file => ({ file, name: nameOf(file.url) }))
        .sort((a, b) => a.name.localeCompare(b.name));
      const read = [];
      for (const { file, name } of named)
        read.push({ name, text: bounded(name, await file.content()) });
      return { version: etag, text: JSON.stringify(read) };
    } catch (error) {
      if (known && (error as Error)?.name === 'NotModifiedError')
        return 'unchanged';
      throw error;
    }
  });
  const files = (JSON.parse(text) as Array<{ name: string; text: string }>).map(
    file => ({ ...file, version }),
  );
  return { files, version };
}

/**
 * Whether every read of an earlier process is still current, asked with conditional requests
 * (ETags) through the cache: an unchanged organisation is confirmed without fetching any content.
 * A changed file's new content is kept in the cache for the read that follows.
 */
export async function readsAreCurrent(
  reads: FileRead[],
  context: DefinitionReadContext & { cache: DefinitionFileCache },
): Promise<boolean> {
  const { cache, urlReader } = context;
  for (const [key, version] of reads) {
    const colon = key.indexOf(':');
    const kind = key.slice(0, colon);
    const url = key.slice(colon + 1);
    let current: boolean;
    if (kind === 'url') {
      current = await cache.confirm(key, version, async () => {
        try {
          const response = await urlReader.readUrl(url, {
            etag: version === ABSENT ? undefined : version,
          });
          if (version === ABSENT) return false;
          const buffer = await response.buffer();
          if (buffer.length > MAX_FILE_BYTES || !response.etag) return false;
          return { version: response.etag, text: buffer.toString('utf8') };
        } catch (error) {
          const name = (error as Error)?.name;
          if (name === 'NotModifiedError') return true;
          return name === 'NotFoundError' && version === ABSENT;
        }
      });
    } else if (kind === 'search') {
      current = await cache.confirm(key, version, async () => {
        try {
          await urlReader.search(url, { etag: version });
          return false;
        } catch (error) {
          return (error as Error)?.name === 'NotModifiedError';
        }
      });
    } else {
      current = false;
    }
    if (!current) return false;
  }
  return true;
}

function remoteFiles(
  entityFile: string,
  context: DefinitionReadContext,
  cache: DefinitionFileCache,
): EntityFiles {
  const folderUrl = context.integrations.resolveUrl({
    url: './',
    base: entityFile,
  });
  const nameOf = (pattern: string, url: string) => {
    if (!url.startsWith(folderUrl) || url.length === folderUrl.length)
      throw outside(pattern);
    const name = url.slice(folderUrl.length);
    // Percent-encoded dots are dot segments to a browser and to most SCM APIs.
    let decoded: string;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      throw outside(pattern);
    }
    if (decoded.split('/').some(segment => segment === '..' || segment === '.'))
      throw outside(pattern);
    return name;
  };
  const remoteReason = (pattern: string, error: unknown) => {
    if (error instanceof EntityFileError) return error;
    const name = (error as Error)?.name;
    return new EntityFileError(
      `cannot read "${pattern}"${
        name && name !== 'Error' ? ` (${name})` : ''
      }: the repository could not be reached`,
    );
  };
  const bounded = (pattern: string, name: string, buffer: Buffer) => {
    if (buffer.length > MAX_FILE_BYTES) throw tooLarge(pattern, name);
    return buffer.toString('utf8');
  };
  const reads: FileRead[] = [];
  return {
    entityFileName: nameOf('catalog-info.yaml', entityFile),
    readEntityFile: async () => {
      const file = await readRemote(cache, context, entityFile, buffer =>
        bounded('catalog-info.yaml', 'catalog-info.yaml', buffer),
      );
      reads.push([`url:${entityFile}`, file.version]);
      return { key: `url:${entityFile}`, file };
    },
    // A reader without ETags gives nothing to confirm a version with.
    reads: () => (reads.every(([, version]) => version) ? reads : undefined),
    readMatching: async pattern => {
      try {
        const url = context.integrations.resolveUrl({
          url: pattern,
          base: entityFile,
        });
        const name = nameOf(pattern, url);
        if (!GLOB_CHARS.test(pattern)) {
          try {
            const { text, version } = await readRemote(
              cache,
              context,
              url,
              buffer => bounded(pattern, name, buffer),
            );
            reads.push([`url:${url}`, version]);
            return [{ name, text, version }];
          } catch (error) {
            if ((error as Error)?.name === 'NotFoundError') {
              reads.push([`url:${url}`, ABSENT]);
              return [];
            }
            throw error;
          }
        }
        if (globLeavesFolder(pattern)) throw outside(pattern);
        const matched = await searchRemote(
          cache,
          context,
          url,
          (fileName, buffer) => bounded(pattern, fileName, buffer),
          fileUrl => nameOf(pattern, fileUrl),
        );
        reads.push([`search:${url}`, matched.version]);
        return matched.files;
      } catch (error) {
        if (error === tooManyFiles) throw tooMany(pattern);
        throw remoteReason(pattern, error);
      }
    },
  };
}
