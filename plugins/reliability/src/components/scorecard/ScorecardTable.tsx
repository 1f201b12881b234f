import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  SLOS_MEETING_TARGET,
  ScorecardPage,
  ScorecardRow,
  ScorecardSortField,
  formatSlosMeetingTarget,
} from '@reliability-suite/plugin-reliability-common';
import { ScorecardQuery } from '../../api/scorecardParams';
import { BudgetStatusChip } from '../BudgetStatusChip';
import { formatOptionalPercent } from '../format';
import { PolicyStateChip } from '../PolicyStateChip';
import { HeaderLabel } from '../table/HeaderLabel';
import { TruncatedText } from '../table/TruncatedText';
import { useTableLayout } from '../table/tableLayout';
import { REQUIREMENT_LABELS } from './labels';
import { AlertsDeployed } from './AlertsDeployed';
import { MeasuredAge } from './MeasuredAge';
import { compactOnCall } from './onCallLabel';
import { TierName } from './ScorecardTiers';

const PAGE_SIZES = [25, 50, 100, 200];

interface Column {
  label: string;
  sort?: ScorecardSortField;
  numeric?: boolean;
  /** The cell stays on one line (a chip, a figure, a short label). */
  nowrap?: boolean;
  /** Text that wraps gets this much room at least, so that rows stay a line or two high. */
  minWidth?: string;
  /** A cell of the row; `now` is when the page is shown. */
  render: (row: ScorecardRow, now: number) => ReactNode;
}

const COLUMNS: Column[] = [
  {
    label: 'Entity',
    sort: 'name',
    render: row => (
      <EntityRefLink entityRef={row.entityRef}>
        <TruncatedText text={row.title ?? row.name} maxWidth="12rem" />
      </EntityRefLink>
    ),
  },
  {
    label: 'Tier',
    sort: 'tier',
    nowrap: true,
    render: row => <TierName level={row.tier} />,
  },
  {
    label: 'Owner',
    sort: 'owner',
    nowrap: true,
    render: row =>
      row.owner ? (
        <EntityRefLink entityRef={row.owner} defaultKind="group" hideIcon />
      ) : (
        '—'
      ),
  },
  {
    label: 'On-call',
    render: row =>
      row.onCall ? (
        <TruncatedText
          text={compactOnCall(row.onCall)}
          title={row.onCall}
          maxWidth="9rem"
        />
      ) : (
        'None'
      ),
  },
  {
    label: 'SLOs',
    sort: 'sloCount',
    numeric: true,
    render: row => row.sloCount,
  },
  {
    label: SLOS_MEETING_TARGET,
    sort: 'attainment',
    numeric: true,
    render: row => formatSlosMeetingTarget(row),
  },
  {
    label: 'Budget left',
    sort: 'budgetRemaining',
    numeric: true,
    render: row => formatOptionalPercent(row.budgetRemaining),
  },
  {
    label: '1h burn',
    sort: 'maxBurnRate',
    numeric: true,
    render: row =>
      row.maxBurnRate === undefined
        ? '—'
        : `${Number(row.maxBurnRate.toFixed(1))}×`,
  },
  {
    label: 'Budget status',
    nowrap: true,
    render: row => <BudgetStatusChip status={row.budgetStatus} />,
  },
  {
    label: 'Policy state',
    nowrap: true,
    render: row => <PolicyStateChip state={row.policyState} compact />,
  },
  {
    label: 'Measured',
    nowrap: true,
    render: (row, now) => <MeasuredAge freshness={row.freshness} now={now} />,
  },
  {
    label: 'Alerts',
    minWidth: '11rem',
    render: row => <AlertsDeployed notDeployed={row.alertsNotDeployed} />,
  },
  {
    label: 'Readiness',
    sort: 'readinessScore',
    numeric: true,
    render: row => formatOptionalPercent(row.readinessScore, 0),
  },
  {
    label: 'Missing',
    minWidth: '8rem',
    render: row =>
      row.missing.map(item => REQUIREMENT_LABELS[item]).join(', ') || '—',
  },
];

/** One page of entities, sorted and paged by the backend: headers sort, the footer pages. */
export function ScorecardTable({
  page,
  query,
  loading,
  actions,
  onSort,
  onPage,
  onPageSize,
}: {
  page: ScorecardPage;
  query: ScorecardQuery;
  /** A newer page is on its way; the current one stays until it arrives. */
  loading: boolean;
  actions?: ReactNode;
  onSort: (field: ScorecardSortField) => void;
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
}) {
  const titleId = 'scorecard-entities-title';
  const classes = useTableLayout();
  const now = Date.now();
  return (
    <Paper variant="outlined">
      <Box
        display="flex"
        alignItems="center"
        justifyContent="space-between"
        flexWrap="wrap"
        p={2}
        pb={1}
      >
        <Box display="flex" alignItems="baseline" style={{ gap: 8 }}>
          <Typography variant="h6" component="h2" id={titleId}>
            Entities
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {page.totalCount === 1 ? '1 entity' : `${page.totalCount} entities`}
          </Typography>
        </Box>
        <Box display="flex" style={{ gap: 8 }}>
          {actions}
        </Box>
      </Box>
      {loading ? <LinearProgress /> : <Box height={4} />}
      <TableContainer>
        <Table
          size="small"
          aria-labelledby={titleId}
          className={`${classes.table} ${classes.stickyFirstColumn}`}
        >
          <TableHead>
            <TableRow>
              {COLUMNS.map(column => (
                <TableCell
                  key={column.label}
                  align={column.numeric ? 'right' : 'left'}
                  sortDirection={
                    column.sort && column.sort === query.sort
                      ? query.order
                      : false
                  }
                >
                  {column.sort ? (
                    <TableSortLabel
                      active={column.sort === query.sort}
                      direction={
                        column.sort === query.sort ? query.order : 'asc'
                      }
                      onClick={() => onSort(column.sort!)}
                    >
                      <HeaderLabel label={column.label} />
                    </TableSortLabel>
                  ) : (
                    <HeaderLabel label={column.label} />
                  )}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {page.rows.map(row => (
              <TableRow key={row.entityRef}>
                {COLUMNS.map(column => (
                  <TableCell
                    key={column.label}
                    align={column.numeric ? 'right' : 'left'}
                    className={
                      column.nowrap || column.numeric
                        ? classes.nowrap
                        : undefined
                    }
                    style={{ minWidth: column.minWidth }}
                  >
                    {column.render(row, now)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePagination
        component="div"
        count={page.totalCount}
        // A link may name a page past the end; MUI wants one that exists.
        page={Math.min(
          Math.max(0, query.page - 1),
          Math.max(0, Math.ceil(page.totalCount / query.pageSize) - 1),
        )}
        rowsPerPage={query.pageSize}
        rowsPerPageOptions={
          PAGE_SIZES.includes(query.pageSize)
            ? PAGE_SIZES
            : [...PAGE_SIZES, query.pageSize].sort((a, b) => a - b)
        }
        onPageChange={(_, index) => onPage(index + 1)}
        onRowsPerPageChange={event => onPageSize(Number(event.target.value))}
      />
    </Paper>
  );
}
