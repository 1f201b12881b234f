import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import {
  buildPrometheusRules,
  formatProblem,
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

/** Runs one command; returns the exit code (1 when any definition has a problem). */
export async function main(args: string[], io: Io): Promise<number> {
  const [command, ...files] = args;
  if (!['validate', 'rules'].includes(command) || files.length === 0) {
    io.err(USAGE);
    return 2;
  }
  const context = {
    urlReader: noUrlReader,
    integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
  };
  let problems = 0;
  for (const file of files) {
    const absolute = path.resolve(file);
    let entities: Entity[];
    try {
      entities = await entitiesOf(absolute);
    } catch (error) {
      io.err(`${file}: ${(error as Error).message}\n`);
      problems += 1;
      continue;
    }
    for (const entity of entities) {
      const definitions = await readEntityDefinitions(
        entity,
        `file:${absolute}`,
        context,
      );
      const ref = stringifyEntityRef(entity);
      problems += definitions.problems.length;
      const folder = path.relative(process.cwd(), path.dirname(absolute));
      for (const problem of definitions.problems) {
        io.err(
          `${ref}: ${formatProblem({
            ...problem,
            file: problem.file && path.join(folder, problem.file),
          })}\n`,
        );
      }
      if (command === 'validate') {
        if (definitions.problems.length === 0)
          io.out(`${ref}: ${definitions.slos.length} SLO(s) valid\n`);
      } else {
        const runbook = entity.metadata.links?.find(
          link => link.type === 'runbook',
        )?.url;
        const { rules } = buildPrometheusRules(ref, definitions.slos, {
          runbook,
        });
        if (rules.groups.length) io.out(prometheusRulesYaml(rules));
      }
    }
  }
  return problems > 0 ? 1 : 0;
}
