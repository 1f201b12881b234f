/**
 * Prometheus renders the labels and annotations of alerting rules as Go templates (text/template,
 * with `query`, `$labels` and friends). In Go's templates only `{{` starts an action, so a text
 * renders as itself once each `{{` is replaced by this action, which prints a literal `{{`.
 */
const LITERAL_OPEN = '{{ "{{" }}';

/**
 * A text (an SLO's display name, an entity reference, a runbook URL) as a Prometheus template
 * that renders exactly that text: `{{ range query "up" }}` renders as written instead of running
 * a query, and an unbalanced `{{` cannot make the rule file fail to load.
 */
export function templateLiteral(text: string): string {
  return text.replaceAll('{{', LITERAL_OPEN);
}

/**
 * Whether a template starts no action other than the literal `{{` of `templateLiteral`. Scans as
 * Go does: each `{{`, from the left, opens an action.
 */
export function isTemplateLiteral(template: string): boolean {
  for (let at = template.indexOf('{{'); at !== -1; ) {
    if (!template.startsWith(LITERAL_OPEN, at)) return false;
    at = template.indexOf('{{', at + LITERAL_OPEN.length);
  }
  return true;
}
