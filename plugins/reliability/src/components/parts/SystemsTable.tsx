import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  SLOS_MEETING_TARGET,
  ScorecardRollup,
  formatSlosMeetingTarget,
} from '@reliability-suite/plugin-reliability-common';
import { formatOptionalPercent } from '../format';
import { Column, CompactTable } from './CompactTable';

/**
 * The systems of a domain, a row each with their parts rolled up; the entities of the domain
 * that are in no system last.
 */
export function SystemsTable({ groups }: { groups: ScorecardRollup[] }) {
  const columns: Column<ScorecardRollup>[] = [
    {
      header: 'System',
      cell: group =>
        group.key === undefined ? (
          'In no system'
        ) : (
          <EntityRefLink entityRef={group.key} defaultKind="system" hideIcon />
        ),
    },
    { header: 'Entities', cell: group => group.entities, numeric: true },
    {
      header: 'Services with SLOs',
      cell: group => `${group.services.withSlos}/${group.services.total}`,
      numeric: true,
    },
    {
      header: SLOS_MEETING_TARGET,
      cell: group => formatSlosMeetingTarget(group),
      numeric: true,
    },
    {
      header: 'Worst budget left',
      cell: group => formatOptionalPercent(group.budgetRemaining),
      numeric: true,
    },
    {
      header: 'Out of budget',
      cell: group => group.outOfBudget,
      numeric: true,
    },
    {
      header: 'Readiness',
      cell: group => formatOptionalPercent(group.readinessScore, 0),
      numeric: true,
    },
  ];
  const sorted = [...groups].sort(
    (a, b) => Number(a.key === undefined) - Number(b.key === undefined),
  );
  return (
    <CompactTable
      label="Systems"
      columns={columns}
      items={sorted}
      keyOf={group => group.key ?? ''}
    />
  );
}
