import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  PrometheusRuleFile,
  loadableRules,
  prometheusRulesYaml,
} from '@reliability-suite/plugin-reliability-common';

type RuleGroup = PrometheusRuleFile['groups'][number];

/** Where a group of rules comes from: its entity and the file that defines it. */
interface RuleOrigin {
  ref: string;
  file: string;
}

/**
 * The name of an entity's rule file in `--out-dir`: `<kind>.<namespace>.<name>.yaml`, lower
 * case, every character but letters, digits, `-`, `_` and `.` replaced by `_`, so no ref can name
 * a path elsewhere (`/`, `..`) or a hidden file. Refs that differ only in case (the same entity to
 * the catalog) share a file.
 */
export function ruleFileName(ref: string): string {
  const { kind, namespace, name } = parseEntityRef(ref);
  const safe = (part: string) =>
    part
      .toLocaleLowerCase('en-US')
      .replace(/[^a-z0-9._-]/g, '_')
      .replace(/^\./, '_');
  return `${[kind, namespace, name].map(safe).join('.')}.yaml`;
}

/** The rule groups of a run, with where each comes from. */
export class RuleCollector {
  private readonly groups: RuleGroup[] = [];
  private readonly origins = new Map<RuleGroup, RuleOrigin>();

  add(origin: RuleOrigin, groups: RuleGroup[]) {
    for (const group of groups) {
      this.groups.push(group);
      this.origins.set(group, origin);
    }
  }

  /**
   * The groups Prometheus would load, by entity in the order added, and why each other group was
   * left out (`ref: file: group "name": field: reason`).
   */
  loadable(): { byRef: Map<string, RuleGroup[]>; problems: string[] } {
    const { rules, problems } = loadableRules({ groups: this.groups });
    const byRef = new Map<string, RuleGroup[]>();
    for (const group of rules.groups) {
      const { ref } = this.origins.get(group)!;
      byRef.set(ref, [...(byRef.get(ref) ?? []), group]);
    }
    return {
      byRef,
      problems: problems.map(problem => {
        const { ref, file } = this.origins.get(this.groups[problem.group])!;
        return `${ref}: ${file}: ${problem.message}`;
      }),
    };
  }
}

/** One rule file of all groups (`groups: []` when there are none: it still loads). */
export function singleRuleFile(byRef: Map<string, RuleGroup[]>): string {
  return prometheusRulesYaml({ groups: [...byRef.values()].flat() });
}

/**
 * Writes one rule file per entity into `dir` (created when missing); returns each entity's file,
 * or throws the reason a file could not be written.
 */
export async function writeRuleFiles(
  dir: string,
  byRef: Map<string, RuleGroup[]>,
): Promise<Array<{ ref: string; file: string }>> {
  const byFile = new Map<string, { refs: string[]; groups: RuleGroup[] }>();
  for (const [ref, groups] of byRef) {
    const name = ruleFileName(ref);
    const entry = byFile.get(name) ?? { refs: [], groups: [] };
    entry.refs.push(ref);
    entry.groups.push(...groups);
    byFile.set(name, entry);
  }
  const root = path.resolve(dir);
  const failed = (what: string, error: unknown) =>
    new Error(
      `--out-dir: cannot write ${what}${
        (error as NodeJS.ErrnoException)?.code
          ? ` (${(error as NodeJS.ErrnoException).code})`
          : ''
      }`,
    );
  try {
    await fs.mkdir(root, { recursive: true });
  } catch (error) {
    throw failed(dir, error);
  }
  const written: Array<{ ref: string; file: string }> = [];
  for (const [name, { refs, groups }] of byFile) {
    const file = path.join(root, name);
    // ruleFileName leaves no separator to lead elsewhere; this guards it.
    if (path.dirname(file) !== root)
      throw new Error(`--out-dir: refusing to write ${name} outside ${dir}`);
    try {
      await fs.writeFile(file, prometheusRulesYaml({ groups }));
    } catch (error) {
      throw failed(path.join(dir, name), error);
    }
    written.push(...refs.map(ref => ({ ref, file: path.join(dir, name) })));
  }
  return written;
}
