import { ConfigReader } from '@backstage/config';
import { DEFAULT_TIERS } from '@reliability-suite/plugin-reliability-common';
import { FIVE_TIERS_CONFIG } from './testing/fiveTiers';
import { readTiers } from './tiersConfig';

const tiersOf = (tiers?: unknown) =>
  readTiers(
    new ConfigReader(tiers === undefined ? {} : { reliability: { tiers } }),
  );

const tier = (fields: object) => ({
  level: 0,
  name: 'Tier 0',
  description: 'Critical',
  requirements: ['owner'],
  defaultSloTarget: 0.999,
  ...fields,
});

describe('readTiers', () => {
  it('keeps the default tiers, Tier 0 and Tier 1 critical, without configuration', () => {
    expect(tiersOf()).toBe(DEFAULT_TIERS);
    expect(DEFAULT_TIERS.map(t => [t.name, t.critical])).toEqual([
      ['Tier 0', true],
      ['Tier 1', true],
      ['Tier 2', false],
      ['Tier 3', false],
    ]);
  });

  it('reads five tiers, critical as configured or by default below level 2', () => {
    expect(
      tiersOf(FIVE_TIERS_CONFIG).map(t => [t.level, t.name, t.critical]),
    ).toEqual([
      [0, 'Platinum', true],
      [1, 'Gold', false],
      [2, 'Silver', false],
      [3, 'Bronze', false],
      [4, 'Lab', false],
    ]);
    expect(
      tiersOf([tier({ level: 1 }), tier({ level: 2, critical: true })]).map(
        t => t.critical,
      ),
    ).toEqual([true, true]);
  });

  it('reads the runbook review interval of a tier, unset when not configured', () => {
    expect(
      tiersOf([
        tier({
          requirements: ['owner', 'runbooks', 'runbooksReviewed'],
          runbookReviewDays: 30,
        }),
        tier({ level: 1 }),
      ]).map(t => [t.requirements, t.runbookReviewDays]),
    ).toEqual([
      [['owner', 'runbooks', 'runbooksReviewed'], 30],
      [['owner'], undefined],
    ]);
    expect(DEFAULT_TIERS.map(t => t.runbookReviewDays)).toEqual([
      90,
      180,
      365,
      undefined,
    ]);
  });

  it.each([
    [[], 'reliability.tiers must list at least one tier'],
    [
      [tier({ level: 1.5 })],
      'reliability.tiers[0].level must be a whole number from 0 to 9999, got 1.5',
    ],
    [
      [tier({ level: -1 })],
      'reliability.tiers[0].level must be a whole number from 0 to 9999, got -1',
    ],
    [
      [tier({}), tier({ level: 1 }), tier({ level: 1 })],
      'reliability.tiers[2].level 1 is also the level of reliability.tiers[1]',
    ],
    [[tier({ name: ' ' })], 'reliability.tiers[0].name must not be empty'],
    [
      [tier({ requirements: ['owner', 'pager'] })],
      'reliability.tiers[0].requirements must be among owner, onCall, slos, runbooks, runbooksReviewed, dashboards, drTargets, drTested, got "pager"',
    ],
    [
      [tier({ requirements: ['owner', 'runbooksReviewed'] })],
      'reliability.tiers[0].runbookReviewDays must be set when reliability.tiers[0].requirements lists runbooksReviewed',
    ],
    [
      [tier({ runbookReviewDays: 0 })],
      'reliability.tiers[0].runbookReviewDays must be a whole number of days, at least 1, got 0',
    ],
    [
      [tier({ runbookReviewDays: 7.5 })],
      'reliability.tiers[0].runbookReviewDays must be a whole number of days, at least 1, got 7.5',
    ],
    [
      [tier({ critical: 'maybe' })],
      "Unable to convert config value for key 'reliability.tiers[0].critical' in 'mock-config' to a boolean",
    ],
  ])('refuses %j at start-up with a clear message', (tiers, message) => {
    expect(() => tiersOf(tiers)).toThrow(message);
  });
});
