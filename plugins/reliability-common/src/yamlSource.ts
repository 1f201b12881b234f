import {
  Document,
  LineCounter,
  Node,
  isMap,
  isNode,
  isPair,
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
  /** The document as plain data, converted once within the alias limit. */
  value: unknown;
}

/** Limits on a YAML file from a team's repository (untrusted input). */
export const YAML_LIMITS = {
  /** Largest file, in characters. */
  maxChars: 1024 * 1024,
  /** Most alias expansions in one document (a billion-laughs file needs thousands). */
  maxAliasCount: 100,
  /** Deepest nesting of mappings and lists. */
  maxDepth: 64,
} as const;

/**
 * Parses a (multi-document) YAML file, keeping positions. Syntax errors, duplicate keys and
 * anything over {@link YAML_LIMITS} become problems marked `unreadable`: the file is then not
 * read at all, since what it defines cannot be known.
 */
export function parseYamlFile(
  file: string,
  text: string,
): { documents: YamlDocument[]; problems: DefinitionProblem[] } {
  const unreadable = (message: string, line?: number) => ({
    documents: [],
    problems: [{ file, line, field: '', message, unreadable: true }],
  });
  if (text.length > YAML_LIMITS.maxChars) {
    return unreadable(
      `is larger than ${YAML_LIMITS.maxChars / 1024 / 1024} MiB`,
    );
  }
  const tooDeep = `invalid YAML: nested deeper than ${YAML_LIMITS.maxDepth} levels`;
  // Flow collections nested thousands deep exhaust the parser's stack: refuse them unparsed.
  const deepAt = flowTooDeepAt(text, YAML_LIMITS.maxDepth);
  if (deepAt !== undefined)
    return unreadable(tooDeep, text.slice(0, deepAt).split('\n').length);
  const lineCounter = new LineCounter();
  let parsed: ReturnType<typeof parseAllDocuments>;
  try {
    parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  } catch (error) {
    if (error instanceof RangeError) return unreadable(tooDeep);
    throw error;
  }
  const documents: YamlDocument[] = [];
  const problems: DefinitionProblem[] = [];
  const all = Array.isArray(parsed) ? parsed : [parsed];
  const lineAt = (offset: number | undefined) =>
    offset === undefined ? undefined : lineCounter.linePos(offset).line;
  for (const document of all) {
    if (document.errors.length > 0) {
      for (const error of document.errors) {
        problems.push({
          file,
          line: lineAt(error.pos[0]),
          field: '',
          message: `invalid YAML: ${yamlErrorReason(error.message)}`,
          unreadable: true,
        });
      }
      continue;
    }
    if (document.contents === null) continue;
    const deep = deeperThan(document.contents, YAML_LIMITS.maxDepth);
    if (deep) {
      return unreadable(
        `invalid YAML: nested deeper than ${YAML_LIMITS.maxDepth} levels`,
        lineAt(deep.range?.[0]),
      );
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount });
    } catch {
      return unreadable(
        `invalid YAML: aliases expand to more than ${YAML_LIMITS.maxAliasCount} copies (an alias bomb)`,
        lineAt(document.contents.range?.[0]),
      );
    }
    // An empty document (a stray `---`) holds nothing to read.
    if (value === null || value === undefined) continue;
    documents.push({ file, document, lineCounter, value });
  }
  return { documents, problems };
}

/** Wraps an already-parsed value (e.g. an entity from the catalog), which has no positions. */
export function yamlDocumentFromValue(
  file: string,
  value: unknown,
): YamlDocument {
  return { file, document: new Document(value), value };
}

/**
 * Where `[` and `{` first nest deeper than `limit`, outside quoted strings and comments: a quick
 * bound, before parsing, on what would exhaust the parser's stack. (Brackets in plain scalars,
 * such as PromQL selectors, count too; they nest a level or two, never 64.)
 */
function flowTooDeepAt(text: string, limit: number): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (comment) {
      if (c === '\n') comment = false;
    } else if (quote) {
      if (c === '\\' && quote === '"') i += 1;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      comment = true;
    } else if (c === '[' || c === '{') {
      depth += 1;
      if (depth > limit) return i;
    } else if ((c === ']' || c === '}') && depth > 0) {
      depth -= 1;
    }
  }
  return undefined;
}

/** The first node nested deeper than `limit`, walking without recursion. */
function deeperThan(root: unknown, limit: number): Node | undefined {
  const stack: Array<{ node: unknown; depth: number }> = [
    { node: root, depth: 1 },
  ];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (isMap(node) || isSeq(node)) {
      if (depth > limit) return node;
      for (const item of node.items as unknown[]) {
        stack.push({
          node: isPair(item) ? item.value : item,
          depth: depth + 1,
        });
      }
    }
  }
  return undefined;
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

function yamlErrorReason(message: string): string {
  const line = message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '');
  return line.includes('Maximum call stack size exceeded')
    ? `nested deeper than ${YAML_LIMITS.maxDepth} levels`
    : line;
}
