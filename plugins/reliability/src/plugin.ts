import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { reliabilityApiRef } from './api/ReliabilityApi';
import { ReliabilityClient } from './api/ReliabilityClient';
import { scorecardRouteRef } from './routes';

/** The Reliability Suite for apps on the legacy frontend system. */
export const reliabilityPlugin = createPlugin({
  id: 'reliability',
  routes: { root: scorecardRouteRef },
  apis: [
    createApiFactory({
      api: reliabilityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReliabilityClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/**
 * The Reliability tab for a legacy `EntityPage`:
 * `<EntityLayout.Route path="/reliability" title="Reliability"><EntityReliabilityContent /></EntityLayout.Route>`
 */
export const EntityReliabilityContent = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityReliabilityContent',
    component: {
      lazy: () =>
        import('./components/ReliabilityContent').then(
          m => m.ReliabilityContent,
        ),
    },
  }),
);

/**
 * The Readiness tab for a legacy `EntityPage`:
 * `<EntityLayout.Route path="/readiness" title="Readiness"><EntityReadinessContent /></EntityLayout.Route>`
 */
export const EntityReadinessContent = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityReadinessContent',
    component: {
      lazy: () =>
        import('./components/readiness/ReadinessContent').then(
          m => m.ReadinessContent,
        ),
    },
  }),
);

/** The compact reliability card for a legacy entity overview. */
export const EntityReliabilityCard = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityReliabilityCard',
    component: {
      lazy: () =>
        import('./components/ReliabilityOverviewCard').then(
          m => m.ReliabilityOverviewCard,
        ),
    },
  }),
);

/**
 * The org-wide reliability scorecard page for a legacy app:
 * `<Route path="/reliability" element={<ReliabilityScorecardPage />} />`
 */
export const ReliabilityScorecardPage = reliabilityPlugin.provide(
  createRoutableExtension({
    name: 'ReliabilityScorecardPage',
    component: () =>
      import('./components/scorecard/ScorecardPage').then(m => m.ScorecardPage),
    mountPoint: scorecardRouteRef,
  }),
);
