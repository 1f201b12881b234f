import { useEffect, useState } from 'react';
import Box from '@material-ui/core/Box';
import Link from '@material-ui/core/Link';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import {
  SCORECARD_ROLLUP_DIMENSIONS,
  SLOS_MEETING_TARGET,
  ScorecardRollup,
  ScorecardRollupDimension,
  formatSlosMeetingTarget,
} from '@reliability-suite/plugin-reliability-common';
import { formatOptionalPercent } from '../format';
import { HeaderLabel } from '../table/HeaderLabel';
import { TruncatedText } from '../table/TruncatedText';
import { useTableLayout } from '../table/tableLayout';
import { shortRef } from './entityRefs';
import { DIMENSION_LABELS } from './labels';
import { ScorecardTiers, useScorecardTiers } from './ScorecardTiers';

/** How a group is named: `payments`, `Tier 1` (the tier's configured name), `No owner`. */
function groupName(
  by: ScorecardRollupDimension,
  key: string | undefined,
  tiers: ScorecardTiers,
): string {
  if (key === undefined) return `No ${by}`;
  return by === 'tier'
    ? tiers.label(Number(key))
    : shortRef(key, by === 'owner' ? 'group' : by);
}

/** The columns; the critical one is labelled with the critical tiers (`Tier 0/Tier 1 with SLOs`). */
const columns = (
  critical: string,
): Array<[string, (group: ScorecardRollup) => string | number]> => [
  ['Entities', g => g.entities],
  ['With SLOs', g => `${g.withSlos}/${g.entities}`],
  [`${critical} with SLOs`, g => `${g.criticalWithSlos}/${g.critical}`],
  ['On-call', g => `${g.withOnCall}/${g.entities}`],
  ['Runbooks', g => `${g.withRunbooks}/${g.entities}`],
  ['Out of budget', g => g.outOfBudget],
  ['Burning fast', g => g.burningFast],
  ['Burning slow', g => g.burningSlow],
  ['On track', g => g.onTrack],
  ['No data', g => g.noData],
  [SLOS_MEETING_TARGET, g => formatSlosMeetingTarget(g)],
  ['Readiness', g => formatOptionalPercent(g.readinessScore, 0)],
];

/** Groups per page: an organisation has hundreds of owners and systems. */
const PAGE_SIZES = [10, 25, 100];

/**
 * Coverage and health per owner, system, domain or tier, largest group first and paged. Choosing
 * a group narrows the whole page to it (drill-down); the group of entities without one cannot be
 * chosen.
 */
export function RollupTable({
  by,
  groups,
  onByChange,
  onDrillDown,
}: {
  by: ScorecardRollupDimension;
  groups: ScorecardRollup[];
  onByChange: (by: ScorecardRollupDimension) => void;
  onDrillDown: (key: string) => void;
}) {
  const titleId = 'scorecard-rollup-title';
  const classes = useTableLayout();
  const tiers = useScorecardTiers();
  const COLUMNS = columns(tiers.critical);
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]);
  // New groups (another dimension or filter) start at their first page.
  useEffect(() => setPage(0), [groups]);
  return (
    <Paper variant="outlined" component="section" aria-labelledby={titleId}>
      <Box
        display="flex"
        alignItems="center"
        justifyContent="space-between"
        p={2}
        pb={1}
      >
        <Typography variant="h6" component="h2" id={titleId}>
          Rollup by {by}
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={by}
          aria-label="Roll up by"
          onChange={(_, value: ScorecardRollupDimension | null) =>
            value && onByChange(value)
          }
        >
          {SCORECARD_ROLLUP_DIMENSIONS.map(dimension => (
            <ToggleButton key={dimension} value={dimension}>
              {DIMENSION_LABELS[dimension]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      <TableContainer>
        <Table
          size="small"
          aria-labelledby={titleId}
          className={`${classes.table} ${classes.stickyFirstColumn}`}
        >
          <TableHead>
            <TableRow>
              <TableCell>{DIMENSION_LABELS[by]}</TableCell>
              {COLUMNS.map(([label]) => (
                <TableCell key={label} align="right">
                  <HeaderLabel label={label} />
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {groups.length === 0 && (
              <TableRow>
                <TableCell colSpan={COLUMNS.length + 1}>
                  No entities match these filters
                </TableCell>
              </TableRow>
            )}
            {groups.slice(page * pageSize, (page + 1) * pageSize).map(group => {
              const name = groupName(by, group.key, tiers);
              const drillDown =
                group.key === undefined
                  ? undefined
                  : () => onDrillDown(group.key!);
              return (
                <TableRow
                  key={group.key ?? ''}
                  hover={!!drillDown}
                  onClick={drillDown}
                  style={drillDown ? { cursor: 'pointer' } : undefined}
                >
                  <TableCell component="th" scope="row">
                    {drillDown ? (
                      <Link
                        component="button"
                        variant="body2"
                        onClick={(event: React.MouseEvent) => {
                          event.stopPropagation();
                          drillDown();
                        }}
                      >
                        <TruncatedText
                          text={name}
                          title={`Show only ${name}`}
                          maxWidth="12rem"
                        />
                      </Link>
                    ) : (
                      <Typography
                        variant="body2"
                        color="textSecondary"
                        className={classes.nowrap}
                      >
                        {name}
                      </Typography>
                    )}
                  </TableCell>
                  {COLUMNS.map(([label, value]) => (
                    <TableCell
                      key={label}
                      align="right"
                      className={classes.nowrap}
                    >
                      {value(group)}
                    </TableCell>
                  ))}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      {groups.length > PAGE_SIZES[0] && (
        <TablePagination
          component="div"
          count={groups.length}
          page={Math.min(page, Math.floor((groups.length - 1) / pageSize))}
          rowsPerPage={pageSize}
          rowsPerPageOptions={PAGE_SIZES}
          onPageChange={(_, next) => setPage(next)}
          onRowsPerPageChange={event => {
            setPageSize(Number(event.target.value));
            setPage(0);
          }}
        />
      )}
    </Paper>
  );
}
