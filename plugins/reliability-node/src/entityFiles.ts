import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseLocationRef } from '@backstage/catalog-model';
import { DefinitionReadContext } from './readContext';

/** Most files one pattern of an entity may match. */
export const MAX_FILES_PER_PATTERN = 50;
/** Largest file an entity may point to, in bytes. */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * A file could not be read. The message is safe to show the entity's owners: it names the
 * pattern and the reason, never a server path or the content of another file.
 */
export class EntityFileError extends Error {
  constructor(
    message: string,
    /** True when retrying later may succeed (network, permissions): stored SLOs are kept. */
    readonly transient: boolean,
  ) {
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
  readEntityFile(): Promise<string>;
  /** Reads every file matching a relative path or glob; throws EntityFileError. */
  readMatching(pattern: string): Promise<{ name: string; text: string }[]>;
}

const GLOB_CHARS = /[*?[{]/;

/** The files of the entity at a location (`file:/abs/path` or `url:https://…`). */
export function entityFiles(
  locationRef: string,
  context: DefinitionReadContext,
): EntityFiles {
  const { type, target } = parseLocationRef(locationRef);
  if (type === 'file') return localFiles(target);
  if (type === 'url') return remoteFiles(target, context);
  throw new EntityFileError(`unsupported location type "${type}"`, false);
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
    false,
  );
}

function tooMany(pattern: string): EntityFileError {
  return new EntityFileError(
    `"${pattern}" matches more than ${MAX_FILES_PER_PATTERN} files`,
    false,
  );
}

function tooLarge(pattern: string, name: string): EntityFileError {
  return new EntityFileError(
    `"${pattern}": ${name} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`,
    false,
  );
}

/** Words for a file system error, without the path Node puts in its message. */
function fsReason(pattern: string, error: unknown): EntityFileError {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EISDIR':
      return new EntityFileError(`"${pattern}" is a folder, not a file`, false);
    case 'EACCES':
    case 'EPERM':
      return new EntityFileError(
        `cannot read "${pattern}": permission denied`,
        true,
      );
    default:
      return new EntityFileError(
        `cannot read "${pattern}"${code ? ` (${code})` : ''}`,
        true,
      );
  }
}

function localFiles(entityFile: string): EntityFiles {
  const folder = path.dirname(entityFile);
  let realFolder: Promise<string> | undefined;
  const readInside = async (pattern: string, relative: string) => {
    const lexical = path.resolve(folder, relative);
    if (!isInside(folder, lexical)) throw outside(pattern);
    let real: string;
    let size: number;
    try {
      try {
        real = await fs.realpath(lexical);
      } catch (error) {
        if ((error as NodeJS.ErrnoException)?.code === 'ENOENT')
          return undefined;
        throw error;
      }
      realFolder ??= fs.realpath(folder);
      if (!isInside(await realFolder, real)) throw outside(pattern);
      const stat = await fs.stat(real);
      if (stat.isDirectory()) return 'folder' as const;
      size = stat.size;
    } catch (error) {
      if (error instanceof EntityFileError) throw error;
      throw fsReason(pattern, error);
    }
    const name = path.relative(folder, lexical);
    if (size > MAX_FILE_BYTES) throw tooLarge(pattern, name);
    try {
      return { name, text: await fs.readFile(real, 'utf8') };
    } catch (error) {
      throw fsReason(pattern, error);
    }
  };
  return {
    entityFileName: path.basename(entityFile),
    readEntityFile: async () => {
      const stat = await fs.stat(entityFile);
      if (stat.size > MAX_FILE_BYTES)
        throw tooLarge(path.basename(entityFile), path.basename(entityFile));
      return fs.readFile(entityFile, 'utf8');
    },
    readMatching: async pattern => {
      if (!GLOB_CHARS.test(pattern)) {
        const file = await readInside(pattern, pattern);
        if (file === 'folder') throw fsReason(pattern, { code: 'EISDIR' });
        return file ? [file] : [];
      }
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
  };
}

function remoteFiles(
  entityFile: string,
  context: DefinitionReadContext,
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
    if (decodeURIComponent(name).split('/').includes('..'))
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
      true,
    );
  };
  const bounded = (pattern: string, name: string, buffer: Buffer) => {
    if (buffer.length > MAX_FILE_BYTES) throw tooLarge(pattern, name);
    return buffer.toString('utf8');
  };
  return {
    entityFileName: nameOf('catalog-info.yaml', entityFile),
    readEntityFile: async () =>
      bounded(
        'catalog-info.yaml',
        'catalog-info.yaml',
        await (await context.urlReader.readUrl(entityFile)).buffer(),
      ),
    readMatching: async pattern => {
      try {
        const url = context.integrations.resolveUrl({
          url: pattern,
          base: entityFile,
        });
        const name = nameOf(pattern, url);
        if (!GLOB_CHARS.test(pattern)) {
          let response;
          try {
            response = await context.urlReader.readUrl(url);
          } catch (error) {
            if ((error as Error)?.name === 'NotFoundError') return [];
            throw error;
          }
          return [
            { name, text: bounded(pattern, name, await response.buffer()) },
          ];
        }
        const { files } = await context.urlReader.search(url);
        if (files.length > MAX_FILES_PER_PATTERN) throw tooMany(pattern);
        const named = files
          .map(file => ({ file, name: nameOf(pattern, file.url) }))
          .sort((a, b) => a.name.localeCompare(b.name));
        const read = [];
        for (const { file, name: fileName } of named) {
          read.push({
            name: fileName,
            text: bounded(pattern, fileName, await file.content()),
          });
        }
        return read;
      } catch (error) {
        throw remoteReason(pattern, error);
      }
    },
  };
}
