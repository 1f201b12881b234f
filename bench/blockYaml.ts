/**
 * Block-style YAML for the benchmark's generated catalog files (objects, arrays, strings, numbers,
 * booleans), as teams write them by hand. A string is written plain only when it starts with a
 * letter and holds nothing YAML reads specially (so it stays a string), single-quoted otherwise
 * (JSON-quoted if it holds a control character). The bench workspace declares no YAML library,
 * and this is all it needs.
 */
type Value = string | number | boolean | null | undefined | Value[] | Obj;
interface Obj {
  [key: string]: Value;
}

const KEY = /^[A-Za-z_][A-Za-z0-9_.\/-]*$/;
const key = (k: string) => (KEY.test(k) ? k : JSON.stringify(k));

const PLAIN = /^[A-Za-z][A-Za-z0-9 ._\/:-]*$/;
const RESERVED = /^(true|false|null|yes|no|on|off|y|n)$/i;

function scalar(value: Value): string {
  if (typeof value === 'string') {
    if (PLAIN.test(value) && !RESERVED.test(value) && !/: |:$| $/.test(value))
      return value;
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(value)) return JSON.stringify(value);
    return `'${value.replace(/'/g, "''")}'`;
  }
  if (typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return 'null';
}

const isEmpty = (value: Value) =>
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 0);

function lines(value: Value, indent: string, out: string[]) {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item !== null && typeof item === 'object' && !isEmpty(item)) {
        const nested: string[] = [];
        lines(item, `${indent}  `, nested);
        // The first line of the item goes after the dash.
        out.push(`${indent}- ${nested[0].slice(indent.length + 2)}`);
        out.push(...nested.slice(1));
      } else {
        out.push(`${indent}- ${emptyOrScalar(item)}`);
      }
    }
    return;
  }
  for (const [k, v] of Object.entries(value as Obj)) {
    if (v === undefined) continue;
    if (v !== null && typeof v === 'object' && !isEmpty(v)) {
      out.push(`${indent}${key(k)}:`);
      lines(v, Array.isArray(v) ? indent : `${indent}  `, out);
    } else {
      out.push(`${indent}${key(k)}: ${emptyOrScalar(v)}`);
    }
  }
}

function emptyOrScalar(value: Value): string {
  if (Array.isArray(value)) return '[]';
  if (value !== null && typeof value === 'object') return '{}';
  return scalar(value);
}

/** One YAML document (without the `---` separator). */
export function toBlockYaml(value: object): string {
  const out: string[] = [];
  lines(value as Obj, '', out);
  return `${out.join('\n')}\n`;
}

/** Several documents in one file, separated by `---`. */
export function toYamlDocuments(values: object[]): string {
  return values.map(toBlockYaml).join('---\n');
}
