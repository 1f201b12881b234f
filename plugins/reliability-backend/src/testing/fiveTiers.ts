import { ScorecardRow } from '@reliability-suite/plugin-reliability-common';
import { row } from './scorecardRows';

/**
 * `reliability.tiers` of five tiers with names of their own, only Platinum critical: Gold says
 * so (level 1 would be critical by default), Silver to Lab by default.
 */
export const FIVE_TIERS_CONFIG = [
  ['Platinum', true],
  ['Gold', false],
  ['Silver', undefined],
  ['Bronze', undefined],
  ['Lab', undefined],
].map(([name, critical], level) => ({
  level,
  name,
  description: `${name} services`,
  ...(critical === undefined ? {} : { critical }),
  requirements: level === 4 ? ['owner'] : ['owner', 'onCall', 'slos'],
  defaultSloTarget: 0.99,
}));

/** One scorecard row per tier (and one without), each with SLOs and on-call but the Lab one. */
export const fiveTierRows: ScorecardRow[] = [
  row('vault', { tier: 0, sloCount: 2, onCall: 'PagerDuty PVLT' }),
  row('payments', { tier: 1, sloCount: 1, onCall: 'PagerDuty PPAY' }),
  row('search', { tier: 2, sloCount: 1, onCall: 'Slack #search' }),
  row('wiki', { tier: 3, sloCount: 1, onCall: 'Slack #wiki' }),
  row('sandbox', { tier: 4, owner: 'group:default/lab' }),
  row('scratch', {}),
];
