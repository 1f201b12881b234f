import { Entity } from '@backstage/catalog-model';
import { runAutomaticChecks } from '../readiness/automaticChecks';
import { SloDefinition } from '../slo';
import { DEFAULT_TIERS, TierDefinition } from '../tiers';
import { formatProblem } from '../problems';
import { parseYamlFile } from '../yamlSource';
import { readEntitySettings } from './entitySettings';
import { resolveProfile } from './resolveProfile';

const now = new Date('2026-12-01T08:00:00Z');

const slo: SloDefinition = {
  name: 'availability',
  indicator: { metric: { type: 'threshold', query: { query: 'up' } } },
  objectives: [{ target: 0.999 }],
  timeWindow: { type: 'rolling', duration: '30d', durationMs: 2592000000 },
  budgetingMethod: 'Occurrences',
  alertPolicies: [],
  runbook: 'https://runbooks.example.com/availability',
  source: { format: 'inline', file: 'catalog-info.yaml', line: 10 },
};

const entity = (tier: string, reviewed?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    annotations: {
      'reliability-suite.io/tier': tier,
      ...(reviewed
        ? { 'reliability-suite.io/runbook-reviewed': reviewed }
        : {}),
    },
    links: [
      {
        url: 'https://runbooks.example.com/checkout',
        title: 'Checkout runbook',
        type: 'runbook',
      },
      {
        url: 'https://runbooks.example.com/checkout-db',
        title: 'Checkout database runbook',
        type: 'runbook',
      },
      { url: 'javascript:alert(1)', title: 'Not a link', type: 'runbook' },
    ],
  },
  spec: { type: 'service', owner: 'payments', lifecycle: 'production' },
});

const profileOf = (
  tier: string,
  reviewed?: string,
  tiers: ReadonlyArray<TierDefinition> = DEFAULT_TIERS,
) =>
  resolveProfile({
    entity: entity(tier, reviewed),
    definitions: {
      slos: [slo],
      problems: [],
      readAt: '2026-12-01T07:00:00.000Z',
    },
    tiers,
    now,
  });

const reviewMessages = (profile: ReturnType<typeof profileOf>) =>
  profile.missing
    .filter(m => m.requirement === 'runbooksReviewed')
    .map(m => m.message);

describe('stale runbooks', () => {
  it('dates every runbook from one date, and per runbook by title or URL', () => {
    const profile = profileOf(
      '1',
      '2026-10-01\ncheckout database runbook: 2026-03-01\nhttps://runbooks.example.com/availability: 2026-06-04\n',
    );
    expect(
      profile.runbooks.map(r => [
        r.title,
        r.lastReviewed,
        r.reviewDue,
        r.stale,
      ]),
    ).toEqual([
      ['Checkout runbook', '2026-10-01', '2027-03-30', false],
      ['Checkout database runbook', '2026-03-01', '2026-08-28', true],
      ['Not a link', '2026-10-01', '2027-03-30', false],
      ['availability runbook', '2026-06-04', '2026-12-01', false],
    ]);
    expect(reviewMessages(profile)).toEqual([
      'Runbook "Checkout database runbook" last reviewed 2026-03-01, over 180 days ago (Tier 1 reviews runbooks every 180 days)',
    ]);
    expect(profile.problems.map(p => p.field)).toEqual([
      'metadata.links[2].url',
    ]);
  });

  it('applies the interval of the tier: 90 days for Tier 0, none for Tier 3', () => {
    expect(reviewMessages(profileOf('0', '2026-09-01'))).toEqual([
      'Runbook "Checkout runbook" last reviewed 2026-09-01, over 90 days ago (Tier 0 reviews runbooks every 90 days)',
      'Runbook "Checkout database runbook" last reviewed 2026-09-01, over 90 days ago (Tier 0 reviews runbooks every 90 days)',
      'Runbook "availability runbook" last reviewed 2026-09-01, over 90 days ago (Tier 0 reviews runbooks every 90 days)',
    ]);
    expect(reviewMessages(profileOf('0', '2026-09-02'))).toEqual([]);
    const tier3 = profileOf('3', '2020-01-01');
    expect(tier3.missing).toEqual([]);
    expect(tier3.runbooks[0]).toEqual({
      title: 'Checkout runbook',
      url: 'https://runbooks.example.com/checkout',
      lastReviewed: '2020-01-01',
    });
  });

  it('does not count a runbook without a review date as stale (the profile shows it undated)', () => {
    const profile = profileOf('2', 'Checkout runbook: 2024-11-02');
    expect(reviewMessages(profile)).toEqual([
      'Runbook "Checkout runbook" last reviewed 2024-11-02, over 365 days ago (Tier 2 reviews runbooks every 365 days)',
    ]);
    expect(profile.runbooks.map(r => r.lastReviewed)).toEqual([
      '2024-11-02',
      undefined,
      undefined,
    ]);
  });

  it('follows a configured interval, and checks nothing for a tier that does not require it', () => {
    const gold: TierDefinition = {
      ...DEFAULT_TIERS[1],
      name: 'Gold',
      runbookReviewDays: 30,
    };
    expect(reviewMessages(profileOf('1', '2026-10-31', [gold]))).toEqual([
      'Runbook "Checkout runbook" last reviewed 2026-10-31, over 30 days ago (Gold reviews runbooks every 30 days)',
      'Runbook "Checkout database runbook" last reviewed 2026-10-31, over 30 days ago (Gold reviews runbooks every 30 days)',
      'Runbook "availability runbook" last reviewed 2026-10-31, over 30 days ago (Gold reviews runbooks every 30 days)',
    ]);
    const unrequired = { ...gold, requirements: [...gold.requirements] };
    unrequired.requirements = unrequired.requirements.filter(
      r => r !== 'runbooksReviewed',
    );
    expect(reviewMessages(profileOf('1', '2026-10-31', [unrequired]))).toEqual(
      [],
    );
  });

  it('reports names that match no runbook', () => {
    expect(profileOf('1', '2026-10-01\nCheckout: 2026-10-01').problems).toEqual(
      [
        {
          file: '',
          field: 'metadata.links[2].url',
          message: 'must be an http: or https: link',
        },
        {
          file: '',
          field: 'metadata.annotations.reliability-suite.io/runbook-reviewed',
          message:
            '"Checkout" names no runbook of this entity: use the title or URL of one of its runbooks',
        },
      ],
    );
  });

  it('reports a line that is not a date where it is written', () => {
    const read = readEntitySettings(
      parseYamlFile(
        'catalog-info.yaml',
        `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout
  annotations:
    reliability-suite.io/runbook-reviewed: |
      2026-02-30
      Checkout runbook 2026-03-01
      https://runbooks.example.com/checkout-db: 2026-03-01
      2026-10-01
      2026-10-02
`,
      ).documents[0],
    );
    expect(read.settings.runbookReviews).toEqual({
      all: '2026-10-01',
      byRunbook: [
        {
          name: 'https://runbooks.example.com/checkout-db',
          date: '2026-03-01',
        },
      ],
    });
    expect(read.problems.map(formatProblem)).toEqual([
      'catalog-info.yaml:6 metadata.annotations.reliability-suite.io/runbook-reviewed: "2026-02-30" is not a date such as 2026-09-14 or "<runbook title or URL>: 2026-09-14"',
      'catalog-info.yaml:6 metadata.annotations.reliability-suite.io/runbook-reviewed: "Checkout runbook 2026-03-01" is not a date such as 2026-09-14 or "<runbook title or URL>: 2026-09-14"',
      'catalog-info.yaml:6 metadata.annotations.reliability-suite.io/runbook-reviewed: "2026-10-02": the date of every runbook is given twice',
    ]);
  });

  it('fails the readiness runbooks item with the stale runbooks, and passes it with the oldest review', () => {
    const check = (profile: ReturnType<typeof profileOf>) =>
      runAutomaticChecks(['runbooks'], {
        profile,
        sloStatuses: [],
        alertableSlos: [],
        dependencies: [],
      });
    expect(
      check(profileOf('1', '2026-10-01\nCheckout runbook: 2026-05-01')),
    ).toEqual([
      {
        itemId: 'runbooks',
        passed: false,
        reason:
          'Runbook "Checkout runbook" last reviewed 2026-05-01, over 180 days ago (Tier 1 reviews runbooks every 180 days)',
      },
    ]);
    expect(
      check(profileOf('1', '2026-10-01\nCheckout runbook: 2026-09-01')),
    ).toEqual([
      {
        itemId: 'runbooks',
        passed: true,
        reason: '3 runbook(s) linked, oldest review 2026-09-01',
      },
    ]);
  });
});
