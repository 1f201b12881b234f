import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * Comma-separated names or refs as full entity refs, the form the scorecard stores:
 * `payments, group:ops/sre` → `group:default/payments`, `group:ops/sre` (for kind `group`).
 */
export function toEntityRefs(text: string, defaultKind: string): string[] {
  return text
    .split(',')
    .map(part => part.trim())
    .filter(Boolean)
    .map(part => {
      try {
        return stringifyEntityRef(
          parseEntityRef(part, { defaultKind, defaultNamespace: 'default' }),
        ).toLocaleLowerCase('en-US');
      } catch {
        return part.toLocaleLowerCase('en-US');
      }
    });
}

/** The short form of a ref for people: `group:default/payments` → `payments`. */
export function shortRef(ref: string, defaultKind: string): string {
  try {
    const { kind, namespace, name } = parseEntityRef(ref);
    const ns = namespace === 'default' ? '' : `${namespace}/`;
    const k = kind.toLocaleLowerCase('en-US') === defaultKind ? '' : `${kind}:`;
    return `${k}${ns}${name}`;
  } catch {
    return ref;
  }
}
