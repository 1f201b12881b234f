import path from 'node:path';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import {
  SloDefinition,
  SourceFile,
  buildPrometheusRules,
  entityRunbook,
  formatProblem,
  isRuleExportable,
  parseOpenSloFiles,
} from '@reliability-suite/plugin-reliability-common';
import {
  DefinitionFileCache,
  DefinitionReadContext,
  readEntityDefinitions,
} from '@reliability-suite/plugin-reliability-node';
import { checkedEntity, reasonOf } from './catalogEntities';
import { CatalogInput, readInputFile } from './inputFile';
import { Options, parseCommandLine } from './options';
import { Io, Report } from './report';
import { RuleCollector, singleRuleFile, writeRuleFiles } from './ruleFiles';
import { ruleSkipReason, skippedSloLine } from './skippedSlos';
import { EXIT, USAGE } from './usage';

export type { Io } from './report';
export { EXIT } from './usage';

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

const integrations = ScmIntegrations.fromConfig(new ConfigReader({}));

/** Why the SLOs of OpenSLO files given alone have no rules without --entity. */
const NO_ENTITY =
  'no entity to label its rules with: give --entity=<kind:namespace/name>';

/** One run of a command. */
interface Run {
  options: Options;
  /** The directory relative paths are read from, and files are named relative to. */
  cwd: string;
  context: DefinitionReadContext;
  report: Report;
  rules: RuleCollector;
}

/**
 * The rules of an entity's valid SLOs, added to the run's; each SLO they leave out is reported
 * with the reason. `fileOf` names an SLO's file as the user reads it, `origin` the file named on
 * the command line that its rules come from.
 */
function collectRules(
  run: Run,
  ref: string | undefined,
  slos: SloDefinition[],
  where: {
    fileOf: (slo: SloDefinition) => string;
    origin: (slo: SloDefinition) => string;
    runbook?: string;
  },
) {
  const { fileOf, origin, runbook } = where;
  const rules = run.options.command === 'rules';
  for (const slo of slos) {
    const reason = !isRuleExportable(slo)
      ? ruleSkipReason(slo)
      : rules && ref === undefined && NO_ENTITY;
    if (reason) {
      const line = skippedSloLine(slo, fileOf(slo), reason);
      run.report.skip(ref ? `${ref}: ${line}` : line);
    } else if (rules && ref) {
      const built = buildPrometheusRules(ref, [slo], { runbook });
      run.rules.add({ ref, file: origin(slo) }, built.rules.groups);
    }
  }
}

/** Validates one entity of a catalog file (`display`, at `absolute`), or collects its rules. */
async function runEntity(
  run: Run,
  display: string,
  absolute: string,
  entity: Entity,
) {
  const definitions = await readEntityDefinitions(
    entity,
    `file:${absolute}`,
    run.context,
  );
  const ref = stringifyEntityRef(entity);
  const folder = path.relative(run.cwd, path.dirname(absolute));
  const named = (file: string) => (file ? path.join(folder, file) : file);
  for (const problem of definitions.problems) {
    run.report.problem(
      `${ref}: ${formatProblem({ ...problem, file: named(problem.file) })}`,
    );
  }
  if (run.options.command === 'validate' && definitions.problems.length === 0)
    run.report.io.out(`${ref}: ${definitions.slos.length} SLO(s) valid\n`);
  collectRules(run, ref, definitions.slos, {
    fileOf: slo => named(slo.source.file),
    origin: () => display,
    runbook: entityRunbook(entity.metadata.links),
  });
}

/** Reads a catalog file named on the command line and runs each of its profile entities. */
async function runCatalogFile(
  run: Run,
  display: string,
  absolute: string,
  input: CatalogInput,
) {
  const problems = [...input.problems];
  const entities: Entity[] = [];
  for (const { document, entity } of input.entities) {
    const checked = await checkedEntity(document, entity);
    if (checked.problem) problems.push(checked.problem);
    if (checked.entity) entities.push(checked.entity);
  }
  for (const problem of problems) run.report.problem(formatProblem(problem));
  for (const entity of entities) {
    try {
      await runEntity(run, display, absolute, entity);
    } catch (error) {
      // Reported as `file: reason`, never with a stack trace; the next entity is still read.
      run.report.problem(`${display}: ${reasonOf(error)}`);
    }
  }
}

/** The OpenSLO files named on the command line, read together (an SLO may use another's SLI). */
function runOpenSloFiles(run: Run, files: SourceFile[]) {
  if (files.length === 0) return;
  const { slos, problems } = parseOpenSloFiles(files, {
    scrapeIntervalMs: run.options.scrapeIntervalMs,
  });
  for (const problem of problems) run.report.problem(formatProblem(problem));
  if (run.options.command === 'validate') {
    for (const file of files) {
      if (problems.some(problem => problem.file === file.path)) continue;
      const count = slos.filter(slo => slo.source.file === file.path).length;
      run.report.io.out(`${file.path}: ${count} SLO(s) valid\n`);
    }
  }
  collectRules(run, run.options.entity, slos, {
    fileOf: slo => slo.source.file,
    origin: slo => slo.source.file,
  });
}

/** Prints the rule file, or writes one per entity into --out-dir. */
async function writeRules(run: Run) {
  const { byRef, problems } = run.rules.loadable();
  for (const problem of problems) run.report.problem(problem);
  const outDir = run.options.outDir;
  if (outDir === undefined) {
    run.report.io.out(singleRuleFile(byRef));
    return;
  }
  try {
    const written = await writeRuleFiles(path.resolve(run.cwd, outDir), byRef);
    for (const { ref, file } of written)
      run.report.io.out(`${ref}: ${path.join(outDir, path.basename(file))}\n`);
  } catch (error) {
    run.report.usage(reasonOf(error));
  }
}

/**
 * Runs one command line; returns the exit code (`EXIT`, listed in `--help`). Problems, skipped
 * SLOs and unexpected errors are reported on `io.err` as `file:line field: reason`, never as a
 * stack trace.
 */
export async function main(
  args: string[],
  io: Io,
  options: {
    /** The files read in this run (a catalog file holding many entities is read once). */
    cache?: DefinitionFileCache;
    /** Where relative paths are read from; the process's working directory by default. */
    cwd?: string;
  } = {},
): Promise<number> {
  const commandLine = parseCommandLine(args);
  if ('help' in commandLine) {
    io.out(USAGE);
    return EXIT.ok;
  }
  if ('usageError' in commandLine) {
    io.err(`reliability: ${commandLine.usageError}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const cwd = options.cwd ?? process.cwd();
  const run: Run = {
    options: commandLine.options,
    cwd,
    context: {
      urlReader: noUrlReader,
      integrations,
      checks: {
        scrapeIntervalMs: commandLine.options.scrapeIntervalMs,
        tierLevels: commandLine.options.tierLevels,
      },
      cache: options.cache ?? new DefinitionFileCache(),
    },
    report: new Report(io),
    rules: new RuleCollector(),
  };
  const openSloFiles: SourceFile[] = [];
  for (const file of run.options.files) {
    const absolute = path.resolve(cwd, file);
    const input = await readInputFile(file, absolute);
    if (input.type === 'unreadable')
      run.report.usage(`${file}: ${input.reason}`);
    else if (input.type === 'openslo') openSloFiles.push(input.source);
    else await runCatalogFile(run, file, absolute, input);
  }
  runOpenSloFiles(run, openSloFiles);
  if (run.options.command === 'rules') await writeRules(run);
  return run.report.exitCode(run.options.strict);
}
