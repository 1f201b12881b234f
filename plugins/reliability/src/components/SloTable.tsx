import { useMemo } from 'react';
import { Table, TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { SloDefinition } from '@reliability-suite/plugin-reliability-common';
import { DefinitionUnreadableChip } from './DefinitionUnreadableChip';
import { formatObjectives, formatWindow } from './format';
import { SafeLink } from './SafeLink';
import { BreakableText } from './table/BreakableText';
import { useTableLayout } from './table/tableLayout';

/** A row of the table: an SLO, by its name (unique within an entity), as material-table wants. */
type SloRow = SloDefinition & { id: string };

function indicatorSummary(slo: SloDefinition): string {
  const { metric } = slo.indicator;
  if (metric.type === 'threshold') return `threshold: ${metric.query.query}`;
  const numerator = metric.good
    ? `good: ${metric.good.query}`
    : `bad: ${metric.bad?.query}`;
  return `${numerator} / total: ${metric.total.query}`;
}

/**
 * Every column sized by its content (`width: 'auto'`; material-table would split the width
 * evenly), the text columns given room to stay a few lines high; the runbook goes with the SLO's
 * name, so that the table fits 1024 px.
 */
const columns = (unreadable: ReadonlySet<string>): TableColumn<SloRow>[] => [
  {
    title: 'SLO',
    field: 'name',
    width: 'auto',
    cellStyle: { minWidth: 160 },
    render: slo => (
      <>
        <Typography variant="body2">{slo.displayName ?? slo.name}</Typography>
        {slo.displayName && (
          <Typography variant="caption" color="textSecondary" component="div">
            {slo.name}
          </Typography>
        )}
        {slo.runbook && (
          <Typography variant="caption" component="div">
            <SafeLink url={slo.runbook} fallback={slo.runbook}>
              runbook
            </SafeLink>
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
  { title: 'Objective', width: 'auto', render: formatObjectives },
  {
    // How the budget is counted over the window (`Occurrences`) goes with the window itself.
    title: 'Window',
    width: 'auto',
    render: slo => (
      <>
        <Typography variant="body2">{formatWindow(slo.timeWindow)}</Typography>
        <Typography variant="caption" color="textSecondary" component="div">
          {slo.budgetingMethod} budgeting
        </Typography>
      </>
    ),
  },
  {
    title: 'Indicator',
    width: 'auto',
    cellStyle: { minWidth: 220 },
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
    width: 'auto',
    cellStyle: { minWidth: 140 },
    render: slo => (
      <BreakableText
        text={`${slo.source.file}${
          slo.source.line ? `:${slo.source.line}` : ''
        }`}
      />
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
  const layout = useTableLayout();
  const tableColumns = useMemo(() => columns(unreadable), [unreadable]);
  const rows = useMemo(
    () => slos.map(slo => ({ ...slo, id: slo.name })),
    [slos],
  );
  return (
    <div className={layout.table}>
      <Table<SloRow>
        title={pending ? 'SLOs (pending)' : `SLOs (${slos.length})`}
        // An entity has a few SLOs, in the order of its files: no sorting, whose icons would
        // cost the headers the room of a column at 1024 px.
        options={{
          paging: false,
          search: false,
          sorting: false,
          padding: 'dense',
        }}
        columns={tableColumns}
        data={rows}
        emptyContent={
          <Typography style={{ padding: 16 }} color="textSecondary">
            {pending ? 'SLO definitions not read yet' : 'No SLOs defined'}
          </Typography>
        }
      />
    </div>
  );
}
