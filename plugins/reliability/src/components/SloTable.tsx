import { Table, TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { SloDefinition } from '@reliability-suite/plugin-reliability-common';
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

const columns: TableColumn<SloDefinition>[] = [
  {
    title: 'SLO',
    field: 'name',
    render: slo => (
      <>
        <Typography variant="body2">{slo.displayName ?? slo.name}</Typography>
        {slo.displayName && (
          <Typography variant="caption" color="textSecondary">
            {slo.name}
          </Typography>
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

/** The entity's SLO definitions with objectives and windows. */
export function SloTable({ slos }: { slos: SloDefinition[] }) {
  return (
    <Table<SloDefinition>
      title={`SLOs (${slos.length})`}
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={slos}
      emptyContent={
        <Typography style={{ padding: 16 }} color="textSecondary">
          No SLOs defined
        </Typography>
      }
    />
  );
}
