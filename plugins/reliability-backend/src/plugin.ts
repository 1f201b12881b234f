import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  BUILT_IN_CHECKS,
  ReadinessItem,
  criticalTierLevels,
  reliabilityPermissions,
} from '@reliability-suite/plugin-reliability-common';
import {
  ReadinessCheck,
  readinessChecksExtensionPoint,
  definitionFileCacheServiceRef,
  reliabilityEntityResourceRef,
  reliabilityPermissionRules,
} from '@reliability-suite/plugin-reliability-node';
import { ReadinessService } from './service/ReadinessService';
import { ReviewQueueService } from './service/ReviewQueueService';
import { ReadinessStore } from './store/ReadinessStore';
import { policyFor, readReliabilitySettings } from './config';
import { MetricSourceRegistry } from './evaluation/metricSources';
import { SloEvaluator } from './evaluation/SloEvaluator';
import { createRouter } from './router/createRouter';
import { DeployGateService } from './service/DeployGateService';
import { EntityAccess } from './service/EntityAccess';
import { ProfileService } from './service/ProfileService';
import { cycleIntervalMinutes } from './cycleInterval';
import { RulesService } from './service/RulesService';
import { SloService } from './service/SloService';
import { DefinitionsStore, migratedClient } from './store/DefinitionsStore';
import { OverrideStore } from './store/OverrideStore';
import { StatusStore } from './store/StatusStore';
import { AlertAuditStore } from './store/AlertAuditStore';
import { AlertAuditor } from './audit/AlertAuditor';
import { AlertAuditService } from './service/AlertAuditService';
import { DefinitionsSync } from './sync/DefinitionsSync';
import { ScorecardProjector } from './scorecard/ScorecardProjector';
import { ScorecardService } from './scorecard/ScorecardService';
import { ScorecardStore } from './store/ScorecardStore';
import { PipelineStore } from './store/PipelineStore';
import {
  CatalogReadiness,
  configuredLocations,
} from './pipeline/CatalogReadiness';
import {
  PIPELINE_TASK_ID,
  ReliabilityPipeline,
} from './pipeline/ReliabilityPipeline';
import { startPipelineWhenCatalogLoaded } from './pipeline/startPipeline';
import { StoredDefinitionsReader } from './service/StoredDefinitionsReader';
import { allNotifiers } from './notifications/allNotifiers';
import { readNotificationSettings } from './notifications/notificationSettings';
import { ReminderNotifier } from './notifications/ReminderNotifier';
import { ReviewNotifier } from './notifications/ReviewNotifier';
import { SloNotifier } from './notifications/SloNotifier';
import { NotificationStateStore } from './store/NotificationStateStore';
import { SharedReads } from './pipeline/SharedReads';

/** The Reliability Suite backend, mounted at /api/reliability. */
export const reliabilityPlugin = createBackendPlugin({
  pluginId: 'reliability',
  register(env) {
    const extraChecks: Record<string, ReadinessCheck> = {};
    const extraItems: ReadinessItem[] = [];
    env.registerExtensionPoint(readinessChecksExtensionPoint, {
      addAutomaticItem(item, check) {
        extraItems.push({ ...item, kind: 'automatic' });
        extraChecks[item.id] = check;
      },
    });
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        notifications: notificationService,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        userInfo: coreServices.userInfo,
        definitionFiles: definitionFileCacheServiceRef,
      },
      async init(deps) {
        const {
          auth,
          catalog,
          config,
          database,
          httpAuth,
          httpRouter,
          lifecycle,
          logger,
          scheduler,
          urlReader,
        } = deps;
        const settings = readReliabilitySettings(config);
        deps.permissionsRegistry.addResourceType({
          resourceRef: reliabilityEntityResourceRef,
          permissions: reliabilityPermissions,
          rules: reliabilityPermissionRules,
          getResources: async refs => {
            const { items } = await catalog.getEntitiesByRefs(
              { entityRefs: refs },
              { credentials: await auth.getOwnServiceCredentials() },
            );
            return items.map(item => item ?? undefined);
          },
        });
        const db = await migratedClient(database);
        const definitions = new DefinitionsStore(db);
        const statuses = new StatusStore(db);
        const access = new EntityAccess({
          catalog,
          permissions: deps.permissions,
        });
        const sync = new DefinitionsSync({
          catalog,
          auth,
          store: definitions,
          logger,
          readContext: {
            urlReader,
            integrations: ScmIntegrations.fromConfig(config),
            cache: deps.definitionFiles,
            checks: {
              scrapeIntervalMs: settings.scrapeIntervalSeconds * 1000,
              tierLevels: settings.tiers.map(t => t.level),
            },
          },
          concurrency: settings.concurrency,
        });
        const metricSources = MetricSourceRegistry.fromConfig(config, logger);
        const evaluator = new SloEvaluator({
          definitions,
          statuses,
          sources: metricSources,
          logger,
          options: {
            scrapeIntervalMs: settings.scrapeIntervalSeconds * 1000,
            historyPoints: 120,
          },
          policyFor: entity => policyFor(settings.policy, entity),
          concurrency: settings.evaluationConcurrency,
        });
        const readinessItems = [
          ...settings.readinessItems.filter(
            item => !extraItems.some(extra => extra.id === item.id),
          ),
          ...extraItems,
        ];
        const checklist = {
          items: readinessItems,
          checks: { ...BUILT_IN_CHECKS, ...extraChecks },
        };
        const readinessStore = new ReadinessStore(db);
        const alertAudits = new AlertAuditStore(db);
        const scorecardStore = new ScorecardStore(db, {
          criticalTiers: criticalTierLevels(settings.tiers),
          evaluationIntervalMs: settings.evaluationIntervalMinutes * 60_000,
        });
        const sharedReads = new SharedReads({ definitions, statuses });
        const projector = new ScorecardProjector({
          catalog,
          auth,
          logger,
          definitions: sharedReads.definitions,
          statuses: sharedReads.statuses,
          readiness: readinessStore,
          scorecard: scorecardStore,
          tiers: settings.tiers,
          paging: settings.paging,
          checklist,
          alertAudits,
        });
        const catalogReadiness = new CatalogReadiness({
          catalog,
          auth,
          logger,
          locations: configuredLocations(config),
          quietMs: settings.pipeline.catalogQuietSeconds * 1000,
          maxWaitMs: settings.pipeline.catalogMaxWaitMinutes * 60_000,
        });
        const notificationSettings = readNotificationSettings(config);
        const pipeline = new ReliabilityPipeline({
          sync,
          evaluator,
          projector,
          auditor: new AlertAuditor({
            definitions,
            sources: metricSources,
            store: alertAudits,
            intervalMs: settings.alertAuditIntervalMinutes * 60_000,
          }),
          notifier: allNotifiers([
            new SloNotifier({
              statuses: sharedReads.statuses,
              definitions: sharedReads.definitions,
              state: new NotificationStateStore(db),
              catalog,
              auth,
              notifications: deps.notifications,
              logger,
              settings: notificationSettings,
              policyFor: entity => policyFor(settings.policy, entity),
            }),
            new ReminderNotifier({
              readiness: readinessStore,
              definitions,
              state: new NotificationStateStore(db),
              catalog,
              auth,
              notifications: deps.notifications,
              logger,
              settings: notificationSettings,
              tiers: settings.tiers,
              checklist: readinessItems,
            }),
          ]),
          statuses,
          sharedReads,
          store: new PipelineStore(db),
          catalog: catalogReadiness,
          logger,
          settings: {
            refreshIntervalMs: settings.refreshIntervalMinutes * 60_000,
            evaluationIntervalMs: settings.evaluationIntervalMinutes * 60_000,
            backfillDays: settings.scorecardBackfillDays,
          },
        });
        startPipelineWhenCatalogLoaded({
          lifecycle,
          scheduler,
          logger,
          catalog: catalogReadiness,
          task: {
            id: PIPELINE_TASK_ID,
            scope: 'global',
            frequency: { minutes: cycleIntervalMinutes(settings) },
            timeout: { minutes: settings.pipeline.timeoutMinutes },
            fn: signal => pipeline.runCycle(signal).then(() => undefined),
          },
        });
        const stored = new StoredDefinitionsReader(definitions);
        const profiles = new ProfileService({
          catalog,
          access,
          definitions: stored,
          settings,
          auth: deps.auth,
        });
        httpRouter.use(
          createRouter({
            readiness: new ReadinessService({
              access,
              catalog,
              profiles,
              statuses,
              store: readinessStore,
              checklist,
              fourEyes: settings.readinessFourEyes,
              userInfo: deps.userInfo,
              reviewersGroupDecides: settings.readinessReviewersGroupDecides,
              scorecard: scorecardStore,
              alertAudits,
              notifier: new ReviewNotifier({
                notifications: deps.notifications,
                logger,
                settings: notificationSettings,
              }),
            }),
            reviewQueue: new ReviewQueueService({
              store: readinessStore,
              catalog,
              permissions: deps.permissions,
              userInfo: deps.userInfo,
            }),
            scorecard: new ScorecardService({
              store: scorecardStore,
              readiness: readinessStore,
              catalog,
              permissions: deps.permissions,
              tiers: settings.tiers,
              evaluationIntervalMs: settings.evaluationIntervalMinutes * 60_000,
            }),
            tiers: settings.tiers,
            httpAuth,
            profiles,
            slos: new SloService({
              access,
              definitions: stored,
              sync,
              statuses,
              evaluator,
              policies: settings.policy,
              evaluationIntervalMs: settings.evaluationIntervalMinutes * 60_000,
            }),
            rules: new RulesService({ access, definitions: stored }),
            alerts: new AlertAuditService({ access, store: alertAudits }),
            deployGate: new DeployGateService({
              access,
              definitions: stored,
              statuses,
              overrides: new OverrideStore(db),
              policies: settings.policy,
              gate: settings.deployGate,
              evaluationIntervalMs: settings.evaluationIntervalMinutes * 60_000,
            }),
          }),
        );
      },
    });
  },
});
