import { useMemo } from 'react';
import { Table, TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { SloDefinition } from '@reliability-suite/plugin-reliability-common';
import { DefinitionUnreadableChip } from './DefinitionUnreadableChip';
import { formatObjectives, formatWindow } from './format';
import { SafeLink } from './SafeLink';

function indicatorSummary(slo: SloDefinition): string {
  const { metric } = slo.indicator;
  if (metric.type === 'threshold') return `threshold: ${metric.query.query}`;
  const numerator = metric.good
    ? `good: ${metric.good.query}`
    : `bad: ${metric.bad?.query}`;
  return `${numerator} / total: ${metric.total.query}`;
}

const columns = (
  unreadable: ReadonlySet<string>,
): TableColumn<SloDefinition>[] => [
  {
    title: 'SLO',
    field: 'name',
    render: slo => (
      <>
        <Typography variant="body2">{slo.displayName ?? slo.name}</Typography>
        {slo.displayName && (
          <Typography variant="caption" color="textSecondary" component="div">
            {slo.name}
          </Typography>
        )}
        {unreadable.has(slo.name) && (
          <>
            <DefinitionUnreadableChip />
            <Typography variant="caption" color="textSecondary" component="div">
              As last read; its file cannot be read now
            </Typography>
          </>
        )}
      </>
    ),
  },
  { title: 'Objective', render: formatObjectives },
  { title: 'Window', render: slo => formatWindow(slo.timeWindow) },
  { title: 'Budgeting', field: 'budgetingMethod' },
  {
    title: 'Indicator',
    render: slo => (
      <Typography
        variant="caption"
        style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
      >
        {indicatorSummary(slo)}
      </Typography>
    ),
  },
  {
    title: 'Defined in',
    render: slo =>
      `${slo.source.file}${slo.source.line ? `:${slo.source.line}` : ''}`,
  },
  {
    title: 'Runbook',
    render: slo =>
      slo.runbook ? (
        <SafeLink url={slo.runbook} fallback={slo.runbook}>
          runbook
        </SafeLink>
      ) : (
        '—'
      ),
  },
];

const NONE: ReadonlySet<string> = new Set();

/**
 * The entity's SLO definitions with objectives and windows; those named in `unreadable` (their
 * file cannot be read now) are marked as their last readable definition.
 */
export function SloTable({
  slos,
  unreadable = NONE,
  pending = false,
}: {
  slos: SloDefinition[];
  unreadable?: ReadonlySet<string>;
  /** The entity's definitions have not been read yet: no SLOs are known, not "none defined". */
  pending?: boolean;
}) {
  const tableColumns = useMemo(() => columns(unreadable), [unreadable]);
  return (
    <Table<SloDefinition>
      title={pending ? 'SLOs (pending)' : `SLOs (${slos.length})`}
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={tableColumns}
      data={slos}
      emptyContent={
        <Typography style={{ padding: 16 }} color="textSecondary">
          {pending ? 'SLO definitions not read yet' : 'No SLOs defined'}
        </Typography>
      }
    />
  );
}
