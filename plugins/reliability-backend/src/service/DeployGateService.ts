import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  DeployGateDecision,
  DeployGateOverride,
  decideDeployGate,
  deployGateOverridePermission,
} from '@reliability-suite/plugin-reliability-common';
import {
  DeployGateSettings,
  PolicySettings,
  deployGateRulesFor,
  policyFor,
} from '../config';
import { OverrideStore } from '../store/OverrideStore';
import { StatusStore } from '../store/StatusStore';
import { EntityAccess } from './EntityAccess';
import { StoredDefinitionsReader } from './StoredDefinitionsReader';

/** How many overrides the history of an entity lists, newest first. */
export const OVERRIDE_HISTORY_LIMIT = 50;

/** The deploy gate for CI, answered from the store. */
export class DeployGateService {
  constructor(
    private readonly deps: {
      access: EntityAccess;
      definitions: StoredDefinitionsReader;
      statuses: StatusStore;
      overrides: OverrideStore;
      policies: PolicySettings;
      gate: DeployGateSettings;
      /** How often SLOs are evaluated: figures older than two intervals are stale. */
      evaluationIntervalMs: number;
    },
  ) {}

  async decide(
    entityRef: string,
    credentials: BackstageCredentials,
    now = Date.now(),
  ): Promise<DeployGateDecision> {
    const entity = await this.deps.access.visibleEntity(entityRef, credentials);
    const ref = stringifyEntityRef(entity);
    const [{ stored, pending }, statuses, override] = await Promise.all([
      this.deps.definitions.of(entity),
      this.deps.statuses.forEntity(ref),
      this.deps.overrides.active(ref, now),
    ]);
    const slos = (stored?.slos ?? []).map(
      slo =>
        statuses.get(slo.name) ?? {
          sloName: slo.name,
          state: 'pending' as const,
        },
    );
    const settings = stored?.settings ?? { sloFilePatterns: [] };
    return decideDeployGate({
      entityRef: ref,
      statuses: slos,
      policy: policyFor(this.deps.policies, settings),
      override: override && {
        reason: override.reason,
        createdBy: override.createdBy,
        createdAt: override.createdAt,
        expiresAt: override.expiresAt,
      },
      problems: stored?.problems ?? [],
      definitionsPending: pending,
      rules: deployGateRulesFor(this.deps.gate, settings),
      now,
      evaluationIntervalMs: this.deps.evaluationIntervalMs,
    });
  }

  /**
   * The entity's overrides, newest first, each marked whether it is in force now; for anyone
   * who may see the entity.
   */
  async overrideHistory(
    entityRef: string,
    credentials: BackstageCredentials,
    now = Date.now(),
  ): Promise<DeployGateOverride[]> {
    const entity = await this.deps.access.visibleEntity(entityRef, credentials);
    const overrides = await this.deps.overrides.forEntity(
      stringifyEntityRef(entity),
      OVERRIDE_HISTORY_LIMIT,
    );
    return overrides.map(({ id, reason, createdBy, createdAt, expiresAt }) => ({
      id,
      reason,
      createdBy,
      createdAt,
      expiresAt,
      active: createdAt <= now && now < expiresAt,
    }));
  }

  /** Records an emergency override (permission `reliability.deploygate.override`). */
  async override(
    request: { entityRef: string; reason: string; durationMinutes: number },
    credentials: BackstageCredentials<{ type: 'user'; userEntityRef: string }>,
    now = Date.now(),
  ): Promise<DeployGateDecision> {
    const ref = stringifyEntityRef(
      await this.deps.access.visibleEntity(request.entityRef, credentials),
    );
    await this.deps.access.authorize(
      deployGateOverridePermission,
      ref,
      credentials,
    );
    await this.deps.overrides.add({
      entityRef: ref,
      reason: request.reason,
      createdBy: credentials.principal.userEntityRef,
      createdAt: now,
      expiresAt: now + request.durationMinutes * 60_000,
    });
    return this.decide(ref, credentials, now);
  }
}
