import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  SLOS_MEETING_TARGET,
  ScorecardRow,
  formatSlosMeetingTarget,
} from '@reliability-suite/plugin-reliability-common';
import { BudgetStatusChip } from '../BudgetStatusChip';
import { formatOptionalPercent } from '../format';
import { Column, CompactTable } from './CompactTable';

/** The parts of a system, a row each: tier, SLOs meeting target, budget left and status, readiness. */
export function PartsTable({
  rows,
  tierLabel,
}: {
  rows: ScorecardRow[];
  tierLabel: (level: number | undefined) => string;
}) {
  const columns: Column<ScorecardRow>[] = [
    {
      header: 'Entity',
      cell: row => (
        <EntityRefLink entityRef={row.entityRef} hideIcon>
          {row.title ?? row.name}
        </EntityRefLink>
      ),
    },
    { header: 'Kind', cell: row => row.kind },
    { header: 'Type', cell: row => row.type ?? '—' },
    { header: 'Tier', cell: row => tierLabel(row.tier) },
    {
      header: SLOS_MEETING_TARGET,
      cell: row => formatSlosMeetingTarget(row),
      numeric: true,
    },
    {
      header: 'Budget left',
      cell: row => formatOptionalPercent(row.budgetRemaining),
      numeric: true,
    },
    {
      header: 'Budget status',
      cell: row => <BudgetStatusChip status={row.budgetStatus} />,
    },
    {
      header: 'Readiness',
      cell: row => formatOptionalPercent(row.readinessScore, 0),
      numeric: true,
    },
  ];
  return (
    <CompactTable
      label="Parts"
      columns={columns}
      items={rows}
      keyOf={row => row.entityRef}
    />
  );
}
