import { parseArgs } from 'node:util';
import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { parseDurationMs } from '@reliability-suite/plugin-reliability-common';

/** A command line, read. */
export interface Options {
  command: 'validate' | 'rules';
  files: string[];
  scrapeIntervalMs: number;
  /** The levels of the organisation's tiers (`reliability.tiers`); the default tiers' without. */
  tierLevels?: number[];
  /** rules: write one file per entity into this directory. */
  outDir?: string;
  /** The entity ref the SLOs of OpenSLO files given directly belong to. */
  entity?: string;
  strict: boolean;
}

/** What the command line asks for: a run, the help, or a usage error (with its reason). */
export type ParsedCommandLine =
  | { options: Options }
  | { help: true }
  | { usageError: string };

const validators = makeValidator();

/** The entity ref of `--entity`, checked with the catalog's own rules for kinds and names. */
function entityRef(value: string): string | undefined {
  try {
    const ref = parseEntityRef(value, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
    const valid =
      validators.isValidKind(ref.kind) &&
      validators.isValidNamespace(ref.namespace) &&
      validators.isValidEntityName(ref.name);
    return valid ? stringifyEntityRef(ref) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the command line (`reliability <command> [options] <file>...`). */
export function parseCommandLine(args: string[]): ParsedCommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        'scrape-interval': { type: 'string' },
        tiers: { type: 'string' },
        'out-dir': { type: 'string' },
        entity: { type: 'string' },
        strict: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // Node's own error (another realm's Error under jest): its message, never its stack.
    const message = (error as { message?: unknown })?.message;
    return { usageError: typeof message === 'string' ? message : `${error}` };
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  const [command, ...files] = positionals;
  if (command !== 'validate' && command !== 'rules')
    return {
      usageError: command ? `unknown command "${command}"` : 'no command given',
    };
  if (files.length === 0) return { usageError: 'no file given' };
  const scrape = values['scrape-interval'];
  const scrapeIntervalMs =
    scrape === undefined ? 60_000 : parseDurationMs(scrape);
  if (scrapeIntervalMs === undefined)
    return {
      usageError: `--scrape-interval: "${scrape}" is not a duration such as 15s or 1m`,
    };
  const tiers = values.tiers;
  const tierLevels = tiers?.split(',').map(level => level.trim());
  if (tierLevels && !tierLevels.every(level => /^[0-9]{1,4}$/.test(level)))
    return {
      usageError: `--tiers: "${tiers}" is not a list of tier levels such as 0,1,2,3`,
    };
  const outDir = values['out-dir'];
  if (outDir !== undefined && (command !== 'rules' || outDir === ''))
    return {
      usageError:
        outDir === ''
          ? '--out-dir: needs a directory'
          : '--out-dir: applies to rules only',
    };
  const entity =
    values.entity === undefined ? undefined : entityRef(values.entity);
  if (values.entity !== undefined && entity === undefined)
    return {
      usageError: `--entity: "${values.entity}" is not an entity ref such as component:default/checkout`,
    };
  return {
    options: {
      command,
      files,
      scrapeIntervalMs,
      tierLevels: tierLevels?.map(Number),
      outDir,
      entity,
      strict: values.strict ?? false,
    },
  };
}
