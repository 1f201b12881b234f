import { z } from 'zod';
import {
  BUDGETING_METHODS,
  BudgetingMethod,
  MetricQuery,
  SloDefinition,
  SloTimeWindow,
} from '../slo';
import { DefinitionProblem } from '../problems';
import { parseDurationMs } from '../duration';
import { percentToFraction } from '../percent';
import { sliQueryProblem } from '../sliQueryChecks';
import { countedSelector } from '../promql';
import {
  DEFAULT_DEFINITION_CHECK_OPTIONS,
  DefinitionCheckOptions,
  calendarMinMs,
  rollingWindowProblem,
  timeSliceProblem,
  unfireableAlertsProblem,
} from '../windowChecks';
import { YamlDocument, lineOf, problemAt } from '../yamlSource';
import { problemsFromZod } from '../zodProblems';
import { TEXT_LIMITS, boundedText } from '../textLimits';

/** Where the inline form sits in an entity. */
export const INLINE_SLOS_PATH = ['spec', 'reliability', 'slos'] as const;

const PERCENT = /^([0-9]+(?:\.[0-9]+)?)\s*%$/;

/** `99.9%` or `0.999` → 0.999; must leave an error budget. */
const objective = z
  .union(
    [
      z.number(),
      z
        .string()
        .regex(
          PERCENT,
          'must be a fraction such as 0.999 or a percentage such as 99.9%',
        ),
    ],
    {
      error: 'must be a fraction such as 0.999 or a percentage such as 99.9%',
    },
  )
  .transform(value =>
    typeof value === 'number'
      ? value
      : percentToFraction(Number(PERCENT.exec(value)![1])),
  )
  .pipe(
    z
      .number()
      .gt(0, 'must be > 0')
      .lt(1, 'must be < 1 (100% leaves no error budget)'),
  );

const inlineSloSchema = z
  .object({
    name: z
      .string({ error: 'must be a string' })
      .regex(
        /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
        'must be lowercase letters, digits and dashes',
      )
      .max(63, 'must be at most 63 characters'),
    displayName: boundedText(TEXT_LIMITS.displayName).optional(),
    description: boundedText(TEXT_LIMITS.description).optional(),
    objective,
    window: boundedText(16).default('30d'),
    calendar: z.enum(['week', 'month', 'quarter', 'year']).optional(),
    budgeting: z
      .enum(BUDGETING_METHODS as [string, ...string[]], {
        error: `must be one of ${BUDGETING_METHODS.join(', ')}`,
      })
      .default('Occurrences'),
    timeSliceTarget: z
      .number({ error: 'must be a number' })
      .gt(0, 'must be > 0')
      .max(1, 'must be ≤ 1')
      .optional(),
    timeSliceWindow: boundedText(16).optional(),
    source: boundedText(63).optional(),
    good: z.string().optional(),
    bad: z.string().optional(),
    total: z.string().optional(),
    threshold: z
      .object({
        query: z.string({ error: 'must be a PromQL string' }),
        op: z.enum(['lt', 'lte', 'gt', 'gte']),
        value: z.number({ error: 'must be a number' }),
      })
      .optional(),
    runbook: z.url({ error: 'must be a URL' }).optional(),
  })
  .superRefine((slo, ctx) => {
    const ratio =
      slo.total !== undefined ||
      slo.good !== undefined ||
      slo.bad !== undefined;
    if (ratio === Boolean(slo.threshold)) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'needs either threshold, or total with good or bad',
      });
    } else if (ratio) {
      if (slo.total === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['total'],
          message: 'is required',
        });
      if ((slo.good === undefined) === (slo.bad === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: ['good'],
          message: 'exactly one of good or bad is required',
        });
      }
    }
    if (slo.budgeting !== 'Occurrences' && !slo.timeSliceWindow) {
      ctx.addIssue({
        code: 'custom',
        path: ['timeSliceWindow'],
        message: `is required for ${slo.budgeting}`,
      });
    }
  });

type InlineSlo = z.infer<typeof inlineSloSchema>;

const CALENDAR_DURATIONS = {
  week: '1w',
  month: '1M',
  quarter: '1Q',
  year: '1Y',
} as const;

/**
 * Parses the inline SLO form (`spec.reliability.slos`) of an entity document.
 * Returns the valid SLOs and a located problem for everything else.
 */
export function parseInlineSlos(
  entity: YamlDocument,
  options: DefinitionCheckOptions = DEFAULT_DEFINITION_CHECK_OPTIONS,
): {
  slos: SloDefinition[];
  problems: DefinitionProblem[];
} {
  const value = entity.document.getIn([...INLINE_SLOS_PATH]);
  if (value === undefined) return { slos: [], problems: [] };
  const raw = (entity.value as any)?.spec?.reliability?.slos;
  if (!Array.isArray(raw)) {
    return {
      slos: [],
      problems: [problemAt(entity, INLINE_SLOS_PATH, 'must be a list of SLOs')],
    };
  }
  const slos: SloDefinition[] = [];
  const problems: DefinitionProblem[] = [];
  const names = new Set<string>();
  raw.forEach((item, index) => {
    const path = [...INLINE_SLOS_PATH, index];
    const result = inlineSloSchema.safeParse(item);
    if (!result.success) {
      problems.push(...problemsFromZod(entity, path, result.error));
      return;
    }
    const own: DefinitionProblem[] = [];
    if (names.has(result.data.name))
      own.push(
        problemAt(
          entity,
          [...path, 'name'],
          `duplicate SLO name "${result.data.name}"`,
        ),
      );
    names.add(result.data.name);
    const slo = toDefinition(entity, path, result.data, own, options);
    problems.push(...own);
    if (slo && own.length === 0) slos.push(slo);
  });
  return { slos, problems };
}

function toDefinition(
  entity: YamlDocument,
  path: PropertyKey[],
  slo: InlineSlo,
  problems: DefinitionProblem[],
  options: DefinitionCheckOptions,
): SloDefinition | undefined {
  const query = (
    key: string,
    text: string | undefined,
    at: PropertyKey[] = [key],
  ): MetricQuery | undefined => {
    if (text === undefined) return undefined;
    // good, bad and total are counters, counted with increase() over the window.
    const counter = key !== 'threshold';
    const invalid = sliQueryProblem(text, { counter });
    if (invalid) {
      problems.push(problemAt(entity, [...path, ...at], invalid));
      return undefined;
    }
    // A counter's `sum(…)` form counts as its selector (see countedSelector).
    return {
      metricSource: slo.source,
      query: counter ? countedSelector(text)! : text.trim(),
    };
  };
  let timeWindow: SloTimeWindow | undefined;
  if (slo.calendar) {
    timeWindow = {
      type: 'calendar',
      duration: CALENDAR_DURATIONS[slo.calendar],
      startTime: '1970-01-01 00:00:00',
      timeZone: 'UTC',
    };
  } else {
    const durationMs = parseDurationMs(slo.window);
    const windowProblem = durationMs
      ? rollingWindowProblem(slo.window, durationMs) ??
        (slo.threshold
          ? undefined
          : unfireableAlertsProblem(durationMs, slo.objective))
      : `"${slo.window}" is not a duration such as 28d or 30d`;
    if (durationMs && !windowProblem)
      timeWindow = { type: 'rolling', duration: slo.window, durationMs };
    else
      problems.push(
        problemAt(entity, [...path, 'window'], windowProblem as string),
      );
  }
  if (slo.timeSliceWindow) {
    const sliceMs = parseDurationMs(slo.timeSliceWindow);
    const windowMs =
      timeWindow &&
      (timeWindow.type === 'rolling'
        ? timeWindow.durationMs
        : calendarMinMs(timeWindow.duration));
    const sliceProblem = !sliceMs
      ? `"${slo.timeSliceWindow}" is not a duration such as 1m or 5m`
      : windowMs &&
        timeSliceProblem(slo.timeSliceWindow, sliceMs, windowMs, {
          ...options,
          counted: !slo.threshold,
        });
    if (sliceProblem)
      problems.push(
        problemAt(entity, [...path, 'timeSliceWindow'], sliceProblem),
      );
  }
  const metric = slo.threshold
    ? (() => {
        const thresholdQuery = query('threshold', slo.threshold.query, [
          'threshold',
          'query',
        ]);
        return thresholdQuery
          ? { type: 'threshold' as const, query: thresholdQuery }
          : undefined;
      })()
    : (() => {
        const good = query('good', slo.good);
        const bad = query('bad', slo.bad);
        const total = query('total', slo.total);
        return total && (good || bad)
          ? { type: 'ratio' as const, counter: true, good, bad, total }
          : undefined;
      })();
  if (!metric || !timeWindow) return undefined;
  return {
    name: slo.name,
    displayName: slo.displayName,
    description: slo.description,
    indicator: { metric },
    objectives: [
      {
        target: slo.objective,
        op: slo.threshold?.op,
        value: slo.threshold?.value,
        timeSliceTarget: slo.timeSliceTarget,
        timeSliceWindow: slo.timeSliceWindow,
      },
    ],
    timeWindow,
    budgetingMethod: slo.budgeting as BudgetingMethod,
    alertPolicies: [],
    runbook: slo.runbook,
    source: { format: 'inline', file: entity.file, line: lineOf(entity, path) },
  };
}
