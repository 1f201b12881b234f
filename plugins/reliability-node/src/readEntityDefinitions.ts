import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity, parseLocationRef } from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import {
  DefinitionProblem,
  EntityReliabilitySettings,
  RELIABILITY_ANNOTATIONS,
  SloDefinition,
  SourceFile,
  YamlDocument,
  parseInlineSlos,
  parseOpenSloFiles,
  parseYamlFile,
  readEntitySettings,
  yamlDocumentFromValue,
} from '@reliability-suite/plugin-reliability-common';

/** Everything read from an entity's own file and the SLO files it points to. */
export interface EntityDefinitions {
  settings: EntityReliabilitySettings;
  slos: SloDefinition[];
  problems: DefinitionProblem[];
  /**
   * True when a file could not be read at all (network, permissions): the SLOs are then
   * incomplete and a store should keep what it had.
   */
  unreadable: boolean;
}

/** What reading needs: the catalog's UrlReader and SCM integrations (for relative URLs). */
export interface DefinitionReadContext {
  urlReader: UrlReaderService;
  integrations: ScmIntegrationRegistry;
}

/** A text file behind a location: `file:/abs/path` or `url:https://…`. */
interface FileAccess {
  /** Name to show in errors, relative to the entity's folder. */
  display(target: string): string;
  readText(target: string): Promise<string>;
  /** Resolves a relative path or glob against the entity file and reads every match. */
  readMatching(pattern: string): Promise<{ target: string; text: string }[]>;
}

const GLOB_CHARS = /[*?[{]/;

function fileAccess(
  locationRef: string,
  context: DefinitionReadContext,
): FileAccess {
  const { type, target: entityFile } = parseLocationRef(locationRef);
  if (type === 'file') {
    const folder = path.dirname(entityFile);
    return {
      display: target => path.relative(folder, target),
      readText: target => fs.readFile(target, 'utf8'),
      readMatching: async pattern => {
        const targets: string[] = [];
        if (GLOB_CHARS.test(pattern)) {
          for await (const match of fs.glob(pattern, { cwd: folder }))
            targets.push(path.join(folder, match));
        } else {
          targets.push(path.join(folder, pattern));
        }
        targets.sort();
        return Promise.all(
          targets.map(async target => ({
            target,
            text: await fs.readFile(target, 'utf8'),
          })),
        );
      },
    };
  }
  if (type === 'url') {
    const folderUrl = context.integrations.resolveUrl({
      url: './',
      base: entityFile,
    });
    return {
      display: target =>
        target.startsWith(folderUrl) ? target.slice(folderUrl.length) : target,
      readText: async target =>
        (await (await context.urlReader.readUrl(target)).buffer()).toString(
          'utf8',
        ),
      readMatching: async pattern => {
        const url = context.integrations.resolveUrl({
          url: pattern,
          base: entityFile,
        });
        if (!GLOB_CHARS.test(pattern)) {
          const response = await context.urlReader.readUrl(url);
          return [
            { target: url, text: (await response.buffer()).toString('utf8') },
          ];
        }
        const { files } = await context.urlReader.search(url);
        const read = await Promise.all(
          files.map(async file => ({
            target: file.url,
            text: (await file.content()).toString('utf8'),
          })),
        );
        return read.sort((a, b) => a.target.localeCompare(b.target));
      },
    };
  }
  throw new Error(`unsupported location type "${type}"`);
}

/** Finds the document describing this entity in its (possibly multi-document) file. */
function findEntityDocument(
  documents: YamlDocument[],
  entity: Entity,
): YamlDocument | undefined {
  const namespace = entity.metadata.namespace ?? 'default';
  return documents.find(doc => {
    const value = doc.document.toJS() as Entity | undefined;
    return (
      value?.kind?.toLocaleLowerCase('en-US') ===
        entity.kind.toLocaleLowerCase('en-US') &&
      value?.metadata?.name === entity.metadata.name &&
      (value?.metadata?.namespace ?? 'default') === namespace
    );
  });
}

/**
 * Reads an entity's reliability definitions: annotations and inline SLOs from the entity's own
 * file (re-read so that errors carry line numbers), and the OpenSLO files it points to.
 * Nothing throws: every failure becomes a problem naming the file.
 */
export async function readEntityDefinitions(
  entity: Entity,
  locationRef: string,
  context: DefinitionReadContext,
): Promise<EntityDefinitions> {
  let access: FileAccess;
  try {
    access = fileAccess(locationRef, context);
  } catch (error) {
    return fromEntityOnly(entity, 'catalog-info.yaml', stringifyError(error));
  }
  const { target: entityFile } = parseLocationRef(locationRef);
  const entityFileName = access.display(entityFile);

  let entityDocument: YamlDocument | undefined;
  try {
    const { documents } = parseYamlFile(
      entityFileName,
      await access.readText(entityFile),
    );
    entityDocument = findEntityDocument(documents, entity);
  } catch {
    // The catalog read this file a moment ago; if it cannot be re-read we lose only line numbers.
  }
  const source =
    entityDocument ?? yamlDocumentFromValue(entityFileName, entity);
  const { settings, problems } = readEntitySettings(source);
  const inline = parseInlineSlos(source);
  problems.push(...inline.problems);

  let unreadable = false;
  const files: SourceFile[] = [];
  const annotationField = `metadata.annotations.${RELIABILITY_ANNOTATIONS.sloFiles}`;
  for (const pattern of settings.sloFilePatterns) {
    try {
      const matches = await access.readMatching(pattern);
      if (matches.length === 0) {
        problems.push({
          file: entityFileName,
          field: annotationField,
          message: `no file matches "${pattern}"`,
        });
      }
      files.push(
        ...matches.map(m => ({ path: access.display(m.target), text: m.text })),
      );
    } catch (error) {
      unreadable = true;
      problems.push({
        file: entityFileName,
        field: annotationField,
        message: `cannot read "${pattern}": ${stringifyError(error)}`,
      });
    }
  }
  const openSlo = parseOpenSloFiles(files);
  return {
    settings,
    slos: [...inline.slos, ...openSlo.slos],
    problems: [...problems, ...openSlo.problems],
    unreadable,
  };
}

function fromEntityOnly(
  entity: Entity,
  fileName: string,
  reason: string,
): EntityDefinitions {
  const source = yamlDocumentFromValue(fileName, entity);
  const { settings, problems } = readEntitySettings(source);
  const inline = parseInlineSlos(source);
  return {
    settings,
    slos: inline.slos,
    unreadable: settings.sloFilePatterns.length > 0,
    problems: [
      ...problems,
      ...inline.problems,
      ...(settings.sloFilePatterns.length
        ? [
            {
              file: fileName,
              field: `metadata.annotations.${RELIABILITY_ANNOTATIONS.sloFiles}`,
              message: `cannot read SLO files: ${reason}`,
            },
          ]
        : []),
    ],
  };
}
