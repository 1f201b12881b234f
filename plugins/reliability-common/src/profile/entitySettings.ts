import { RELIABILITY_ANNOTATIONS } from '../annotations';
import { parseDurationMs } from '../duration';
import { DefinitionProblem } from '../problems';
import { DEFAULT_TIER_LEVELS, parseTierLevel, tierProblem } from '../tiers';
import { YamlDocument, problemAt } from '../yamlSource';
import { isCalendarDate } from './calendarDate';
import { RunbookReviewDates, parseRunbookReviewed } from './runbookReviews';

export { isCalendarDate };

/** The reliability settings an entity declares in its annotations. */
export interface EntityReliabilitySettings {
  tierLevel?: number;
  /** Paths or globs of OpenSLO files, relative to the entity's file. */
  sloFilePatterns: string[];
  rtoMinutes?: number;
  rpoMinutes?: number;
  /** Date of the last DR test, `YYYY-MM-DD`. */
  drTested?: string;
  /** Name of the configured error-budget policy the entity asks for. */
  errorBudgetPolicy?: string;
  /** When the runbooks were last reviewed, from `reliability-suite.io/runbook-reviewed`. */
  runbookReviews?: RunbookReviewDates;
}

/**
 * Reads and checks the reliability annotations of an entity document. The tier must be one of
 * `tierLevels` (the configured tiers' levels; the default tiers' without configuration).
 */
export function readEntitySettings(
  entity: YamlDocument,
  tierLevels: ReadonlyArray<number> = DEFAULT_TIER_LEVELS,
): {
  settings: EntityReliabilitySettings;
  problems: DefinitionProblem[];
} {
  const problems: DefinitionProblem[] = [];
  const annotation = (key: string): { value?: string; path: PropertyKey[] } => {
    const path = ['metadata', 'annotations', key];
    const value = entity.document.getIn(path);
    if (value === undefined || value === null) return { path };
    return { value: String(value).trim(), path };
  };
  const settings: EntityReliabilitySettings = { sloFilePatterns: [] };

  const tier = annotation(RELIABILITY_ANNOTATIONS.tier);
  if (tier.value !== undefined) {
    const problem = tierProblem(tier.value, tierLevels);
    if (problem) problems.push(problemAt(entity, tier.path, problem));
    else settings.tierLevel = parseTierLevel(tier.value);
  }

  const files = annotation(RELIABILITY_ANNOTATIONS.sloFiles);
  if (files.value !== undefined) {
    settings.sloFilePatterns = files.value
      .split(',')
      .map(p => p.trim())
      .filter(Boolean);
    for (const pattern of settings.sloFilePatterns) {
      if (
        pattern.startsWith('/') ||
        pattern.split('/').includes('..') ||
        pattern.includes('://')
      ) {
        // The SLOs it meant are unknown: stored ones are kept, not trusted.
        problems.push({
          ...problemAt(
            entity,
            files.path,
            `"${pattern}" must be a path relative to this file, inside its folder`,
          ),
          unreadable: true,
        });
      }
    }
    if (problems.some(p => p.field.endsWith(RELIABILITY_ANNOTATIONS.sloFiles)))
      settings.sloFilePatterns = [];
  }

  for (const key of ['rto', 'rpo'] as const) {
    const { value, path } = annotation(RELIABILITY_ANNOTATIONS[key]);
    if (value === undefined) continue;
    const ms = parseDurationMs(value);
    if (ms === undefined) {
      problems.push(
        problemAt(
          entity,
          path,
          `"${value}" is not a duration such as 15m or 4h`,
        ),
      );
    } else {
      settings[key === 'rto' ? 'rtoMinutes' : 'rpoMinutes'] = ms / 60000;
    }
  }

  const tested = annotation(RELIABILITY_ANNOTATIONS.drTested);
  if (tested.value !== undefined) {
    if (isCalendarDate(tested.value)) {
      settings.drTested = tested.value;
    } else {
      problems.push(
        problemAt(
          entity,
          tested.path,
          `"${tested.value}" is not a date such as 2026-09-14`,
        ),
      );
    }
  }
  const reviewed = annotation(RELIABILITY_ANNOTATIONS.runbookReviewed);
  if (reviewed.value !== undefined) {
    const { dates, problems: reasons } = parseRunbookReviewed(reviewed.value);
    settings.runbookReviews = dates;
    for (const reason of reasons)
      problems.push(problemAt(entity, reviewed.path, reason));
  }
  const policy = annotation(RELIABILITY_ANNOTATIONS.errorBudgetPolicy);
  if (policy.value) settings.errorBudgetPolicy = policy.value;
  return { settings, problems };
}
