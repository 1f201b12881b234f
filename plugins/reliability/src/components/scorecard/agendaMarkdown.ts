import {
  BUDGET_STATUS_LABELS,
  WeeklyReview,
} from '@reliability-suite/plugin-reliability-common';
import { formatOptionalPercent } from '../format';
import { absoluteMoment } from '../time/moment';
import { formatChange } from './weekChange';

/**
 * Text from entities and people (titles, reasons, refs) as literal Markdown: no HTML (`<`, `>`,
 * `&` as entities), no emphasis, links or code spans, no column break (`|`), on one line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|#~]/g, '\\$&')
    .trim();
}

function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(headers),
    line(headers.map(() => '---')),
    ...rows.map(row => line(row.map(escapeMarkdown))),
  ].join('\n');
}

/**
 * The weekly review's agenda as a Markdown document for the meeting notes: the counts, every
 * service and the readiness decisions, each a section with a table. Times are in UTC, people and
 * groups as their refs; `tierLabel` names tiers as configured.
 */
export function agendaMarkdown(
  review: WeeklyReview,
  tierLabel: (level: number | undefined) => string,
): string {
  const { week, start, end, counts, services, decisions } = review;
  const sections = [
    `# Weekly reliability review ${week}`,
    `${start} – ${end}`,
    '## Budget status',
    table(
      [
        'Out of budget',
        'Burning fast',
        'Burning slow',
        'On track',
        'No data',
        'In freeze',
        'With breaches',
        'Stale figures',
      ],
      [
        [
          counts.outOfBudget,
          counts.burningFast,
          counts.burningSlow,
          counts.onTrack,
          counts.noData,
          counts.inFreeze,
          counts.withBreaches,
          counts.stale,
        ].map(String),
      ],
    ),
    '## Services',
    services.length === 0
      ? 'No services with SLOs this week.'
      : table(
          [
            'Service',
            'Status',
            'Tier',
            'Owner',
            'Budget left',
            'Change',
            'Breached SLOs',
            'Freeze',
            'Figures',
          ],
          services.map(service => [
            service.title ?? service.name,
            BUDGET_STATUS_LABELS[service.budgetStatus] ?? service.budgetStatus,
            tierLabel(service.tier),
            service.owner ?? '—',
            formatOptionalPercent(service.budgetRemaining),
            formatChange(service.budgetRemainingChange),
            String(service.breachedSlos),
            service.inFreeze ? 'In freeze' : '—',
            service.stale ? 'Stale' : 'Current',
          ]),
        ),
    '## Readiness decisions',
    decisions.length === 0
      ? 'No launch reviews were decided this week.'
      : table(
          ['Entity', 'Decision', 'By', 'When', 'Reason'],
          decisions.map(decision => [
            decision.entityRef,
            decision.decision === 'approved' ? 'Approved' : 'Blocked',
            decision.actor,
            absoluteMoment(decision.at, { zone: 'utc' }),
            decision.reason ?? '—',
          ]),
        ),
  ];
  return `${sections.join('\n\n')}\n`;
}
