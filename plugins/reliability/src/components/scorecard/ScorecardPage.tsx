import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { Content, Header, Page } from '@backstage/core-components';
import { ScorecardTab } from './ScorecardTab';
import { TrendsTab } from './TrendsTab';
import { ScorecardTabId, useScorecardView } from './useScorecardView';
import { WeeklyReviewTab } from './WeeklyReviewTab';

const TABS: Array<[ScorecardTabId, string]> = [
  ['scorecard', 'Scorecard'],
  ['trends', 'Trends'],
  ['weekly', 'Weekly review'],
];

/**
 * The org-wide reliability scorecard: coverage, rollups and entities; trends; the weekly review.
 * Everything on it (tab, filters, sort, page, rollup dimension, week) lives in the URL.
 */
export function ScorecardPage() {
  const controls = useScorecardView();
  const { view } = controls;
  const tabId = (tab: ScorecardTabId) => `reliability-scorecard-tab-${tab}`;
  return (
    <Page themeId="tool">
      <Header
        title="Reliability scorecard"
        subtitle="SLO coverage, error budgets and readiness across the organization"
      />
      <Content>
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
          {view.tab === 'trends' && (
            <TrendsTab view={view} controls={controls} />
          )}
          {view.tab === 'weekly' && (
            <WeeklyReviewTab view={view} controls={controls} />
          )}
        </Box>
      </Content>
    </Page>
  );
}
