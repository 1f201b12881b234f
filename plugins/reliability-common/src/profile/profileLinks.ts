import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  RELIABILITY_ANNOTATIONS,
  OPENSLO_RUNBOOK_ANNOTATION,
} from '../annotations';
import { linkUrlProblem, safeLinkUrl } from '../links';
import { DefinitionProblem } from '../problems';
import { SloDefinition } from '../slo';
import { OnCallContact, ProfileLink } from './types';

/** Collects the problems of link values; one per file and field. */
export type ReportProblem = (problem: DefinitionProblem) => void;

/**
 * The entity's `metadata.links` of one type (`runbook`, `dashboard`). A link that is not
 * `http:`/`https:` keeps its title (or its text) without a URL and is reported.
 */
export function catalogLinks(
  entity: Entity,
  type: string,
  report: ReportProblem,
): ProfileLink[] {
  return (entity.metadata.links ?? []).flatMap((link, index) => {
    if (link.type !== type) return [];
    const url = checkedUrl(link.url, report, {
      file: '',
      field: `metadata.links[${index}].url`,
    });
    return [{ title: link.title ?? String(link.url), url }];
  });
}

/** The runbooks of the entity's SLOs; one that is not `http:`/`https:` is text and reported. */
export function sloRunbooks(
  entity: Entity,
  slos: SloDefinition[],
  report: ReportProblem,
): ProfileLink[] {
  return slos
    .filter(slo => slo.runbook)
    .map(slo => ({
      title: `${slo.displayName ?? slo.name} runbook`,
      url: checkedUrl(slo.runbook, report, {
        file: slo.source.file,
        line: slo.source.line,
        field: runbookField(entity, slo),
      }),
      sloName: slo.name,
    }));
}

/** Where an SLO's runbook is written, as a field path of its file. */
function runbookField(entity: Entity, slo: SloDefinition): string {
  if (slo.source.format === 'openslo')
    return `metadata.annotations.${OPENSLO_RUNBOOK_ANNOTATION}`;
  const inline = (entity.spec?.reliability as { slos?: unknown } | undefined)
    ?.slos;
  const index = Array.isArray(inline)
    ? inline.findIndex(s => (s as { name?: unknown })?.name === slo.name)
    : -1;
  return index >= 0
    ? `spec.reliability.slos[${index}].runbook`
    : 'spec.reliability.slos.runbook';
}

/** A paging provider's page for an id, from a configured template, when it is an http(s) URL. */
export function pagingUrl(
  template: string | undefined,
  id: string,
): string | undefined {
  return safeLinkUrl(template?.replace('{id}', encodeURIComponent(id)));
}

/**
 * The on-call contact written as text in the `oncall` annotation: an `http:`, `https:` or
 * `mailto:` link, or plain text (a chat channel, a phone number). Text that is written as a link
 * of another scheme (`javascript:…`) stays text and is reported.
 */
export function plainContact(
  entity: Entity,
  source: OnCallContact['source'],
  report: ReportProblem,
): OnCallContact | undefined {
  const contact = entity.metadata.annotations?.[RELIABILITY_ANNOTATIONS.onCall];
  if (!contact) return undefined;
  const sourceRef = stringifyEntityRef(entity);
  const url = safeLinkUrl(contact, { mailto: true });
  if (!url && looksLikeLink(contact)) {
    const problem = linkUrlProblem(contact, { mailto: true })!;
    report({
      file: '',
      field: `metadata.annotations.${RELIABILITY_ANNOTATIONS.onCall}`,
      message:
        source === 'owner' ? `${problem} (on owner ${sourceRef})` : problem,
    });
  }
  return {
    provider: 'contact',
    label: url ? contact.replace(/^mailto:/i, '') : contact,
    url,
    source,
    sourceRef,
  };
}

/** Whether text is written as `scheme:rest` (as a browser reads it), not as `Slack: #team`. */
function looksLikeLink(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\S/i.test(text.replace(/[\t\n\r]/g, '').trim());
}

function checkedUrl(
  url: unknown,
  report: ReportProblem,
  where: Omit<DefinitionProblem, 'message'>,
): string | undefined {
  const problem = linkUrlProblem(url);
  if (problem) report({ ...where, message: problem });
  return problem ? undefined : (url as string);
}
