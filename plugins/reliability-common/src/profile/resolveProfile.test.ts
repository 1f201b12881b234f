import { BUILT_IN_CHECKS } from '../readiness/automaticChecks';
import { Entity } from '@backstage/catalog-model';
import { DEFAULT_TIERS } from '../tiers';
import { SloDefinition } from '../slo';
import { resolveProfile } from './resolveProfile';

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

const component = (
  annotations: Record<string, string>,
  links: Entity['metadata']['links'] = [],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', annotations, links },
  spec: {
    type: 'service',
    owner: 'group:default/payments',
    lifecycle: 'production',
  },
});

const payments: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'payments',
    annotations: { 'pagerduty.com/service-id': 'PGRP001' },
  },
  spec: { type: 'team', children: [] },
};

const now = new Date('2026-11-23T12:00:00Z');
const complete = component(
  {
    'reliability-suite.io/tier': '1',
    'reliability-suite.io/rto': '1h',
    'reliability-suite.io/rpo': '15m',
    'reliability-suite.io/dr-tested': '2026-09-14',
    'reliability-suite.io/runbook-reviewed': '2026-10-01',
    'pagerduty.com/service-id': 'PCHK001',
  },
  [
    {
      url: 'https://runbooks.example.com/checkout',
      title: 'Checkout runbook',
      type: 'runbook',
    },
    {
      url: 'https://grafana.example.com/d/checkout',
      title: 'Checkout dashboard',
      type: 'dashboard',
    },
  ],
);

describe('resolveProfile', () => {
  it('resolves a complete Tier-1 service with nothing missing', () => {
    const profile = resolveProfile({
      entity: complete,
      ownerGroup: payments,
      definitions: {
        slos: [slo],
        problems: [],
        readAt: '2026-11-23T11:59:00.000Z',
      },
      tiers: DEFAULT_TIERS,
      paging: {
        pagerDutyService: 'https://acme.pagerduty.com/service-directory/{id}',
      },
      now,
    });
    expect(profile.entityRef).toBe('component:default/checkout');
    expect(profile.tier?.name).toBe('Tier 1');
    expect(profile.onCall).toEqual({
      provider: 'pagerduty',
      label: 'PagerDuty service PCHK001',
      url: 'https://acme.pagerduty.com/service-directory/PCHK001',
      source: 'entity',
      sourceRef: 'component:default/checkout',
    });
    expect(profile.runbooks).toEqual([
      {
        title: 'Checkout runbook',
        url: 'https://runbooks.example.com/checkout',
        lastReviewed: '2026-10-01',
        reviewDue: '2027-03-30',
        stale: false,
      },
      {
        title: 'availability runbook',
        url: 'https://runbooks.example.com/availability',
        sloName: 'availability',
        lastReviewed: '2026-10-01',
        reviewDue: '2027-03-30',
        stale: false,
      },
    ]);
    expect(profile.dashboards).toEqual([
      {
        title: 'Checkout dashboard',
        url: 'https://grafana.example.com/d/checkout',
      },
    ]);
    expect(profile.dr).toEqual({
      rtoMinutes: 60,
      rpoMinutes: 15,
      lastTested: '2026-09-14',
      nextTestDue: '2027-03-13',
    });
    expect(profile.missing).toEqual([]);
  });

  it('inherits on-call from the owner group', () => {
    const { 'pagerduty.com/service-id': _, ...rest } =
      complete.metadata.annotations!;
    const profile = resolveProfile({
      entity: {
        ...complete,
        metadata: { ...complete.metadata, annotations: rest },
      },
      ownerGroup: payments,
      definitions: { slos: [slo], problems: [] },
      tiers: DEFAULT_TIERS,
      now,
    });
    expect(profile.onCall).toEqual({
      provider: 'pagerduty',
      label: 'PagerDuty service PGRP001',
      url: undefined,
      source: 'owner',
      sourceRef: 'group:default/payments',
    });
  });

  it('lists everything a Tier-0 service without SLOs, on-call, links and DR is missing', () => {
    const profile = resolveProfile({
      entity: component({
        'reliability-suite.io/tier': '0',
        'reliability-suite.io/rto': '8h',
        'reliability-suite.io/dr-tested': '2026-01-10',
      }),
      definitions: { slos: [], problems: [] },
      tiers: DEFAULT_TIERS,
      now,
    });
    expect(profile.missing).toEqual([
      {
        requirement: 'onCall',
        message:
          'No on-call: add pagerduty.com/service-id or opsgenie.com/team (or reliability-suite.io/oncall) to the entity or its owner group',
      },
      {
        requirement: 'slos',
        message:
          'No SLOs: add OpenSLO files (reliability-suite.io/slo-files) or spec.reliability.slos',
      },
      {
        requirement: 'runbooks',
        message: 'No runbook: add a metadata.links entry with type: runbook',
      },
      {
        requirement: 'dashboards',
        message:
          'No dashboard: add a metadata.links entry with type: dashboard',
      },
      {
        requirement: 'drTargets',
        message: 'RTO 8h exceeds the Tier 0 maximum of 1h',
      },
      {
        requirement: 'drTargets',
        message:
          'No RPO: set reliability-suite.io/rpo (Tier 0 allows at most 5m)',
      },
      {
        requirement: 'drTested',
        message:
          'Last DR test 2026-01-10 is older than 90 days (due 2026-04-10)',
      },
    ]);
  });

  it('says SLO files are broken rather than absent', () => {
    const profile = resolveProfile({
      entity: component({ 'reliability-suite.io/tier': '3' }),
      definitions: {
        slos: [],
        problems: [
          {
            file: 'slo/a.yaml',
            line: 3,
            field: 'kind',
            message: 'must be one of SLO',
          },
        ],
      },
      tiers: DEFAULT_TIERS.map(t => ({
        ...t,
        requirements: ['slos' as const],
      })),
      now,
    });
    expect(profile.missing).toEqual([
      {
        requirement: 'slos',
        message: 'No valid SLO: 1 definition problem(s) to fix',
      },
    ]);
  });

  it('uses a plain contact annotation and reports an unconfigured tier', () => {
    const profile = resolveProfile({
      entity: component({
        'reliability-suite.io/tier': '7',
        'reliability-suite.io/oncall': 'https://chat.example.com/#oncall',
      }),
      definitions: { slos: [], problems: [] },
      tiers: DEFAULT_TIERS,
      now,
    });
    expect(profile.tier).toBeUndefined();
    expect(profile.missing).toEqual([]);
    expect(profile.onCall?.url).toBe('https://chat.example.com/#oncall');
    expect(profile.problems).toEqual([
      {
        file: '',
        field: 'metadata.annotations.reliability-suite.io/tier',
        message: '"7" is not a tier: use 0, 1, 2 or 3',
      },
    ]);
  });

  it('resolves a tier of a five-tier configuration and names its levels for another', () => {
    const fiveTiers = [0, 1, 2, 3, 4].map(level => ({
      ...DEFAULT_TIERS[Math.min(level, 3)],
      level,
      name: ['Platinum', 'Gold', 'Silver', 'Bronze', 'Lab'][level],
      critical: level === 0,
    }));
    const lab = resolveProfile({
      entity: component({ 'reliability-suite.io/tier': 'tier-4' }),
      definitions: { slos: [], problems: [] },
      tiers: fiveTiers,
      now,
    });
    expect([lab.tier?.name, lab.tier?.critical, lab.problems]).toEqual([
      'Lab',
      false,
      [],
    ]);
    const unknown = resolveProfile({
      entity: component({ 'reliability-suite.io/tier': '5' }),
      definitions: {
        slos: [],
        problems: [
          {
            file: 'catalog-info.yaml',
            line: 6,
            field: 'metadata.annotations.reliability-suite.io/tier',
            message: '"5" is not a tier: use 0, 1, 2, 3 or 4',
          },
        ],
      },
      tiers: fiveTiers,
      now,
    });
    // Said once, where the definitions were read (with its line).
    expect([unknown.tier, unknown.problems]).toEqual([
      undefined,
      [
        {
          file: 'catalog-info.yaml',
          line: 6,
          field: 'metadata.annotations.reliability-suite.io/tier',
          message: '"5" is not a tier: use 0, 1, 2, 3 or 4',
        },
      ],
    ]);
  });
});

describe('resolveProfile link schemes', () => {
  const resolve = (
    entity: Entity,
    slos: SloDefinition[] = [],
    extra: Partial<Parameters<typeof resolveProfile>[0]> = {},
  ) =>
    resolveProfile({
      entity,
      definitions: { slos, problems: [] },
      tiers: DEFAULT_TIERS,
      now,
      ...extra,
    });

  it('keeps catalog links that are not http(s) as text and reports each one', () => {
    const profile = resolve(
      component({ 'pagerduty.com/service-id': 'PCHK001' }, [
        { url: 'javascript:alert(1)', type: 'runbook' },
        { url: 'https://grafana.example.com/d/checkout', type: 'dashboard' },
        {
          url: 'data:text/html,<script>alert(1)</script>',
          title: 'Data dashboard',
          type: 'dashboard',
        },
        { url: 'VBScript:msgbox(1)', title: 'Old runbook', type: 'runbook' },
        { url: 'JaVaScRiPt:alert(1)', title: 'Mixed', type: 'runbook' },
        { url: 'javascript:alert(2)', title: 'Website', type: 'website' },
        { url: 'http://wiki.local/checkout', title: 'Wiki', type: 'runbook' },
      ]),
    );
    expect(profile.runbooks).toEqual([
      { title: 'javascript:alert(1)', url: undefined },
      { title: 'Old runbook', url: undefined },
      { title: 'Mixed', url: undefined },
      { title: 'Wiki', url: 'http://wiki.local/checkout' },
    ]);
    expect(profile.dashboards).toEqual([
      {
        title: 'https://grafana.example.com/d/checkout',
        url: 'https://grafana.example.com/d/checkout',
      },
      { title: 'Data dashboard', url: undefined },
    ]);
    expect(profile.problems).toEqual([
      {
        file: '',
        field: 'metadata.links[0].url',
        message: 'must be an http: or https: link',
      },
      {
        file: '',
        field: 'metadata.links[3].url',
        message: 'must be an http: or https: link',
      },
      {
        file: '',
        field: 'metadata.links[4].url',
        message: 'must be an http: or https: link',
      },
      {
        file: '',
        field: 'metadata.links[2].url',
        message: 'must be an http: or https: link',
      },
    ]);
  });

  it('does not count a link problem as a broken SLO file', () => {
    const profile = resolve(
      component({ 'reliability-suite.io/tier': '3' }, [
        { url: 'javascript:alert(1)', title: 'Runbook', type: 'runbook' },
      ]),
      [],
      {
        tiers: DEFAULT_TIERS.map(t => ({
          ...t,
          requirements: ['slos' as const],
        })),
      },
    );
    expect(profile.problems).toHaveLength(1);
    expect(profile.missing).toEqual([
      {
        requirement: 'slos',
        message:
          'No SLOs: add OpenSLO files (reliability-suite.io/slo-files) or spec.reliability.slos',
      },
    ]);
  });

  it('does not count a runbook or dashboard that is not a link as linked', () => {
    const profile = resolve(
      component({ 'reliability-suite.io/tier': '3' }, [
        { url: 'javascript:alert(1)', title: 'Runbook', type: 'runbook' },
        { url: 'data:text/html,x', title: 'Board', type: 'dashboard' },
      ]),
      [],
      {
        tiers: DEFAULT_TIERS.map(t => ({
          ...t,
          requirements: ['runbooks' as const, 'dashboards' as const],
        })),
      },
    );
    expect(profile.missing.map(m => m.message)).toEqual([
      'No runbook: add a metadata.links entry with type: runbook',
      'No dashboard: add a metadata.links entry with type: dashboard',
    ]);
    const context = {
      profile,
      sloStatuses: [],
      alertableSlos: [],
      dependencies: [],
    };
    expect([
      BUILT_IN_CHECKS.runbooks(context),
      BUILT_IN_CHECKS.dashboards(context),
    ]).toEqual([
      { passed: false, reason: 'No runbook linked' },
      { passed: false, reason: 'No dashboard linked' },
    ]);
  });

  it('keeps SLO runbooks that are not http(s) as text and reports them where they are written', () => {
    const openslo: SloDefinition = {
      ...slo,
      name: 'latency',
      runbook: 'JaVaScRiPt:alert(1)',
      source: { format: 'openslo', file: 'slo/latency.yaml', line: 4 },
    };
    const inline: SloDefinition = {
      ...slo,
      displayName: 'Availability',
      runbook: 'data:text/html,x',
    };
    const entity = component({});
    entity.spec!.reliability = {
      slos: [{ name: 'errors' }, { name: 'availability' }],
    };
    const profile = resolve(entity, [slo, openslo, inline]);
    expect(profile.runbooks).toEqual([
      {
        title: 'availability runbook',
        url: 'https://runbooks.example.com/availability',
        sloName: 'availability',
      },
      { title: 'latency runbook', url: undefined, sloName: 'latency' },
      {
        title: 'Availability runbook',
        url: undefined,
        sloName: 'availability',
      },
    ]);
    expect(profile.problems).toEqual([
      {
        file: 'slo/latency.yaml',
        line: 4,
        field: 'metadata.annotations.runbook_url',
        message: 'must be an http: or https: link',
      },
      {
        file: 'catalog-info.yaml',
        line: 10,
        field: 'spec.reliability.slos[1].runbook',
        message: 'must be an http: or https: link',
      },
    ]);
  });

  it('does not repeat a runbook problem the SLO file already reported', () => {
    const openslo: SloDefinition = {
      ...slo,
      runbook: 'vbscript:msgbox(1)',
      source: { format: 'openslo', file: 'slo/a.yaml', line: 2 },
    };
    const known = {
      file: 'slo/a.yaml',
      line: 7,
      field: 'metadata.annotations.runbook_url',
      message: 'must be an http: or https: URL',
    };
    const profile = resolve(component({}), [], {
      definitions: { slos: [openslo], problems: [known] },
    });
    expect(profile.runbooks).toEqual([
      {
        title: 'availability runbook',
        url: undefined,
        sloName: 'availability',
      },
    ]);
    expect(profile.problems).toEqual([known]);
  });

  it.each([
    [
      'javascript:alert(1)',
      { label: 'javascript:alert(1)', url: undefined },
      'must be an http:, https: or mailto: link',
    ],
    [
      'DATA:text/html,x',
      { label: 'DATA:text/html,x', url: undefined },
      'must be an http:, https: or mailto: link',
    ],
    [
      'mailto:oncall@example.com',
      { label: 'oncall@example.com', url: 'mailto:oncall@example.com' },
      undefined,
    ],
    [
      'HTTPS://chat.example.com/#oncall',
      {
        label: 'HTTPS://chat.example.com/#oncall',
        url: 'HTTPS://chat.example.com/#oncall',
      },
      undefined,
    ],
    [
      'Slack: #payments',
      { label: 'Slack: #payments', url: undefined },
      undefined,
    ],
  ])('on-call contact %j', (contact, { label, url }, message) => {
    const profile = resolve(
      component({ 'reliability-suite.io/oncall': contact }),
    );
    expect(profile.onCall).toEqual({
      provider: 'contact',
      label,
      url,
      source: 'entity',
      sourceRef: 'component:default/checkout',
    });
    expect(profile.problems).toEqual(
      message
        ? [
            {
              file: '',
              field: 'metadata.annotations.reliability-suite.io/oncall',
              message,
            },
          ]
        : [],
    );
  });

  it('names the owner group whose on-call contact is not a link', () => {
    const profile = resolve(component({}), [], {
      ownerGroup: {
        ...payments,
        metadata: {
          name: 'payments',
          annotations: { 'reliability-suite.io/oncall': 'vbscript:msgbox(1)' },
        },
      },
    });
    expect(profile.onCall?.url).toBeUndefined();
    expect(profile.onCall?.label).toBe('vbscript:msgbox(1)');
    expect(profile.problems).toEqual([
      {
        file: '',
        field: 'metadata.annotations.reliability-suite.io/oncall',
        message:
          'must be an http:, https: or mailto: link (on owner group:default/payments)',
      },
    ]);
  });

  it('links a paging provider only through an http(s) template', () => {
    const profile = resolve(
      component({ 'opsgenie.com/team': 'payments' }),
      [],
      { paging: { opsgenieTeam: 'javascript:alert("{id}")' } },
    );
    expect(profile.onCall).toEqual({
      provider: 'opsgenie',
      label: 'Opsgenie team payments',
      url: undefined,
      source: 'entity',
      sourceRef: 'component:default/checkout',
    });
    expect(profile.problems).toEqual([]);
  });
});
