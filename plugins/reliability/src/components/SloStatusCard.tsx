import { ReactNode } from 'react';
import Alert from '@material-ui/lab/Alert';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import {
  ErrorBudgetPolicy,
  Freshness,
  SloDefinition,
  SloFigures,
  SloStatus,
  burnRateAlerts,
  firingBurnRateAlerts,
  formatDurationMs,
} from '@reliability-suite/plugin-reliability-common';
import { BurnDownChart } from './BurnDownChart';
import { DefinitionUnreadableChip } from './DefinitionUnreadableChip';
import { PendingChip } from './PendingChip';
import { StaleChip, staleReason } from './StaleChip';
import { PolicyStateChip } from './PolicyStateChip';
import {
  formatAge,
  formatBudgetAmount,
  formatOutageMinutes,
  formatPercent,
  formatTarget,
  formatWindow,
} from './format';
import { When } from './time/When';

/** When the budget runs out at the current burn rate, if it does and is not spent already. */
function projectedExhaustion(figures: SloFigures): ReactNode {
  if (figures.projectedExhaustion)
    return <When at={figures.projectedExhaustion} />;
  if (figures.budget.overspent) return 'already spent';
  return 'not at the current burn rate';
}

function Attainment({ figures }: { figures: SloFigures }) {
  if (figures.sli === undefined) {
    return (
      <Typography>
        No data: no traffic in the window (neither 100 % nor 0 %)
      </Typography>
    );
  }
  return (
    <Typography>
      SLI <strong>{formatPercent(figures.sli, 3)}</strong> against a target of{' '}
      {formatTarget(figures.target)}: {figures.attained ? 'met' : 'not met'}
    </Typography>
  );
}

function RemainingBudget({ figures }: { figures: SloFigures }) {
  const { budget } = figures;
  if (budget.remainingFraction === undefined) return null;
  return (
    <Typography>
      Error budget remaining:{' '}
      <strong>{formatPercent(budget.remainingFraction, 1)}</strong>
      {budget.remaining !== undefined && budget.total !== undefined && (
        <>
          {' '}
          ({formatBudgetAmount(budget.remaining, budget.unit)} of{' '}
          {formatBudgetAmount(budget.total, budget.unit)}
          {budget.unit === 'events' && budget.outageMinutes && (
            <>
              ; as full outage{' '}
              {formatOutageMinutes(budget.outageMinutes.remaining)} of{' '}
              {formatOutageMinutes(budget.outageMinutes.total)}
            </>
          )}
          )
        </>
      )}
      {budget.overspent && <strong> — out of budget</strong>}
    </Typography>
  );
}

function BurnRates({ figures }: { figures: SloFigures }) {
  const sloWindowMs = figures.windowEnd - figures.windowStart;
  const alerts = burnRateAlerts(sloWindowMs);
  const firing = firingBurnRateAlerts(figures.burnRates, sloWindowMs);
  return (
    <>
      <Table size="small" aria-label="Burn rates">
        <TableHead>
          <TableRow>
            <TableCell>Burn rate</TableCell>
            {figures.burnRates.map(b => (
              <TableCell
                key={b.windowMs}
                align="right"
                style={{ whiteSpace: 'nowrap' }}
              >
                {formatDurationMs(b.windowMs)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          <TableRow>
            <TableCell>× budget</TableCell>
            {figures.burnRates.map(b => (
              <TableCell
                key={b.windowMs}
                align="right"
                style={{ whiteSpace: 'nowrap' }}
              >
                {b.rate === undefined
                  ? 'no data'
                  : `${Number(b.rate.toFixed(2))}×`}
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
      <Typography
        variant="body2"
        color={firing.length ? 'error' : 'textSecondary'}
      >
        {firing.length
          ? `Burn-rate alerts firing: ${firing
              .map(
                a =>
                  `${a.severity} ${a.burnRate}× over ${formatDurationMs(
                    a.longWindowMs,
                  )}/${formatDurationMs(a.shortWindowMs)}`,
              )
              .join(', ')}`
          : `No burn-rate alert firing (page at ${alerts[0].burnRate}× over 1h/5m and ${alerts[1].burnRate}× over 6h/30m)`}
      </Typography>
    </>
  );
}

/**
 * One SLO: attainment, budget, burn rates, policy state and actions, data age, burn-down. An SLO
 * never evaluated is marked Pending (not measured yet), never "No data".
 */
export function SloStatusCard({
  definition,
  status,
  policy,
  definitionUnreadable = false,
  freshness,
  now = Date.now(),
}: {
  definition: SloDefinition;
  status: SloStatus;
  policy: ErrorBudgetPolicy;
  /** How current the figures are, as the backend judged when it served them. */
  freshness?: Freshness;
  /** The SLO's file cannot be read now: the definition shown is the last one read. */
  definitionUnreadable?: boolean;
  now?: number;
}) {
  const { figures } = status;
  const title = definition.displayName ?? definition.name;
  const state = figures?.policyState ?? 'nodata';
  return (
    <InfoCard
      title={title}
      subheader={`${formatTarget(
        definition.objectives[0].target,
      )} over ${formatWindow(definition.timeWindow)}, ${
        definition.budgetingMethod
      }`}
    >
      <Box
        mb={1}
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 8 }}
      >
        {status.state === 'pending' ? (
          <PendingChip />
        ) : (
          <PolicyStateChip state={state} />
        )}
        {definitionUnreadable && <DefinitionUnreadableChip />}
        <StaleChip freshness={freshness} now={now} />
      </Box>
      {freshness?.staleBecause === 'old' && (
        <Alert severity="warning" style={{ marginBottom: 12 }}>
          {staleReason(freshness, now)}: the figures below may no longer hold.
        </Alert>
      )}
      {definitionUnreadable && (
        <Typography variant="body2" style={{ marginBottom: 12 }}>
          Its file cannot be read now: objective, window and figures are from
          the last readable definition, and are not trusted.
        </Typography>
      )}
      {status.state === 'degraded' && (
        <Alert severity="warning" style={{ marginBottom: 12 }}>
          Metric source failing (
          {status.attemptedAt ? formatAge(status.attemptedAt, now) : 'recently'}
          ): {status.error}.{' '}
          {status.goodAt
            ? `Showing the last good values, measured ${formatAge(
                status.goodAt,
                now,
              )}.`
            : 'No good value yet.'}
        </Alert>
      )}
      {!figures ? (
        <Typography color="textSecondary">
          {status.state === 'pending'
            ? 'Not measured yet: figures appear after the next evaluation cycle.'
            : 'No measurement yet'}
        </Typography>
      ) : (
        <>
          <Attainment figures={figures} />
          <RemainingBudget figures={figures} />
          {figures.budget.remainingFraction !== undefined && (
            <Typography>
              Projected exhaustion: {projectedExhaustion(figures)}
            </Typography>
          )}
          <Typography variant="body2" color="textSecondary">
            Measured <When at={figures.measuredAt} now={now} />
          </Typography>
          <BurnRates figures={figures} />
          {state !== 'nodata' && (
            <>
              <Typography variant="subtitle2" style={{ marginTop: 12 }}>
                Error-budget policy: {policy[state].summary}
              </Typography>
              <List
                dense
                disablePadding
                aria-label={`Policy actions for ${title}`}
              >
                {policy[state].actions.map(action => (
                  <ListItem key={action} disableGutters>
                    {action}
                  </ListItem>
                ))}
              </List>
            </>
          )}
          <BurnDownChart
            history={figures.history}
            name={title}
            policy={policy}
          />
        </>
      )}
    </InfoCard>
  );
}
