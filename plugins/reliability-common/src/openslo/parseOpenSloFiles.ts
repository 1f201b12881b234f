import { z } from 'zod';
import { DefinitionProblem } from '../problems';
import { parseDurationMs } from '../duration';
import { percentToFraction } from '../percent';
import { sliQueryProblem } from '../sliQueryChecks';
import { countedSelector } from '../promql';
import {
  DEFAULT_DEFINITION_CHECK_OPTIONS,
  DefinitionCheckOptions,
  calendarMinMs,
  calendarWindowProblem,
  rollingWindowProblem,
  timeSliceProblem,
  unfireableAlertsProblem,
} from '../windowChecks';
import { OPENSLO_RUNBOOK_ANNOTATION } from '../annotations';
import {
  BudgetingMethod,
  MetricQuery,
  SliMetric,
  SloDefinition,
  SloObjective,
  SloTimeWindow,
} from '../slo';
import { YamlDocument, lineOf, parseYamlFile, problemAt } from '../yamlSource';
import { problemsFromZod } from '../zodProblems';
import {
  DataSourceDocument,
  MetricSourceValue,
  SliDocument,
  SloDocument,
  alertPolicyDocumentSchema,
  dataSourceDocumentSchema,
  sliDocumentSchema,
  sloDocumentSchema,
} from './schema';

/** A file's path (as it should appear in errors) and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** What parsing a set of OpenSLO files produced: the valid SLOs and every problem found. */
export interface ParsedSlos {
  slos: SloDefinition[];
  problems: DefinitionProblem[];
}

const KINDS = ['SLO', 'SLI', 'DataSource', 'AlertPolicy'] as const;
type Kind = (typeof KINDS)[number];

/** A validated document with where it came from. */
interface Located<T> {
  source: YamlDocument;
  value: T;
}

/** The named objects of all files, by kind and name. */
interface Registry {
  slos: Located<SloDocument>[];
  slis: Map<string, Located<SliDocument>>;
  dataSources: Map<string, Located<DataSourceDocument>>;
  alertPolicies: Set<string>;
}

const SCHEMAS: Record<Kind, z.ZodType> = {
  SLO: sloDocumentSchema,
  SLI: sliDocumentSchema,
  DataSource: dataSourceDocumentSchema,
  AlertPolicy: alertPolicyDocumentSchema,
};

/** Prometheus-compatible DataSource types we can query. */
const PROMQL_SOURCE_TYPES = new Set([
  'prometheus',
  'thanos',
  'mimir',
  'victoriametrics',
  'cortex',
]);

/**
 * Parses the OpenSLO v1 documents of one entity's files. References (indicatorRef,
 * metricSourceRef, alertPolicies) are resolved across all files. An SLO with any problem is left
 * out of `slos` and every problem is reported with file, line and field.
 */
export function parseOpenSloFiles(
  files: SourceFile[],
  options: DefinitionCheckOptions = DEFAULT_DEFINITION_CHECK_OPTIONS,
): ParsedSlos {
  const problems: DefinitionProblem[] = [];
  const registry: Registry = {
    slos: [],
    slis: new Map(),
    dataSources: new Map(),
    alertPolicies: new Set(),
  };
  for (const file of files) {
    const parsed = parseYamlFile(file.path, file.text);
    problems.push(...parsed.problems);
    for (const source of parsed.documents) {
      problems.push(...register(source, registry));
    }
  }
  const slos: SloDefinition[] = [];
  for (const slo of registry.slos) {
    const result = resolveSlo(slo, registry, options);
    if ('problems' in result) {
      problems.push(...result.problems);
    } else {
      slos.push(result.slo);
    }
  }
  return { slos, problems };
}

/** Validates one document and adds it to the registry; returns its problems. */
function register(
  source: YamlDocument,
  registry: Registry,
): DefinitionProblem[] {
  const raw = source.value as Record<string, unknown> | null;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return [problemAt(source, [], 'must be a mapping (an OpenSLO document)')];
  }
  if (raw.apiVersion !== 'openslo/v1') {
    return [problemAt(source, ['apiVersion'], 'must be openslo/v1')];
  }
  const kind = raw.kind as Kind;
  if (!KINDS.includes(kind)) {
    return [problemAt(source, ['kind'], `must be one of ${KINDS.join(', ')}`)];
  }
  const result = SCHEMAS[kind].safeParse(raw);
  if (!result.success) {
    return problemsFromZod(source, [], result.error);
  }
  const value = result.data as { metadata: { name: string } };
  const documentName = value.metadata.name;
  const duplicate = () => [
    problemAt(
      source,
      ['metadata', 'name'],
      `duplicate ${kind} name "${documentName}"`,
    ),
  ];
  switch (kind) {
    case 'SLO':
      if (registry.slos.some(s => s.value.metadata.name === documentName))
        return duplicate();
      registry.slos.push({ source, value: value as SloDocument });
      return [];
    case 'SLI':
      if (registry.slis.has(documentName)) return duplicate();
      registry.slis.set(documentName, { source, value: value as SliDocument });
      return [];
    case 'DataSource':
      if (registry.dataSources.has(documentName)) return duplicate();
      registry.dataSources.set(documentName, {
        source,
        value: value as DataSourceDocument,
      });
      return [];
    default:
      registry.alertPolicies.add(documentName);
      return [];
  }
}

/** Resolves an SLO's references and normalises it. */
function resolveSlo(
  { source, value }: Located<SloDocument>,
  registry: Registry,
  options: DefinitionCheckOptions,
): { slo: SloDefinition } | { problems: DefinitionProblem[] } {
  const problems: DefinitionProblem[] = [];
  const spec = value.spec;

  let indicator: Located<SliDocument> | undefined;
  let indicatorPath: PropertyKey[] = ['spec', 'indicator'];
  if (spec.indicatorRef) {
    indicator = registry.slis.get(spec.indicatorRef);
    if (!indicator) {
      const known = [...registry.slis.keys()];
      problems.push(
        problemAt(
          source,
          ['spec', 'indicatorRef'],
          `unknown SLI "${spec.indicatorRef}" (${
            known.length ? `defined: ${known.join(', ')}` : 'no SLI is defined'
          })`,
        ),
      );
    }
    indicatorPath = [];
  } else if (spec.indicator) {
    indicator = { source, value: spec.indicator };
  }
  const metric = indicator
    ? resolveMetric(
        indicator.source,
        indicatorPath,
        indicator.value,
        registry,
        problems,
      )
    : undefined;

  const timeWindow = resolveTimeWindow(source, spec.timeWindow[0], problems);
  const windowMs =
    timeWindow &&
    (timeWindow.type === 'rolling'
      ? timeWindow.durationMs
      : calendarMinMs(timeWindow.duration));
  const objectives = spec.objectives.map((objective, index) =>
    resolveObjective(
      source,
      index,
      objective,
      { budgetingMethod: spec.budgetingMethod, windowMs, options },
      metric,
      problems,
    ),
  );
  if (timeWindow?.type === 'rolling' && metric?.type === 'ratio') {
    const unfireable = unfireableAlertsProblem(
      timeWindow.durationMs,
      Math.min(...objectives.map(o => o.target)),
    );
    if (unfireable)
      problems.push(
        problemAt(source, ['spec', 'timeWindow', 0, 'duration'], unfireable),
      );
  }
  spec.alertPolicies.forEach((entry, index) => {
    const policyName = alertPolicyName(entry);
    if (typeof entry !== 'object' || !('kind' in entry)) {
      if (!registry.alertPolicies.has(policyName)) {
        problems.push(
          problemAt(
            source,
            ['spec', 'alertPolicies', index],
            `unknown AlertPolicy "${policyName}"`,
          ),
        );
      }
    }
  });

  if (problems.length > 0 || !metric || !timeWindow) {
    return { problems };
  }
  return {
    slo: {
      name: value.metadata.name,
      displayName: value.metadata.displayName,
      description: spec.description,
      service: spec.service,
      indicator: { name: indicator?.value.metadata.name, metric },
      objectives,
      timeWindow,
      budgetingMethod: spec.budgetingMethod as BudgetingMethod,
      alertPolicies: spec.alertPolicies.map(alertPolicyName),
      runbook: value.metadata.annotations?.[OPENSLO_RUNBOOK_ANNOTATION],
      source: {
        format: 'openslo',
        file: source.file,
        line: lineOf(source, []),
      },
    },
  };
}

function alertPolicyName(
  entry: string | { alertPolicyRef: string } | { metadata: { name: string } },
): string {
  if (typeof entry === 'string') return entry;
  return 'alertPolicyRef' in entry ? entry.alertPolicyRef : entry.metadata.name;
}

/** Builds the SLI metric, checking every query and metric source reference. */
function resolveMetric(
  source: YamlDocument,
  basePath: PropertyKey[],
  sli: SliDocument,
  registry: Registry,
  problems: DefinitionProblem[],
): SliMetric | undefined {
  const query = (
    key: string,
    holder?: { metricSource: MetricSourceValue },
    counter = false,
  ) =>
    holder
      ? resolveQuery(
          source,
          [...basePath, 'spec', ...key.split('.'), 'metricSource'],
          holder.metricSource,
          { registry, counter },
          problems,
        )
      : undefined;
  const { ratioMetric, thresholdMetric } = sli.spec;
  if (thresholdMetric) {
    const thresholdQuery = query('thresholdMetric', thresholdMetric);
    return thresholdQuery
      ? { type: 'threshold', query: thresholdQuery }
      : undefined;
  }
  if (!ratioMetric) return undefined;
  if (ratioMetric.raw) {
    // A raw ratio is a value at each instant: averaging it over the window would weigh a quiet
    // minute like a busy one, which no request-based budget means. Refused where it is read.
    problems.push(
      problemAt(
        source,
        [...basePath, 'spec', 'ratioMetric', 'raw'],
        'raw ratio SLIs are not supported: give good (or bad) and total as counters, whose increase over the window is counted',
      ),
    );
    return undefined;
  }
  if (!ratioMetric.counter) {
    problems.push(
      problemAt(
        source,
        [...basePath, 'spec', 'ratioMetric', 'counter'],
        'counter: false is not supported: good (or bad) and total must be counters (counter: true, the default), counted with increase() over the window',
      ),
    );
    return undefined;
  }
  const good = query('ratioMetric.good', ratioMetric.good, true);
  const bad = query('ratioMetric.bad', ratioMetric.bad, true);
  const total = query('ratioMetric.total', ratioMetric.total, true);
  if (!total || (!good && !bad)) return undefined;
  return { type: 'ratio', counter: true, good, bad, total };
}

function resolveQuery(
  source: YamlDocument,
  path: PropertyKey[],
  metricSource: MetricSourceValue,
  { registry, counter }: { registry: Registry; counter: boolean },
  problems: DefinitionProblem[],
): MetricQuery | undefined {
  let type = metricSource.type;
  if (metricSource.metricSourceRef) {
    const dataSource = registry.dataSources.get(metricSource.metricSourceRef);
    if (dataSource) {
      type = dataSource.value.spec.type;
    } else if (!type) {
      problems.push(
        problemAt(
          source,
          [...path, 'metricSourceRef'],
          `unknown DataSource "${metricSource.metricSourceRef}" and no type given`,
        ),
      );
      return undefined;
    }
  }
  if (type && !PROMQL_SOURCE_TYPES.has(type.toLowerCase())) {
    problems.push(
      problemAt(
        source,
        [...path, 'type'],
        `unsupported metric source type "${type}": only Prometheus-compatible sources are supported`,
      ),
    );
    return undefined;
  }
  const invalid = sliQueryProblem(metricSource.spec.query, { counter });
  if (invalid) {
    problems.push(problemAt(source, [...path, 'spec', 'query'], invalid));
    return undefined;
  }
  return {
    metricSource: metricSource.metricSourceRef,
    // A counter's `sum(…)` form counts as its selector (see countedSelector).
    query: counter
      ? countedSelector(metricSource.spec.query)!
      : metricSource.spec.query.trim(),
  };
}

const CALENDAR_DURATION = /^[1-9][0-9]*[dwMQY]$/;

function resolveTimeWindow(
  source: YamlDocument,
  window: {
    duration: string;
    isRolling: boolean;
    calendar?: { startTime: string; timeZone: string };
  },
  problems: DefinitionProblem[],
): SloTimeWindow | undefined {
  const path = ['spec', 'timeWindow', 0];
  if (window.isRolling) {
    const durationMs = parseDurationMs(window.duration);
    if (!durationMs) {
      problems.push(
        problemAt(
          source,
          [...path, 'duration'],
          `"${window.duration}" is not a rolling duration such as 28d or 30d`,
        ),
      );
      return undefined;
    }
    const tooLong = rollingWindowProblem(window.duration, durationMs);
    if (tooLong) {
      problems.push(problemAt(source, [...path, 'duration'], tooLong));
      return undefined;
    }
    return { type: 'rolling', duration: window.duration, durationMs };
  }
  if (!window.calendar) {
    problems.push(
      problemAt(
        source,
        [...path, 'calendar'],
        'is required when isRolling is false',
      ),
    );
    return undefined;
  }
  if (!CALENDAR_DURATION.test(window.duration)) {
    problems.push(
      problemAt(
        source,
        [...path, 'duration'],
        `"${window.duration}" is not a calendar duration such as 1w, 1M or 1Q`,
      ),
    );
    return undefined;
  }
  const calendarProblem = calendarWindowProblem(window.duration);
  if (calendarProblem) {
    problems.push(problemAt(source, [...path, 'duration'], calendarProblem));
    return undefined;
  }
  return {
    type: 'calendar',
    duration: window.duration,
    startTime: window.calendar.startTime,
    timeZone: window.calendar.timeZone,
  };
}

function resolveObjective(
  source: YamlDocument,
  index: number,
  objective: {
    displayName?: string;
    target?: number;
    targetPercent?: number;
    op?: 'lt' | 'lte' | 'gt' | 'gte';
    value?: number;
    timeSliceTarget?: number;
    timeSliceWindow?: string;
  },
  {
    budgetingMethod,
    windowMs,
    options,
  }: {
    budgetingMethod: string;
    windowMs: number | undefined;
    options: DefinitionCheckOptions;
  },
  metric: SliMetric | undefined,
  problems: DefinitionProblem[],
): SloObjective {
  const path = ['spec', 'objectives', index];
  if (
    metric?.type === 'threshold' &&
    (objective.op === undefined || objective.value === undefined)
  ) {
    problems.push(
      problemAt(
        source,
        path,
        'op and value are required for a thresholdMetric SLI',
      ),
    );
  }
  if (budgetingMethod !== 'Occurrences') {
    if (!objective.timeSliceWindow) {
      problems.push(
        problemAt(
          source,
          [...path, 'timeSliceWindow'],
          `is required for ${budgetingMethod}`,
        ),
      );
    } else {
      const sliceMs = parseDurationMs(objective.timeSliceWindow);
      const sliceProblem = !sliceMs
        ? `"${objective.timeSliceWindow}" is not a duration such as 1m or 5m`
        : windowMs &&
          timeSliceProblem(objective.timeSliceWindow, sliceMs, windowMs, {
            ...options,
            counted: metric?.type === 'ratio',
          });
      if (sliceProblem)
        problems.push(
          problemAt(source, [...path, 'timeSliceWindow'], sliceProblem),
        );
    }
  }
  if (
    budgetingMethod === 'Timeslices' &&
    objective.timeSliceTarget === undefined
  ) {
    problems.push(
      problemAt(
        source,
        [...path, 'timeSliceTarget'],
        'is required for Timeslices',
      ),
    );
  }
  return {
    displayName: objective.displayName,
    target:
      objective.target ?? percentToFraction(objective.targetPercent as number),
    op: objective.op,
    value: objective.value,
    timeSliceTarget: objective.timeSliceTarget,
    timeSliceWindow: objective.timeSliceWindow,
  };
}
