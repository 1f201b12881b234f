import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { WeeklyReviewService } from '@reliability-suite/plugin-reliability-common';
import { BudgetStatusChip } from '../BudgetStatusChip';
import { formatOptionalPercent } from '../format';
import { StaleChip } from '../StaleChip';
import { HeaderLabel } from '../table/HeaderLabel';
import { TruncatedText } from '../table/TruncatedText';
import { useTableLayout } from '../table/tableLayout';
import { TierName } from './ScorecardTiers';
import { formatChange } from './weekChange';

/**
 * The review's services in the order the backend gives: burning fastest first, each marked when
 * the figures of its last snapshot were stale (with their age now).
 */
export function WeeklyServicesTable({
  services,
}: {
  services: WeeklyReviewService[];
}) {
  const titleId = 'weekly-review-services-title';
  const classes = useTableLayout();
  const now = Date.now();
  return (
    <Paper variant="outlined">
      <Typography
        variant="h6"
        component="h2"
        id={titleId}
        style={{ padding: '16px 16px 8px' }}
      >
        Services
      </Typography>
      <TableContainer>
        <Table
          size="small"
          aria-labelledby={titleId}
          className={`${classes.table} ${classes.stickyFirstColumn}`}
        >
          <TableHead>
            <TableRow>
              <TableCell>Service</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Tier</TableCell>
              <TableCell>Owner</TableCell>
              <TableCell align="right">
                <HeaderLabel label="Budget left" />
              </TableCell>
              <TableCell
                align="right"
                title="Change since the previous week, in percentage points"
              >
                Change
              </TableCell>
              <TableCell align="right">
                <HeaderLabel label="Breached SLOs" />
              </TableCell>
              <TableCell>Freeze</TableCell>
              <TableCell title="Whether the figures of the week's last snapshot were stale: a failed evaluation, or none for over two evaluation intervals">
                Figures
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {services.length === 0 && (
              <TableRow>
                <TableCell colSpan={9}>
                  No services with SLOs this week
                </TableCell>
              </TableRow>
            )}
            {services.map(service => (
              <TableRow key={service.entityRef}>
                <TableCell component="th" scope="row">
                  <EntityRefLink entityRef={service.entityRef}>
                    <TruncatedText
                      text={service.title ?? service.name}
                      maxWidth="12rem"
                    />
                  </EntityRefLink>
                </TableCell>
                <TableCell>
                  <BudgetStatusChip status={service.budgetStatus} />
                </TableCell>
                <TableCell className={classes.nowrap}>
                  <TierName level={service.tier} />
                </TableCell>
                <TableCell className={classes.nowrap}>
                  {service.owner ? (
                    <EntityRefLink
                      entityRef={service.owner}
                      defaultKind="group"
                      hideIcon
                    />
                  ) : (
                    '—'
                  )}
                </TableCell>
                <TableCell align="right" className={classes.nowrap}>
                  {formatOptionalPercent(service.budgetRemaining)}
                </TableCell>
                <TableCell align="right" className={classes.nowrap}>
                  {formatChange(service.budgetRemainingChange)}
                </TableCell>
                <TableCell align="right">{service.breachedSlos}</TableCell>
                <TableCell className={classes.nowrap}>
                  {service.inFreeze ? 'In freeze' : '—'}
                </TableCell>
                <TableCell>
                  {service.stale ? (
                    <StaleChip freshness={service} now={now} />
                  ) : (
                    'Current'
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
}
