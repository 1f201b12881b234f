import type { ZodError } from 'zod';
import { DefinitionProblem } from './problems';
import { YamlDocument, problemAt } from './yamlSource';

/**
 * Turns zod's issues into located problems. `basePath` is where the validated value sits in the
 * document. A missing field reads "is required" rather than zod's type message.
 */
export function problemsFromZod(
  source: YamlDocument,
  basePath: ReadonlyArray<PropertyKey>,
  error: ZodError,
): DefinitionProblem[] {
  return error.issues.map(issue => {
    const message =
      issue.code === 'invalid_type' && /received undefined$/.test(issue.message)
        ? 'is required'
        : issue.message;
    return problemAt(source, [...basePath, ...issue.path], message);
  });
}
