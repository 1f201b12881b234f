import { promises as fs } from 'node:fs';
import { Entity } from '@backstage/catalog-model';
import {
  DefinitionProblem,
  SourceFile,
  YAML_LIMITS,
  YamlDocument,
  parseYamlFile,
  problemAt,
} from '@reliability-suite/plugin-reliability-common';
import { PROFILE_KINDS } from './catalogEntities';

/**
 * A file named on the command line: a catalog file (its documents, which are checked as
 * entities), an OpenSLO file (read with the other OpenSLO files given), or one that cannot be
 * read at all.
 */
export type InputFile =
  | { type: 'unreadable'; reason: string }
  | { type: 'openslo'; source: SourceFile }
  | CatalogInput;

/** A catalog file: the documents that are entities (their kind is checked later), and problems. */
export interface CatalogInput {
  type: 'catalog';
  entities: Array<{ document: YamlDocument; entity: Entity }>;
  problems: DefinitionProblem[];
}

const isMapping = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const apiVersionOf = (value: unknown) =>
  isMapping(value) && typeof value.apiVersion === 'string'
    ? value.apiVersion
    : undefined;

const isOpenSlo = (value: unknown) =>
  apiVersionOf(value)?.startsWith('openslo/') ?? false;

/** What a document that is neither an entity nor an OpenSLO document is told. */
const NEITHER =
  'expected backstage.io/v1alpha1 (a catalog entity) or openslo/v1 (an OpenSLO document)';

/** Checks that a document of a catalog file is an entity; its problem otherwise. */
function catalogDocumentProblem(
  document: YamlDocument,
): DefinitionProblem | undefined {
  const value = document.value;
  if (!isMapping(value))
    return problemAt(
      document,
      [],
      'must be a catalog entity or an OpenSLO document (a mapping with apiVersion and kind)',
    );
  if (isOpenSlo(value))
    return problemAt(
      document,
      ['apiVersion'],
      'an OpenSLO document in a catalog file: give its file on its own, or name it in the reliability-suite.io/slo-files annotation',
    );
  if (value.apiVersion === undefined) {
    // The catalog's own rules say what a profile entity without its apiVersion lacks.
    if (PROFILE_KINDS.includes(value.kind as string)) return undefined;
    return problemAt(document, [], `has no apiVersion: ${NEITHER}`);
  }
  if (apiVersionOf(value)?.startsWith('backstage.io/')) return undefined;
  return problemAt(document, ['apiVersion'], NEITHER);
}

/** Reads a file as the user named it (`display`), at `absolute`. */
export async function readInputFile(
  display: string,
  absolute: string,
): Promise<InputFile> {
  let text: string;
  try {
    const handle = await fs.open(absolute, 'r');
    try {
      const stat = await handle.stat();
      if (!stat.isFile())
        return { type: 'unreadable', reason: 'is not a file' };
      // A character is at most 4 bytes: anything larger is over the limit, unread.
      if (stat.size > YAML_LIMITS.maxChars * 4)
        return {
          type: 'catalog',
          entities: [],
          problems: [
            {
              file: display,
              field: '',
              message: `is larger than ${
                YAML_LIMITS.maxChars / 1024 / 1024
              } MiB`,
              unreadable: true,
            },
          ],
        };
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    return {
      type: 'unreadable',
      reason: `cannot read the file${code ? ` (${code})` : ''}`,
    };
  }
  const { documents, problems } = parseYamlFile(display, text);
  if (documents.length > 0 && documents.every(d => isOpenSlo(d.value)))
    // The OpenSLO parser reads the whole file again, and reports its YAML problems itself.
    return { type: 'openslo', source: { path: display, text } };
  if (documents.length === 0 && problems.length === 0)
    problems.push({
      file: display,
      field: '',
      message:
        'holds no YAML document: expected a catalog file or an OpenSLO v1 file',
    });
  const entities: Array<{ document: YamlDocument; entity: Entity }> = [];
  for (const document of documents) {
    const problem = catalogDocumentProblem(document);
    if (problem) problems.push(problem);
    else entities.push({ document, entity: document.value as Entity });
  }
  return { type: 'catalog', entities, problems };
}
