import {
  Document,
  LineCounter,
  Node,
  isMap,
  isNode,
  isScalar,
  isSeq,
  parseAllDocuments,
} from 'yaml';
import { DefinitionProblem, formatFieldPath } from './problems';

/** One YAML document of a file, with what is needed to say which line a field is on. */
export interface YamlDocument {
  file: string;
  document: Document.Parsed | Document;
  lineCounter?: LineCounter;
}

/** Parses a (multi-document) YAML file, keeping positions. Syntax errors become problems. */
export function parseYamlFile(
  file: string,
  text: string,
): { documents: YamlDocument[]; problems: DefinitionProblem[] } {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const documents: YamlDocument[] = [];
  const problems: DefinitionProblem[] = [];
  const all = Array.isArray(parsed) ? parsed : [parsed];
  for (const document of all) {
    if (document.errors.length > 0) {
      for (const error of document.errors) {
        problems.push({
          file,
          line: lineCounter.linePos(error.pos[0]).line,
          field: '',
          message: `invalid YAML: ${firstLine(error.message)}`,
        });
      }
      continue;
    }
    if (document.contents === null) continue;
    documents.push({ file, document, lineCounter });
  }
  return { documents, problems };
}

/** Wraps an already-parsed value (e.g. an entity from the catalog), which has no positions. */
export function yamlDocumentFromValue(
  file: string,
  value: unknown,
): YamlDocument {
  return { file, document: new Document(value) };
}

/**
 * The line of the field at `path`: the line of its key (or of the item, in a list). A missing
 * field is reported on the line of its nearest ancestor that exists.
 */
export function lineOf(
  source: YamlDocument,
  path: ReadonlyArray<PropertyKey>,
): number | undefined {
  const { lineCounter } = source;
  if (!lineCounter) return undefined;
  let node: unknown = source.document.contents;
  let located: Node | undefined = isNode(node) ? node : undefined;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        item => isScalar(item.key) && item.key.value === step,
      );
      if (!pair) break;
      located = isNode(pair.key) ? pair.key : located;
      node = pair.value;
    } else if (
      isSeq(node) &&
      typeof step === 'number' &&
      node.items[step] !== undefined
    ) {
      node = node.items[step];
      located = isNode(node) ? node : located;
    } else {
      break;
    }
  }
  return located?.range
    ? lineCounter.linePos(located.range[0]).line
    : undefined;
}

/** Builds a problem located at `path` of the document. */
export function problemAt(
  source: YamlDocument,
  path: ReadonlyArray<PropertyKey>,
  message: string,
): DefinitionProblem {
  return {
    file: source.file,
    line: lineOf(source, path),
    field: formatFieldPath(path),
    message,
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
