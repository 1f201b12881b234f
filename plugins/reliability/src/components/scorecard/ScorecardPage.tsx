import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { Content, Header, Page, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api/ReliabilityApi';
import { ReviewQueueTab } from '../reviewQueue/ReviewQueueTab';
import { LoadError } from './LoadError';
import { ScorecardTab } from './ScorecardTab';
import { ScorecardTiersProvider, useScorecardTiers } from './ScorecardTiers';
import { TrendsTab } from './TrendsTab';
import { ScorecardTabId, useScorecardView } from './useScorecardView';
import { WeeklyReviewTab } from './WeeklyReviewTab';

const TABS: Array<[ScorecardTabId, string]> = [
  ['scorecard', 'Scorecard'],
  ['trends', 'Trends'],
  ['weekly', 'Weekly review'],
  ['reviews', 'Launch reviews'],
];

/**
 * The org-wide reliability scorecard: coverage, rollups and entities; trends; the weekly review;
 * the queue of open launch reviews.
 * Everything on it (tab, filters, sort, page, rollup dimension, week) lives in the URL. Tiers
 * (filter options, labels, the critical ones) are those the backend is configured with.
 */
export function ScorecardPage() {
  const api = useApi(reliabilityApiRef);
  const tiers = useAsync(() => api.getTiers(), [api]);
  return (
    <Page themeId="tool">
      <Header
        title="Reliability scorecard"
        subtitle="SLO coverage, error budgets and readiness across the organization"
      />
      <Content>
        {tiers.error && <LoadError error={tiers.error} />}
        {!tiers.error && !tiers.value && <Progress />}
        {tiers.value && (
          <ScorecardTiersProvider tiers={tiers.value}>
            <ScorecardViews />
          </ScorecardTiersProvider>
        )}
      </Content>
    </Page>
  );
}

/** The tabs and the chosen tab's view. */
function ScorecardViews() {
  const controls = useScorecardView(useScorecardTiers().levels);
  const { view } = controls;
  const tabId = (tab: ScorecardTabId) => `reliability-scorecard-tab-${tab}`;
  return (
    <>
      <Tabs
        value={view.tab}
        onChange={(_, tab: ScorecardTabId) => controls.setTab(tab)}
        indicatorColor="primary"
        textColor="primary"
        aria-label="Scorecard views"
      >
        {TABS.map(([tab, label]) => (
          <Tab
            key={tab}
            value={tab}
            label={label}
            id={tabId(tab)}
            aria-controls="reliability-scorecard-tabpanel"
          />
        ))}
      </Tabs>
      <Box
        mt={3}
        role="tabpanel"
        id="reliability-scorecard-tabpanel"
        aria-labelledby={tabId(view.tab)}
      >
        {view.tab === 'scorecard' && (
          <ScorecardTab view={view} controls={controls} />
        )}
        {view.tab === 'trends' && <TrendsTab view={view} controls={controls} />}
        {view.tab === 'weekly' && (
          <WeeklyReviewTab view={view} controls={controls} />
        )}
        {view.tab === 'reviews' && <ReviewQueueTab />}
      </Box>
    </>
  );
}
