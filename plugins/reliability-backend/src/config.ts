import { Config } from '@backstage/config';
import {
  DEFAULT_DEPLOY_GATE_RULES,
  DEFAULT_ERROR_BUDGET_POLICY,
  DeployGateRules,
  UnmeasurableChoice,
  EntityReliabilitySettings,
  ErrorBudgetPolicy,
  PolicyLevel,
  DEFAULT_READINESS_ITEMS,
  ReadinessItem,
  PagingLinkTemplates,
  TierDefinition,
} from '@reliability-suite/plugin-reliability-common';
import { readTiers } from './tiersConfig';

/** The backend's settings, read once at start-up (see config.d.ts). */
export interface ReliabilitySettings {
  tiers: ReadonlyArray<TierDefinition>;
  paging: PagingLinkTemplates;
  refreshIntervalMinutes: number;
  concurrency: number;
  evaluationIntervalMinutes: number;
  /** SLOs measured at once, at one query time, so that their counts are batched. */
  evaluationConcurrency: number;
  /** The readiness checklist: defaults, with configured items added or replacing by id. */
  readinessItems: ReadinessItem[];
  /** The four-eyes rule of launch reviews: opener and attesters may not approve. Default on. */
  readinessFourEyes: boolean;
  /** The reviewers group, when `readiness.reviewersGroupDecides`: it decides any review. */
  readinessReviewersGroupDecides?: string;
  scrapeIntervalSeconds: number;
  policy: PolicySettings;
  deployGate: DeployGateSettings;
  /** Days before today whose missing scorecard snapshots are measured afterwards. */
  scorecardBackfillDays: number;
  /** How long a metric source's alert audit stands before its loaded rules are read again. */
  alertAuditIntervalMinutes: number;
  /** The pipeline's cycle (see config.d.ts `reliability.pipeline`). */
  pipeline: {
    /** A cycle is stopped after this long; the next resumes with the oldest evaluations. */
    timeoutMinutes: number;
    /** Longest wait for the catalog's first processing before the first cycle. */
    catalogMaxWaitMinutes: number;
    /** How long the catalog's entity count must stay the same to count as loaded. */
    catalogQuietSeconds: number;
  };
}

export function readReliabilitySettings(config: Config): ReliabilitySettings {
  const root = config.getOptionalConfig('reliability');
  return {
    tiers: readTiers(config),
    paging: {
      pagerDutyService: root?.getOptionalString('onCall.pagerDutyServiceUrl'),
      opsgenieTeam: root?.getOptionalString('onCall.opsgenieTeamUrl'),
    },
    refreshIntervalMinutes: positive(
      root,
      'definitions.refreshIntervalMinutes',
      5,
    ),
    concurrency: root?.getOptionalNumber('definitions.concurrency') ?? 4,
    evaluationIntervalMinutes: positive(root, 'evaluation.intervalMinutes', 5),
    evaluationConcurrency: positive(root, 'evaluation.concurrency', 1000),
    scrapeIntervalSeconds:
      root?.getOptionalNumber('evaluation.scrapeIntervalSeconds') ?? 60,
    policy: readPolicySettings(config),
    deployGate: readDeployGateSettings(config),
    scorecardBackfillDays:
      root?.getOptionalNumber('scorecard.backfillDays') ?? 0,
    alertAuditIntervalMinutes: atLeastZero(
      root,
      'alertAudit.intervalMinutes',
      10,
    ),
    pipeline: {
      timeoutMinutes: positive(root, 'pipeline.timeoutMinutes', 10),
      catalogMaxWaitMinutes: atLeastZero(
        root,
        'pipeline.startup.catalogMaxWaitMinutes',
        10,
      ),
      catalogQuietSeconds: atLeastZero(
        root,
        'pipeline.startup.catalogQuietSeconds',
        15,
      ),
    },
    readinessItems: readReadinessItems(config),
    readinessFourEyes: root?.getOptionalBoolean('readiness.fourEyes') ?? true,
    readinessReviewersGroupDecides: root?.getOptionalBoolean(
      'readiness.reviewersGroupDecides',
    )
      ? root?.getOptionalString('permissions.reviewersGroup') ??
        'group:default/sre'
      : undefined,
  };
}

/** A number setting that must be above 0 (an interval or a timeout), with a clear start-up error. */
function positive(root: Config | undefined, key: string, fallback: number) {
  const value = root?.getOptionalNumber(key) ?? fallback;
  if (!(value > 0))
    throw new Error(`reliability.${key} must be above 0, got ${value}`);
  return value;
}

/** A number setting that may be 0 (a wait), with a clear start-up error. */
function atLeastZero(root: Config | undefined, key: string, fallback: number) {
  const value = root?.getOptionalNumber(key) ?? fallback;
  if (!(value >= 0))
    throw new Error(`reliability.${key} must be 0 or more, got ${value}`);
  return value;
}

/** Error-budget policies by name ("default" always exists) and which one each tier uses. */
export interface PolicySettings {
  policies: Record<string, ErrorBudgetPolicy>;
  byTier: Record<number, string>;
}

function readPolicyLevel(
  config: Config | undefined,
  base: PolicyLevel,
): PolicyLevel {
  if (!config) return base;
  return {
    minRemaining: config.getOptionalNumber('minRemaining') ?? base.minRemaining,
    maxDeploysPerDay:
      config.getOptionalNumber('maxDeploysPerDay') ?? base.maxDeploysPerDay,
    deployAllowed:
      config.getOptionalBoolean('deployAllowed') ?? base.deployAllowed,
    riskLevel:
      (config.getOptionalString('riskLevel') as PolicyLevel['riskLevel']) ??
      base.riskLevel,
    summary: config.getOptionalString('summary') ?? base.summary,
    actions: config.getOptionalStringArray('actions') ?? base.actions,
  };
}

function readPolicy(
  config: Config | undefined,
  base: ErrorBudgetPolicy,
): ErrorBudgetPolicy {
  if (!config) return base;
  return {
    green: readPolicyLevel(config.getOptionalConfig('green'), base.green),
    yellow: readPolicyLevel(config.getOptionalConfig('yellow'), base.yellow),
    red: readPolicyLevel(config.getOptionalConfig('red'), base.red),
    warningAt: config.getOptionalNumber('warningAt') ?? base.warningAt,
    criticalAt: config.getOptionalNumber('criticalAt') ?? base.criticalAt,
  };
}

function readPolicySettings(config: Config): PolicySettings {
  const section = config.getOptionalConfig('reliability.errorBudgetPolicies');
  const base = readPolicy(
    section?.getOptionalConfig('default'),
    DEFAULT_ERROR_BUDGET_POLICY,
  );
  const policies: Record<string, ErrorBudgetPolicy> = { default: base };
  for (const name of section?.keys() ?? []) {
    if (name !== 'default')
      policies[name] = readPolicy(section!.getConfig(name), base);
  }
  const byTier = byTierLevel(
    config,
    'reliability.errorBudgetPolicyByTier',
    (name, key) => {
      if (typeof name !== 'string' || !policies[name])
        throw new Error(
          `${key} must name a policy of reliability.errorBudgetPolicies (${Object.keys(
            policies,
          ).join(', ')}), got ${JSON.stringify(name)}`,
        );
      return name;
    },
  );
  return { policies, byTier };
}

/** The policy of an entity: its own (annotation), else its tier's, else the default. */
export function policyFor(
  settings: PolicySettings,
  entity: EntityReliabilitySettings,
): ErrorBudgetPolicy {
  const name =
    entity.errorBudgetPolicy ??
    (entity.tierLevel === undefined
      ? undefined
      : settings.byTier[entity.tierLevel]);
  return (name && settings.policies[name]) || settings.policies.default;
}

/** How the deploy gate treats SLOs it cannot measure (`reliability.deployGate`). */
export interface DeployGateSettings {
  onDefinitionProblem: UnmeasurableChoice;
  onUnmeasurable: UnmeasurableChoice;
  onUnmeasurableByTier: Record<number, UnmeasurableChoice>;
}

/**
 * A setting per tier level, `{ '0': value }`. Read as plain data: Backstage config keys must start
 * with a letter, so `getString('0')` would throw.
 */
function byTierLevel<T>(
  config: Config,
  path: string,
  check: (value: unknown, key: string) => T,
): Record<number, T> {
  const section = config.getOptional<Record<string, unknown>>(path) ?? {};
  const byTier: Record<number, T> = {};
  for (const [tier, value] of Object.entries(section)) {
    if (!/^[0-9]+$/.test(tier))
      throw new Error(
        `${path} keys must be tier levels such as "0", got "${tier}"`,
      );
    byTier[Number(tier)] = check(value, `${path}.${tier}`);
  }
  return byTier;
}

function checkChoice(value: unknown, key: string): UnmeasurableChoice {
  if (value !== 'allow' && value !== 'refuse')
    throw new Error(
      `${key} must be allow or refuse, got ${JSON.stringify(value)}`,
    );
  return value;
}

function readChoice(
  config: Config | undefined,
  key: string,
  fallback: UnmeasurableChoice,
): UnmeasurableChoice {
  const value = config?.getOptional(key);
  return value === undefined
    ? fallback
    : checkChoice(value, `reliability.deployGate.${key}`);
}

function readDeployGateSettings(config: Config): DeployGateSettings {
  const section = config.getOptionalConfig('reliability.deployGate');
  const onUnmeasurableByTier = byTierLevel(
    config,
    'reliability.deployGate.onUnmeasurableByTier',
    checkChoice,
  );
  return {
    onDefinitionProblem: readChoice(
      section,
      'onDefinitionProblem',
      DEFAULT_DEPLOY_GATE_RULES.onDefinitionProblem,
    ),
    onUnmeasurable: readChoice(
      section,
      'onUnmeasurable',
      DEFAULT_DEPLOY_GATE_RULES.onUnmeasurable,
    ),
    onUnmeasurableByTier,
  };
}

/** The gate's rules for an entity: its tier's choice for unmeasurable SLOs, else the default. */
export function deployGateRulesFor(
  settings: DeployGateSettings,
  entity: EntityReliabilitySettings,
): DeployGateRules {
  return {
    onDefinitionProblem: settings.onDefinitionProblem,
    onUnmeasurable:
      (entity.tierLevel !== undefined &&
        settings.onUnmeasurableByTier[entity.tierLevel]) ||
      settings.onUnmeasurable,
  };
}

/** Default launch gates plus the organisation's own (`reliability.readiness.items`), by id. */
function readReadinessItems(config: Config): ReadinessItem[] {
  const items = new Map(DEFAULT_READINESS_ITEMS.map(item => [item.id, item]));
  for (const item of config.getOptionalConfigArray(
    'reliability.readiness.items',
  ) ?? []) {
    const id = item.getString('id');
    items.set(id, {
      id,
      title: item.getString('title'),
      description: item.getOptionalString('description') ?? '',
      kind: item.getString('kind') as ReadinessItem['kind'],
      requiredForTiers: item.getOptional<number[]>('requiredForTiers') ?? [],
    });
  }
  return [...items.values()];
}
