import { createHash } from 'node:crypto';
import { Entity } from '@backstage/catalog-model';
import {
  DefinitionProblem,
  EntityReliabilitySettings,
  RELIABILITY_ANNOTATIONS,
  RELIABILITY_ANNOTATION_PREFIX,
  SloDefinition,
  SourceFile,
  YamlDocument,
  parseInlineSlos,
  parseOpenSloFiles,
  lineOf,
  parseYamlFile,
  readEntitySettings,
  yamlDocumentFromValue,
} from '@reliability-suite/plugin-reliability-common';
import { DefinitionFileCache } from './DefinitionFileCache';
import {
  EntityFileError,
  EntityFiles,
  FileRead,
  entityFiles,
  readsAreCurrent,
} from './entityFiles';
import { DefinitionReadContext } from './readContext';

export type { DefinitionReadContext } from './readContext';

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
  /**
   * What these definitions were read from, to keep beside them (the catalog processor's cache,
   * the plugin's store): a later process confirms it with `definitionsUnchanged` by conditional
   * requests instead of fetching and parsing the files again. Absent when that is not possible
   * (local files, a reader without ETags, a file that could not be read).
   */
  record?: DefinitionReadRecord;
}

/** The inputs of an entity's definitions and the versions of the files they were read from. */
export interface DefinitionReadRecord {
  /** A hash of the entity's reliability annotations and spec, its location and the checks. */
  inputs: string;
  reads: FileRead[];
}

/**
 * Raised whenever a release reads the same files into different definitions, so that records
 * kept by an earlier release are not trusted.
 */
const RECORD_FORMAT = 1;

/** Where problems of the SLO files point to in the entity's own file: its annotation. */
const annotationPath = [
  'metadata',
  'annotations',
  RELIABILITY_ANNOTATIONS.sloFiles,
];

/** The hash of what an entity's definitions are read from, apart from file contents. */
function recordInputs(
  entity: Entity,
  locationRef: string,
  context: DefinitionReadContext,
): string {
  return createHash('sha1')
    .update(
      JSON.stringify([
        RECORD_FORMAT,
        definitionInputs(entity),
        locationRef,
        context.checks ?? null,
      ]),
    )
    .digest('base64');
}

/**
 * Whether definitions read into `record` (by this or an earlier process) are still what the
 * entity's files hold: the entity's inputs are the same and every file is at the version read,
 * confirmed by conditional requests (ETags) without fetching content.
 */
export async function definitionsUnchanged(
  entity: Entity,
  locationRef: string,
  record: DefinitionReadRecord,
  context: DefinitionReadContext,
): Promise<boolean> {
  if (
    !Array.isArray(record?.reads) ||
    record.inputs !== recordInputs(entity, locationRef, context)
  )
    return false;
  const cache = context.cache ?? new DefinitionFileCache();
  return readsAreCurrent(record.reads, { ...context, cache });
}

/** The key of an entity in its file: kind, namespace and name as the catalog compares them. */
function entityKey(kind: unknown, namespace: unknown, name: unknown): string {
  return `${String(kind).toLocaleLowerCase('en-US')}:${String(
    namespace ?? 'default',
  )}/${String(name)}`;
}

/** The documents of a (multi-document) catalog file by entity, to find each in one step. */
function indexEntities(documents: YamlDocument[]): Map<string, YamlDocument> {
  const byEntity = new Map<string, YamlDocument>();
  for (const doc of documents) {
    const value = doc.value as Partial<Entity> | undefined;
    if (!value?.kind || !value.metadata?.name) continue;
    const key = entityKey(
      value.kind,
      value.metadata.namespace,
      value.metadata.name,
    );
    if (!byEntity.has(key)) byEntity.set(key, doc);
  }
  return byEntity;
}

/**
 * Reads an entity's reliability definitions: annotations and inline SLOs from the entity's own
 * file (re-read so that errors carry line numbers), and the OpenSLO files it points to, all from
 * inside the folder of the entity's file. Nothing throws: every failure becomes a problem naming
 * the file or pattern (never a server path or another file's content).
 */
export async function readEntityDefinitions(
  entity: Entity,
  locationRef: string,
  context: DefinitionReadContext,
): Promise<EntityDefinitions> {
  // One cache for this read at least; shared across reads when the caller passes one.
  const cache = context.cache ?? new DefinitionFileCache();
  let files: EntityFiles;
  try {
    files = entityFiles(locationRef, { ...context, cache });
  } catch (error) {
    return fromEntityOnly(
      entity,
      'catalog-info.yaml',
      fileReason(error),
      context,
    );
  }
  const { entityFileName } = files;

  let entityDocument: YamlDocument | undefined;
  let entityVersion = '';
  let entityFileRead = false;
  try {
    // A file holding 1,000 entities is parsed once per version, not once per entity.
    const { key, file } = await files.readEntityFile();
    entityVersion = file.version;
    const byEntity = cache.derive(key, file, 'entities', () =>
      indexEntities(parseYamlFile(entityFileName, file.text).documents),
    );
    entityDocument = byEntity.get(
      entityKey(entity.kind, entity.metadata.namespace, entity.metadata.name),
    );
    entityFileRead = true;
  } catch {
    // The catalog read this file a moment ago; if it cannot be re-read we lose only line numbers.
  }
  const source =
    entityDocument ?? yamlDocumentFromValue(entityFileName, entity);
  const { settings, problems } = readEntitySettings(
    source,
    context.checks?.tierLevels,
  );

  let unreadable = false;
  const sourceFiles: Array<SourceFile & { version: string }> = [];
  const annotationField = `metadata.annotations.${RELIABILITY_ANNOTATIONS.sloFiles}`;
  for (const pattern of settings.sloFilePatterns) {
    try {
      const matches = await files.readMatching(pattern);
      if (matches.length === 0) {
        problems.push({
          file: entityFileName,
          line: lineOf(source, annotationPath),
          field: annotationField,
          message: `no file matches "${pattern}"`,
          sloDefinition: true,
        });
      }
      sourceFiles.push(
        ...matches.map(m => ({
          path: m.name,
          text: m.text,
          version: m.version,
        })),
      );
    } catch (error) {
      unreadable = true;
      problems.push({
        file: entityFileName,
        line: lineOf(source, annotationPath),
        field: annotationField,
        message: fileReason(error),
        unreadable: true,
      });
    }
  }

  // Parsing is done again only when something it depends on changed: the catalog module and
  // the sync share the result, and an unchanged organisation is not parsed again.
  const fingerprint = createHash('sha1')
    .update(
      JSON.stringify([
        definitionInputs(entity),
        locationRef,
        context.checks ?? null,
        entityVersion,
        Boolean(entityDocument),
        problems,
        sourceFiles.map(f => [f.path, f.version]),
      ]),
    )
    .digest('base64');
  const definitions = cache.result(
    `${locationRef}#${entityKey(
      entity.kind,
      entity.metadata.namespace,
      entity.metadata.name,
    )}`,
    fingerprint,
    (): EntityDefinitions => {
      const inline = parseInlineSlos(source, context.checks);
      const openSlo = parseOpenSloFiles(sourceFiles, context.checks);
      const fromFiles = withoutInlineNames(inline.slos, openSlo.slos);
      const all = [
        ...problems,
        ...costingSlos([
          ...inline.problems,
          ...openSlo.problems,
          ...fromFiles.problems,
        ]),
      ];
      return {
        settings,
        slos: [...inline.slos, ...fromFiles.slos],
        problems: all,
        // A refused pattern or a file that cannot be read: the SLOs meant are unknown.
        unreadable: unreadable || all.some(p => p.unreadable),
      };
    },
  );
  const reads = files.reads();
  if (!entityFileRead || definitions.unreadable || !reads) return definitions;
  return {
    ...definitions,
    record: {
      inputs: recordInputs(entity, locationRef, context),
      reads: [...reads],
    },
  };
}

/**
 * What of an entity its definitions are read from: the catalog adds other annotations, relations
 * and status as it processes, and those must not make the catalog module and the sync disagree.
 */
function definitionInputs(entity: Entity) {
  const annotations = Object.entries(entity.metadata.annotations ?? {}).filter(
    ([key]) => key.startsWith(`${RELIABILITY_ANNOTATION_PREFIX}/`),
  );
  return [
    entity.kind,
    entity.metadata.namespace ?? 'default',
    entity.metadata.name,
    annotations.sort(([a], [b]) => a.localeCompare(b)),
    (entity.spec as { reliability?: unknown } | undefined)?.reliability ?? null,
  ];
}

/** OpenSLO SLOs whose name an inline SLO already has are problems: names identify SLOs. */
function withoutInlineNames(
  inline: SloDefinition[],
  files: SloDefinition[],
): { slos: SloDefinition[]; problems: DefinitionProblem[] } {
  const inlineByName = new Map(inline.map(slo => [slo.name, slo]));
  const problems: DefinitionProblem[] = [];
  const slos = files.filter(slo => {
    const first = inlineByName.get(slo.name);
    if (!first) return true;
    problems.push({
      file: slo.source.file,
      line: slo.source.line,
      field: 'metadata.name',
      message: `duplicate SLO name "${slo.name}" (also defined in ${
        first.source.file
      }${first.source.line ? `:${first.source.line}` : ''})`,
    });
    return false;
  });
  return { slos, problems };
}

/** Marks problems of SLO definitions: each one leaves an SLO out. */
function costingSlos(problems: DefinitionProblem[]): DefinitionProblem[] {
  return problems.map(p => ({ ...p, sloDefinition: true }));
}

/** A reason safe to show: our own words for file errors, a generic one for anything else. */
function fileReason(error: unknown): string {
  return error instanceof EntityFileError
    ? error.message
    : 'the SLO files cannot be read';
}

function fromEntityOnly(
  entity: Entity,
  fileName: string,
  reason: string,
  context: DefinitionReadContext,
): EntityDefinitions {
  const source = yamlDocumentFromValue(fileName, entity);
  const { settings, problems } = readEntitySettings(
    source,
    context.checks?.tierLevels,
  );
  const inline = parseInlineSlos(source, context.checks);
  return {
    settings,
    slos: inline.slos,
    unreadable: settings.sloFilePatterns.length > 0,
    problems: [
      ...problems,
      ...costingSlos(inline.problems),
      ...(settings.sloFilePatterns.length
        ? [
            {
              file: fileName,
              field: `metadata.annotations.${RELIABILITY_ANNOTATIONS.sloFiles}`,
              message: `cannot read SLO files: ${reason}`,
              unreadable: true,
            },
          ]
        : []),
    ],
  };
}
