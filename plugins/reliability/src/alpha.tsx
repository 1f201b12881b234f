import AssessmentIcon from '@material-ui/icons/Assessment';
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { reliabilityApiRef } from './api/ReliabilityApi';
import { ReliabilityClient } from './api/ReliabilityClient';
import { PROFILE_KINDS, RELIABILITY_TAB_KINDS } from './entityFilter';

/** The scorecard page. */
const scorecardRouteRef = createRouteRef();

const profileKindsFilter = { kind: { $in: PROFILE_KINDS } };

const reliabilityApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: reliabilityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReliabilityClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The org-wide scorecard at `/reliability`. Its title and icon make it a sidebar item; the page
 * draws its own header.
 */
const scorecardPage = PageBlueprint.make({
  params: {
    path: '/reliability',
    routeRef: scorecardRouteRef,
    title: 'Reliability',
    icon: <AssessmentIcon fontSize="inherit" />,
    noHeader: true,
    loader: () =>
      import('./components/scorecard/ScorecardPage').then(m => (
        <m.ScorecardPage />
      )),
  },
});

/**
 * The Reliability tab on Component, System, API and Resource pages, and on Domain pages (where it
 * rolls up the domain's systems).
 */
const reliabilityEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'reliability',
    title: 'Reliability',
    filter: { kind: { $in: RELIABILITY_TAB_KINDS } },
    loader: () =>
      import('./components/ReliabilityContent').then(m => (
        <m.ReliabilityContent />
      )),
  },
});

/** The Readiness tab: production-readiness checklist, launch review and audit trail. */
const readinessEntityContent = EntityContentBlueprint.make({
  name: 'readiness',
  params: {
    path: 'readiness',
    title: 'Readiness',
    filter: profileKindsFilter,
    loader: () =>
      import('./components/readiness/ReadinessContent').then(m => (
        <m.ReadinessContent />
      )),
  },
});

/** The compact reliability card on the overview tab. */
const reliabilityOverviewCard = EntityCardBlueprint.make({
  name: 'overview',
  params: {
    filter: profileKindsFilter,
    loader: () =>
      import('./components/ReliabilityOverviewCard').then(m => (
        <m.ReliabilityOverviewCard />
      )),
  },
});

/** The Reliability Suite for Backstage's new frontend system. */
export default createFrontendPlugin({
  pluginId: 'reliability',
  routes: { root: scorecardRouteRef },
  extensions: [
    reliabilityApi,
    scorecardPage,
    reliabilityEntityContent,
    readinessEntityContent,
    reliabilityOverviewCard,
  ],
});
