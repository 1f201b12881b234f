import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  ReliabilityPolicy,
  readReliabilityPolicyGroups,
} from './ReliabilityPolicy';

/** Installs {@link ReliabilityPolicy} (groups from `reliability.permissions`) as the policy. */
export const permissionModuleReliabilityPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'reliability-policy',
  register(env) {
    env.registerInit({
      deps: { config: coreServices.rootConfig, policy: policyExtensionPoint },
      async init({ config, policy }) {
        policy.setPolicy(
          new ReliabilityPolicy(readReliabilityPolicyGroups(config)),
        );
      },
    });
  },
});
