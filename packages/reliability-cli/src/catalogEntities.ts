import {
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
} from '@backstage/catalog-model';
import {
  DefinitionProblem,
  YamlDocument,
  problemAt,
} from '@reliability-suite/plugin-reliability-common';

/** The catalog's own rules for an entity (names, namespaces, fields, schema). */
const catalogRules = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

/** The kinds that carry a reliability profile; other entities of a catalog file are not read. */
export const PROFILE_KINDS = ['Component', 'System', 'API', 'Resource'];

/** The reason of an error, without its stack. */
export const reasonOf = (error: unknown) =>
  error instanceof Error ? error.message : String(error);

/** The reason the catalog gives, without its pointer to the format docs. */
function catalogReason(error: unknown): string {
  return reasonOf(error).replace(
    /\s*To learn more about catalog file format.*$/s,
    '',
  );
}

/**
 * Checks an entity of a catalog file with the catalog's own rules: the entity when it carries a
 * reliability profile and passes them, its problem (`file:line field: reason`) when it does not.
 */
export async function checkedEntity(
  document: YamlDocument,
  entity: Entity,
): Promise<{ entity?: Entity; problem?: DefinitionProblem }> {
  if (!PROFILE_KINDS.includes(entity?.kind)) return {};
  try {
    const checked = await catalogRules.enforce(entity);
    return checked ? { entity } : {};
  } catch (error) {
    // The catalog names the field first: `"metadata.name" is not valid; …`.
    const reason = catalogReason(error);
    const named = /^"([a-zA-Z.]+)" (.*)$/s.exec(reason);
    const field = named?.[1];
    return {
      problem: {
        ...problemAt(document, field ? field.split('.') : [], ''),
        message: named ? named[2] : reason,
      },
    };
  }
}
