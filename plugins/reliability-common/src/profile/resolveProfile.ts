import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { PAGING_ANNOTATIONS, RELIABILITY_ANNOTATIONS } from '../annotations';
import { formatDurationMs } from '../duration';
import { DefinitionProblem } from '../problems';
import { SloDefinition } from '../slo';
import { TierDefinition } from '../tiers';
import { yamlDocumentFromValue } from '../yamlSource';
import { readEntitySettings } from './entitySettings';
import { reviewRunbooks, staleRunbookItems } from './runbookReviews';
import {
  ReportProblem,
  catalogLinks,
  pagingUrl,
  plainContact,
  sloRunbooks,
} from './profileLinks';
import {
  MissingItem,
  OnCallContact,
  ReliabilityProfile,
  usableLinks,
} from './types';

/** URL templates to link a paging annotation to its provider; `{id}` is replaced. */
export interface PagingLinkTemplates {
  /** e.g. `https://acme.pagerduty.com/service-directory/{id}` */
  pagerDutyService?: string;
  /** e.g. `https://acme.app.opsgenie.com/teams/dashboard/{id}` */
  opsgenieTeam?: string;
}

export interface ResolveProfileInput {
  entity: Entity;
  /** The group owning the entity, when it is in the catalog (for inherited on-call). */
  ownerGroup?: Entity;
  /** SLOs and problems read from the entity's files (by the definitions sync). */
  definitions: {
    slos: SloDefinition[];
    problems: DefinitionProblem[];
    readAt?: string;
  };
  tiers: ReadonlyArray<TierDefinition>;
  paging?: PagingLinkTemplates;
  now: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Resolves an entity's reliability profile and what its tier requires that is missing. */
export function resolveProfile(input: ResolveProfileInput): ReliabilityProfile {
  const { entity, definitions, now } = input;
  const { settings, problems: settingProblems } = readEntitySettings(
    yamlDocumentFromValue('', entity),
    input.tiers.map(t => t.level),
  );
  const tier = input.tiers.find(t => t.level === settings.tierLevel);
  const owner =
    typeof entity.spec?.owner === 'string' ? entity.spec.owner : undefined;

  const problems = [...definitions.problems];
  const report: ReportProblem = problem => {
    const known = problems.some(
      p => p.file === problem.file && p.field === problem.field,
    );
    if (!known) problems.push(problem);
  };
  const onCall =
    pagingContact(entity, 'entity', input.paging) ??
    (input.ownerGroup &&
      pagingContact(input.ownerGroup, 'owner', input.paging)) ??
    plainContact(entity, 'entity', report) ??
    (input.ownerGroup && plainContact(input.ownerGroup, 'owner', report));
  const { runbooks, unknownNames } = reviewRunbooks(
    [
      ...catalogLinks(entity, 'runbook', report),
      ...sloRunbooks(entity, definitions.slos, report),
    ],
    settings.runbookReviews ?? { byRunbook: [] },
    tier,
    now,
  );
  // A name may be an SLO's runbook until the SLO files have been read.
  if (
    unknownNames.length > 0 &&
    (definitions.readAt || settings.sloFilePatterns.length === 0)
  ) {
    report({
      file: '',
      field: `metadata.annotations.${RELIABILITY_ANNOTATIONS.runbookReviewed}`,
      message: `${unknownNames
        .map(name => `"${name}"`)
        .join(
          ', ',
        )} names no runbook of this entity: use the title or URL of one of its runbooks`,
    });
  }
  const dashboards = catalogLinks(entity, 'dashboard', report);

  const testInterval = tier?.dr.testIntervalDays;
  const dr = {
    rtoMinutes: settings.rtoMinutes,
    rpoMinutes: settings.rpoMinutes,
    lastTested: settings.drTested,
    nextTestDue:
      settings.drTested && testInterval
        ? new Date(Date.parse(settings.drTested) + testInterval * DAY_MS)
            .toISOString()
            .slice(0, 10)
        : undefined,
  };

  // Definitions read with other tiers (before the configuration changed) may not say it yet.
  const tierField = `metadata.annotations.${RELIABILITY_ANNOTATIONS.tier}`;
  const tierIssue = settingProblems.find(p => p.field === tierField);
  if (tierIssue && !problems.some(p => p.field === tierField)) {
    problems.push({ file: '', field: tierField, message: tierIssue.message });
  }

  const profile: ReliabilityProfile = {
    entityRef: stringifyEntityRef(entity),
    tier,
    owner,
    onCall,
    runbooks,
    dashboards,
    dr,
    slos: definitions.slos,
    problems,
    missing: [],
    definitionsReadAt: definitions.readAt,
  };
  profile.missing = tier
    ? missingItems(profile, tier, now, definitions.problems.length)
    : [];
  return profile;
}

/**
 * Checks each requirement of the tier against the profile. `fileProblems` counts the problems of
 * the SLO files only (not of links or the tier).
 */
function missingItems(
  profile: ReliabilityProfile,
  tier: TierDefinition,
  now: Date,
  fileProblems: number,
): MissingItem[] {
  const missing: MissingItem[] = [];
  const need = new Set(tier.requirements);
  const add = (requirement: MissingItem['requirement'], message: string) =>
    need.has(requirement) && missing.push({ requirement, message });
  const { dr } = profile;
  const { maxRtoMinutes, maxRpoMinutes, testIntervalDays } = tier.dr;

  if (!profile.owner)
    add('owner', 'No owner: set spec.owner to the team that runs it');
  if (!profile.onCall) {
    add(
      'onCall',
      `No on-call: add ${PAGING_ANNOTATIONS.pagerDutyServiceId} or ${PAGING_ANNOTATIONS.opsgenieTeam} (or ${RELIABILITY_ANNOTATIONS.onCall}) to the entity or its owner group`,
    );
  }
  if (profile.slos.length === 0) {
    add(
      'slos',
      fileProblems > 0
        ? `No valid SLO: ${fileProblems} definition problem(s) to fix`
        : `No SLOs: add OpenSLO files (${RELIABILITY_ANNOTATIONS.sloFiles}) or spec.reliability.slos`,
    );
  }
  if (usableLinks(profile.runbooks).length === 0)
    add(
      'runbooks',
      'No runbook: add a metadata.links entry with type: runbook',
    );
  if (need.has('runbooksReviewed'))
    missing.push(...staleRunbookItems(profile.runbooks, tier));
  if (usableLinks(profile.dashboards).length === 0)
    add(
      'dashboards',
      'No dashboard: add a metadata.links entry with type: dashboard',
    );
  for (const [label, value, max, annotation] of [
    ['RTO', dr.rtoMinutes, maxRtoMinutes, RELIABILITY_ANNOTATIONS.rto],
    ['RPO', dr.rpoMinutes, maxRpoMinutes, RELIABILITY_ANNOTATIONS.rpo],
  ] as const) {
    if (value === undefined) {
      add(
        'drTargets',
        `No ${label}: set ${annotation}${
          max ? ` (${tier.name} allows at most ${minutes(max)})` : ''
        }`,
      );
    } else if (max !== undefined && value > max) {
      add(
        'drTargets',
        `${label} ${minutes(value)} exceeds the ${
          tier.name
        } maximum of ${minutes(max)}`,
      );
    }
  }
  if (!dr.lastTested) {
    add(
      'drTested',
      `No DR test recorded: set ${RELIABILITY_ANNOTATIONS.drTested} to the date of the last test`,
    );
  } else if (
    testIntervalDays &&
    dr.nextTestDue &&
    dr.nextTestDue < now.toISOString().slice(0, 10)
  ) {
    add(
      'drTested',
      `Last DR test ${dr.lastTested} is older than ${testIntervalDays} days (due ${dr.nextTestDue})`,
    );
  }
  return missing;
}

function minutes(value: number): string {
  return formatDurationMs(value * 60000);
}

function pagingContact(
  entity: Entity,
  source: OnCallContact['source'],
  templates: PagingLinkTemplates = {},
): OnCallContact | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const sourceRef = stringifyEntityRef(entity);
  const pdService = annotations[PAGING_ANNOTATIONS.pagerDutyServiceId];
  if (pdService) {
    return {
      provider: 'pagerduty',
      label: `PagerDuty service ${pdService}`,
      url: pagingUrl(templates.pagerDutyService, pdService),
      source,
      sourceRef,
    };
  }
  if (annotations[PAGING_ANNOTATIONS.pagerDutyIntegrationKey]) {
    return {
      provider: 'pagerduty',
      label: 'PagerDuty (integration key set)',
      source,
      sourceRef,
    };
  }
  const team = annotations[PAGING_ANNOTATIONS.opsgenieTeam];
  if (team) {
    return {
      provider: 'opsgenie',
      label: `Opsgenie team ${team}`,
      url: pagingUrl(templates.opsgenieTeam, team),
      source,
      sourceRef,
    };
  }
  const selector = annotations[PAGING_ANNOTATIONS.opsgenieComponentSelector];
  if (selector) {
    return {
      provider: 'opsgenie',
      label: `Opsgenie ${selector}`,
      source,
      sourceRef,
    };
  }
  return undefined;
}
