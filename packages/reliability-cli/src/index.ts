import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import {
  PrometheusRuleFile,
  buildPrometheusRules,
  formatProblem,
  loadableRules,
  prometheusRulesYaml,
} from '@reliability-suite/plugin-reliability-common';
import { readEntityDefinitions } from '@reliability-suite/plugin-reliability-node';
import { parseAllDocuments } from 'yaml';

/** Where the CLI writes. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `Usage:
  reliability validate <catalog-info.yaml>...   check tiers, annotations, inline SLOs and OpenSLO files
  reliability rules <catalog-info.yaml>...      print Prometheus recording and alerting rules
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

async function entitiesOf(file: string): Promise<Entity[]> {
  const documents = parseAllDocuments(await fs.readFile(file, 'utf8'));
  return documents
    .map(doc => doc.toJS() as Entity)
    .filter(
      entity =>
        entity?.kind &&
        ['Component', 'System', 'API', 'Resource'].includes(entity.kind),
    );
}

/** Where each group of the rule file being written comes from. */
interface RuleOrigin {
  file: string;
  ref: string;
}

/** What a run has found so far: problems, and (rules) the groups to write. */
interface Run {
  command: 'validate' | 'rules';
  io: Io;
  problems: number;
  ruleFile: PrometheusRuleFile;
  origins: RuleOrigin[];
}

const context = {
  urlReader: noUrlReader,
  integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
};

/** The reason of an error nobody expected, without its stack. */
const reasonOf = (error: unknown) =>
  error instanceof Error ? error.message : String(error);

/** Validates one entity of `file`, or collects its rule groups. */
async function runEntity(run: Run, file: string, entity: Entity) {
  const absolute = path.resolve(file);
  const definitions = await readEntityDefinitions(
    entity,
    `file:${absolute}`,
    context,
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
  const runbook = entity.metadata.links?.find(
    link => link.type === 'runbook',
  )?.url;
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
export async function main(args: string[], io: Io): Promise<number> {
  const [command, ...files] = args;
  if ((command !== 'validate' && command !== 'rules') || files.length === 0) {
    io.err(USAGE);
    return 2;
  }
  const run: Run = {
    command,
    io,
    problems: 0,
    ruleFile: { groups: [] },
    origins: [],
  };
  for (const file of files) {
    let entities: Entity[] = [];
    try {
      entities = await entitiesOf(path.resolve(file));
    } catch (error) {
      io.err(`${file}: ${reasonOf(error)}\n`);
      run.problems += 1;
    }
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
