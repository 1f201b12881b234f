import request from 'supertest';
import { DateTime } from 'luxon';
import { JsonObject } from '@backstage/config';
import {
  SchedulerService,
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isPermission,
} from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import permissionPlugin from '@backstage/plugin-permission-backend';
import catalogModuleReliability from '@reliability-suite/plugin-catalog-backend-module-reliability';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- test code only: the policy is tested end to end against the backend plugin whose routes it guards
import reliabilityPlugin from '@reliability-suite/plugin-reliability-backend';
import {
  ReliabilityPolicy,
  readReliabilityPolicyGroups,
} from '../ReliabilityPolicy';
import { authKeepingActorFactory, userInfoFactory } from './authServices';

/** The demo's policy, with catalog reads of confidential entities limited to their owners. */
const testPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'test-policy',
  register(env) {
    env.registerInit({
      deps: { config: coreServices.rootConfig, policy: policyExtensionPoint },
      async init({ config, policy }) {
        policy.setPolicy(
          new ReliabilityPolicy({
            ...readReliabilityPolicyGroups(config),
            otherwise: {
              async handle(query, user) {
                if (
                  !isPermission(query.permission, catalogEntityReadPermission)
                ) {
                  return { result: AuthorizeResult.ALLOW };
                }
                return createCatalogConditionalDecision(query.permission, {
                  anyOf: [
                    {
                      not: catalogConditions.hasLabel({
                        label: 'confidential',
                      }),
                    },
                    catalogConditions.isEntityOwner({
                      claims: user?.info.ownershipEntityRefs ?? [],
                    }),
                  ],
                });
              },
            },
          }),
        );
      },
    });
  },
});

/** A Component of the payments team with one inline SLO; `extra` is indented metadata. */
export const paymentsComponent = (name: string, extra: string) => `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
${extra}
spec:
  type: service
  lifecycle: production
  owner: payments
  reliability:
    slos:
      - name: availability
        objective: 99.9%
        window: 30d
        good: http_requests_total{job="${name}",code!~"5.."}
        total: http_requests_total{job="${name}"}
`;

/** The payments team, paged through PagerDuty. */
export const paymentsGroup = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: payments
  annotations:
    pagerduty.com/service-id: PGRP001
spec:
  type: team
  children: []`;

/** The reviewers (SRE) and waiver approvers (SRE leads) groups, which reviews may name. */
export const sreGroups = ['sre', 'sre-leads']
  .map(
    name => `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: ${name}
spec:
  type: team
  children: []`,
  )
  .join('\n---\n');

/**
 * A Tier-1 service of payments with everything its profile needs (runbook, dashboard, DR targets
 * tested 10 days ago): what is left for a launch are the manual items and `slos-measurable`.
 */
export const tierOneService = (name: string) =>
  paymentsComponent(
    name,
    `  annotations:
    reliability-suite.io/tier: '1'
    reliability-suite.io/rto: 1h
    reliability-suite.io/rpo: 15m
    reliability-suite.io/dr-tested: '${DateTime.now()
      .minus({ days: 10 })
      .toISODate()}'
  links:
    - url: https://runbooks.example.com/${name}
      type: runbook
    - url: https://grafana.example.com/d/${name}
      type: dashboard`,
  );

/**
 * The real catalog (reading `catalogYaml`), the catalog module, the reliability backend and the
 * real permission backend with the sample policy; users are signed in with `groupsOf` as their
 * ownership claims. `reliability` is the backend's `reliability` config. `as(user)` calls
 * `/api/reliability` with that user's token; `waitFor` polls a route until the user can read it.
 */
export async function startReliabilityTestBackend(options: {
  catalogYaml: string;
  groupsOf: Record<string, string[]>;
  reliability?: JsonObject;
}) {
  const directory = createMockDirectory();
  directory.setContent({ 'catalog.yaml': options.catalogYaml });
  // The mock scheduler instance also provides its service factory (missing from its public type).
  const scheduler = mockServices.scheduler() as SchedulerService & {
    factory: typeof mockServices.scheduler.factory;
    waitForTask(id: string): Promise<void>;
  };
  // The reliability pipeline's first cycle starts by itself once the catalog has loaded.
  const firstCycle = scheduler.waitForTask('reliability-definitions-sync');
  const { server } = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleReliability,
      reliabilityPlugin,
      permissionPlugin,
      testPolicyModule,
      authKeepingActorFactory,
      httpAuthServiceFactory,
      scheduler.factory({ skipTaskRunOnStartup: true }),
      userInfoFactory(options.groupsOf),
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          catalog: {
            processingInterval: { seconds: 1 },
            rules: [{ allow: ['Component', 'Group'] }],
            locations: [
              { type: 'file', target: directory.resolve('catalog.yaml') },
            ],
          },
          reliability: {
            pipeline: { startup: { catalogQuietSeconds: 1 } },
            ...options.reliability,
          },
        },
      }),
    ],
  });
  const as = (user: string) => ({
    get: (path: string) =>
      request(server)
        .get(`/api/reliability${path}`)
        .set('Authorization', mockCredentials.user.header(user)),
    post: (path: string, body: object) =>
      request(server)
        .post(`/api/reliability${path}`)
        .set('Authorization', mockCredentials.user.header(user))
        .send(body),
  });
  /** Waits until the catalog has processed the entity and `user` can read `path` (30 s at most). */
  const waitFor = async (user: string, path: string) => {
    for (let attempt = 0; attempt < 150; attempt++) {
      await new Promise(resolve => setTimeout(resolve, 200));
      const response = await as(user).get(path);
      if (response.status === 200) return response;
    }
    throw new Error(`${user} could not read ${path} within 30 s`);
  };
  // Routes answer from what the pipeline stored: wait for its first cycle.
  await firstCycle;
  return { server, scheduler, as, waitFor };
}
