import { WeeklyReview } from '@reliability-suite/plugin-reliability-common';
import { agendaMarkdown, escapeMarkdown } from './agendaMarkdown';
import { week48 } from './testScorecard';

const tierLabel = (level: number | undefined) =>
  level === undefined ? 'No tier' : `Tier ${level}`;

describe('escapeMarkdown', () => {
  it.each([
    ['checkout', 'checkout'],
    ['a | b', 'a \\| b'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['[click](javascript:alert(1))', '\\[click\\](javascript:alert(1))'],
    [
      '**bold** _it_ `code` ~x~ # h',
      '\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~x\\~ \\# h',
    ],
    ['two\nlines\r\n', 'two lines'],
    ['back\\slash', 'back\\\\slash'],
  ])('%j is %j', (text, markdown) => {
    expect(escapeMarkdown(text)).toBe(markdown);
  });
});

describe('agendaMarkdown', () => {
  it('gives a heading per section and a table each', () => {
    expect(agendaMarkdown(week48, tierLabel)).toBe(
      [
        '# Weekly reliability review 2026-W48',
        '',
        '2026-11-23 – 2026-11-29',
        '',
        '## Budget status',
        '',
        '| Out of budget | Burning fast | Burning slow | On track | No data | In freeze | With breaches | Stale figures |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        '| 0 | 2 | 1 | 5 | 3 | 1 | 2 | 1 |',
        '',
        '## Services',
        '',
        '| Service | Status | Tier | Owner | Budget left | Change | Breached SLOs | Freeze | Figures |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
        '| Checkout | Burning fast | Tier 1 | group:default/payments | -38.89% | ▼ 12 pts | 2 | In freeze | Stale |',
        '| search | Burning fast | Tier 2 | group:default/discovery | 35% | ▲ 4.5 pts | 1 | — | Current |',
        '| ledger | On track | Tier 0 | — | 82% | — | 0 | — | Current |',
        '',
        '## Readiness decisions',
        '',
        '| Entity | Decision | By | When | Reason |',
        '| --- | --- | --- | --- | --- |',
        '| component:default/payouts | Blocked | user:default/ana | 2026-11-25 10:00 UTC | No rollback plan |',
        '',
      ].join('\n'),
    );
  });

  it('escapes entity text in tables and says when a section is empty', () => {
    const hostile: WeeklyReview = {
      ...week48,
      services: [],
      decisions: [
        {
          entityRef: 'component:default/x',
          decision: 'approved',
          actor: 'user:default/eve',
          at: Date.parse('2026-11-26T23:05:00Z'),
          reason: 'Fine | <script>alert(1)</script>\nreally',
        },
      ],
    };
    const markdown = agendaMarkdown(hostile, tierLabel);
    expect(markdown).toContain(
      '## Services\n\nNo services with SLOs this week.\n\n## Readiness decisions',
    );
    expect(markdown).toContain(
      '| component:default/x | Approved | user:default/eve | 2026-11-26 23:05 UTC | Fine \\| &lt;script&gt;alert(1)&lt;/script&gt; really |',
    );
    expect(markdown).not.toContain('<script>');
  });
});
