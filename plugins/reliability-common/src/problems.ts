/** One problem found in a reliability definition, located as precisely as the source allows. */
export interface DefinitionProblem {
  /** File the problem is in, relative to the entity's own file where possible. */
  file: string;
  /** 1-based line, when the source has positions. */
  line?: number;
  /** Dotted path of the field, e.g. `spec.objectives[0].target`; empty for a whole document. */
  field: string;
  /** Why it is wrong, in words a user can act on. */
  message: string;
  /**
   * The whole file could not be read (unreachable, outside the entity's folder, over a limit, not
   * YAML): the SLOs it defines are unknown, so stored ones are kept but not trusted.
   */
  unreadable?: boolean;
  /** The problem leaves an SLO out: it cannot be measured because of its definition. */
  sloDefinition?: boolean;
}

/** Renders a problem as `file:line field: reason`, the form shown in the catalog and the UI. */
export function formatProblem(problem: DefinitionProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const what = problem.field
    ? `${problem.field}: ${problem.message}`
    : problem.message;
  if (!where) return what;
  return problem.field ? `${where} ${what}` : `${where}: ${what}`;
}

/** Renders a YAML-style path (`['spec', 'objectives', 0]`) as `spec.objectives[0]`. */
export function formatFieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`;
      return index === 0 ? String(key) : `.${String(key)}`;
    })
    .join('');
}
