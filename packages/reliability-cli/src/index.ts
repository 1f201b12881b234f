import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import {
  PrometheusRuleFile,
  buildPrometheusRules,
  entityRunbook,
  formatProblem,
  loadableRules,
  parseDurationMs,
  parseYamlFile,
  problemAt,
  prometheusRulesYaml,
} from '@reliability-suite/plugin-reliability-common';
import {
  DefinitionFileCache,
  DefinitionReadContext,
  readEntityDefinitions,
} from '@reliability-suite/plugin-reliability-node';

/** Where the CLI writes. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `Usage:
  reliability validate <catalog-info.yaml>...   check tiers, annotations, inline SLOs and OpenSLO files
  reliability rules <catalog-info.yaml>...      print Prometheus recording and alerting rules

Options:
  --scrape-interval=60s   the metrics' scrape interval that time slices are checked against
`;

/** Local files only: the CLI never reads remote URLs. */
const noUrlReader: UrlReaderService = {
  readUrl: async url => {
    throw new Error(`the CLI reads local files only, not ${url}`);
  },
  readTree: async url => {
    throw new Error(`the CLI reads local files only, not ${url}`);
  },
  search: async url => {
    throw new Error(`the CLI reads local files only, not ${url}`);
  },
};

/** The catalog's own rules for an entity (names, namespaces, fields, schema). */
const catalogRules = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

const PROFILE_KINDS = ['Component', 'System', 'API', 'Resource'];

/** The reason the catalog gives, without its pointer to the format docs. */
function catalogReason(error: unknown): string {
  return reasonOf(error).replace(
    /\s*To learn more about catalog file format.*$/s,
    '',
  );
}

/**
 * The entities of a catalog file that carry a reliability profile, read as the catalog reads
 * them: YAML errors (syntax, duplicate keys, tabs, limits) and the catalog's entity rules are
 * reported as `file:line field: reason`, and such a document is not read further.
 */
async function entitiesOf(
  file: string,
  io: Io,
): Promise<{ entities: Entity[]; problems: number }> {
  let text: string;
  try {
    text = await fs.readFile(path.resolve(file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    io.err(`${file}: cannot read the file${code ? ` (${code})` : ''}\n`);
    return { entities: [], problems: 1 };
  }
  const parsed = parseYamlFile(file, text);
  const problems = [...parsed.problems];
  const entities: Entity[] = [];
  for (const document of parsed.documents) {
    const entity = document.value as Entity;
    if (!PROFILE_KINDS.includes(entity?.kind)) continue;
    try {
      const checked = await catalogRules.enforce(entity);
      if (checked) entities.push(entity);
    } catch (error) {
      // The catalog names the field first: `"metadata.name" is not valid; …`.
      const reason = catalogReason(error);
      const named = /^"([a-zA-Z.]+)" (.*)$/s.exec(reason);
      const field = named?.[1];
      problems.push({
        ...problemAt(document, field ? field.split('.') : [], ''),
        message: named ? named[2] : reason,
      });
    }
  }
  for (const problem of problems) io.err(`${formatProblem(problem)}\n`);
  return { entities, problems: problems.length };
}

/** Where each group of the rule file being written comes from. */
interface RuleOrigin {
  file: string;
  ref: string;
}

/** What a run has found so far: problems, and (rules) the groups to write. */
interface Run {
  command: 'validate' | 'rules';
  context: DefinitionReadContext;
  io: Io;
  problems: number;
  ruleFile: PrometheusRuleFile;
  origins: RuleOrigin[];
}

const integrations = ScmIntegrations.fromConfig(new ConfigReader({}));

const SCRAPE_OPTION = '--scrape-interval=';

/** The reason of an error nobody expected, without its stack. */
const reasonOf = (error: unknown) =>
  error instanceof Error ? error.message : String(error);

/** Validates one entity of `file`, or collects its rule groups. */
async function runEntity(run: Run, file: string, entity: Entity) {
  const absolute = path.resolve(file);
  const definitions = await readEntityDefinitions(
    entity,
    `file:${absolute}`,
    run.context,
  );
  const ref = stringifyEntityRef(entity);
  run.problems += definitions.problems.length;
  const folder = path.relative(process.cwd(), path.dirname(absolute));
  for (const problem of definitions.problems) {
    run.io.err(
      `${ref}: ${formatProblem({
        ...problem,
        file: problem.file && path.join(folder, problem.file),
      })}\n`,
    );
  }
  if (run.command === 'validate') {
    if (definitions.problems.length === 0)
      run.io.out(`${ref}: ${definitions.slos.length} SLO(s) valid\n`);
    return;
  }
  const runbook = entityRunbook(entity.metadata.links);
  const { rules } = buildPrometheusRules(ref, definitions.slos, { runbook });
  run.ruleFile.groups.push(...rules.groups);
  run.origins.push(...rules.groups.map(() => ({ file, ref })));
}

/**
 * Prints the groups Prometheus would load, as one rule file, and why each other group was left
 * out; counts those as problems.
 */
function writeRules(run: Run) {
  const { rules, problems } = loadableRules(run.ruleFile);
  for (const problem of problems) {
    const { file, ref } = run.origins[problem.group];
    run.io.err(`${ref}: ${file}: ${problem.message}\n`);
  }
  run.problems += problems.length;
  if (rules.groups.length) run.io.out(prometheusRulesYaml(rules));
}

/**
 * Runs one command; returns the exit code: 1 when any definition has a problem or, for `rules`,
 * when a group would not load in Prometheus (it is then left out of the rule file printed). An
 * unexpected error is reported as `file: reason`, never as a stack trace.
 */
export async function main(
  args: string[],
  io: Io,
  options: {
    /** The files read in this run (a catalog file holding many entities is read once). */
    cache?: DefinitionFileCache;
  } = {},
): Promise<number> {
  const scrape = args.find(arg => arg.startsWith(SCRAPE_OPTION));
  const [command, ...files] = args.filter(arg => arg !== scrape);
  const scrapeIntervalMs = scrape
    ? parseDurationMs(scrape.slice(SCRAPE_OPTION.length))
    : 60_000;
  if (
    (command !== 'validate' && command !== 'rules') ||
    files.length === 0 ||
    scrapeIntervalMs === undefined
  ) {
    io.err(USAGE);
    return 2;
  }
  const run: Run = {
    command,
    context: {
      urlReader: noUrlReader,
      integrations,
      checks: { scrapeIntervalMs },
      cache: options.cache ?? new DefinitionFileCache(),
    },
    io,
    problems: 0,
    ruleFile: { groups: [] },
    origins: [],
  };
  for (const file of files) {
    const { entities, problems } = await entitiesOf(file, io);
    run.problems += problems;
    for (const entity of entities) {
      try {
        await runEntity(run, file, entity);
      } catch (error) {
        io.err(`${file}: ${reasonOf(error)}\n`);
        run.problems += 1;
      }
    }
  }
  if (command === 'rules') writeRules(run);
  return run.problems > 0 ? 1 : 0;
}
