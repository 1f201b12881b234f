import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { DateTime } from 'luxon';
import {
  BudgetPoint,
  ErrorBudgetPolicy,
} from '@reliability-suite/plugin-reliability-common';
import { ChartLegend, LegendEntry } from './ChartLegend';
import { formatPercent } from './format';
import { UTC_DATE_AXIS, dayTicks, formatTickDay } from './timeAxis';

const COLORS = {
  remaining: '#1e88e5',
  yellow: '#f9a825',
  red: '#e53935',
  spent: '#000',
};

/** A moment of the chart in UTC, like its axis: `Nov 23, 14:05 UTC`. */
const formatUtcTime = (ms: number) =>
  `${DateTime.fromMillis(ms, { zone: 'utc' })
    .setLocale('en-US')
    .toFormat('LLL d, HH:mm')} UTC`;

/**
 * The dashed lines of the chart: where the policy turns yellow and red (from the entity's
 * error-budget policy), and where the budget is spent.
 */
export function burnDownThresholds(
  policy: ErrorBudgetPolicy,
): Array<LegendEntry & { percent: number }> {
  const lines = [
    {
      fraction: policy.green.minRemaining,
      label: `Policy yellow below ${formatPercent(policy.green.minRemaining)}`,
      color: COLORS.yellow,
    },
    {
      fraction: policy.yellow.minRemaining,
      label: `Policy red below ${formatPercent(policy.yellow.minRemaining)}`,
      color: COLORS.red,
    },
    { fraction: 0, label: 'Budget spent (0%)', color: COLORS.spent },
  ];
  return lines
    .filter(line => Number.isFinite(line.fraction))
    .map(({ fraction, ...line }) => ({
      ...line,
      percent: Number((fraction * 100).toFixed(2)),
      shape: 'dashed' as const,
    }));
}

/**
 * Remaining error budget across the window (percent over UTC days), with the policy's yellow and
 * red thresholds and zero marked and named in a legend. Nothing without a measured point.
 */
export function BurnDownChart({
  history,
  name,
  policy,
}: {
  history: BudgetPoint[];
  name: string;
  policy: ErrorBudgetPolicy;
}) {
  const data = history
    .filter(point => point.remaining !== undefined)
    .map(point => ({
      t: point.t,
      remaining: Number((point.remaining! * 100).toFixed(2)),
    }));
  if (data.length === 0) return null;
  const thresholds = burnDownThresholds(policy);
  // Ticks every 25 % from 100 % down to below the lowest point (budgets can go negative).
  const lowest = Math.min(
    0,
    Math.floor(Math.min(...data.map(d => d.remaining)) / 25) * 25,
  );
  const yTicks = Array.from(
    { length: (100 - lowest) / 25 + 1 },
    (_, i) => lowest + i * 25,
  );
  const first = data[0].t;
  const last = data[data.length - 1].t;
  const days = dayTicks(first, last);
  // Under two days of history has no two midnights: its ends, with their time, instead.
  const xTicks = days.length >= 2 ? days : [first, last];
  const formatTick = days.length >= 2 ? formatTickDay : formatUtcTime;
  const title = 'Error budget burn-down';
  return (
    <Box mt={2}>
      <Typography variant="subtitle2" component="h4">
        {title}
      </Typography>
      <ChartLegend
        label={`Legend of the burn-down of ${name}`}
        entries={[
          { label: 'Budget remaining', color: COLORS.remaining },
          ...thresholds,
        ]}
      />
      <div
        role="img"
        aria-label={`Burn-down of the error budget of ${name}`}
        style={{ width: '100%', height: 220 }}
      >
        <ResponsiveContainer>
          <LineChart
            data={data}
            margin={{ top: 8, right: 16, bottom: 16, left: 8 }}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={[first, last]}
              ticks={xTicks}
              tickFormatter={formatTick}
              label={{
                value: UTC_DATE_AXIS,
                position: 'insideBottom',
                offset: -12,
              }}
            />
            <YAxis
              unit="%"
              domain={[lowest, 100]}
              ticks={yTicks}
              width={64}
              label={{
                value: 'Budget remaining (%)',
                angle: -90,
                position: 'insideLeft',
                style: { textAnchor: 'middle' },
              }}
            />
            <Tooltip
              labelFormatter={t => formatUtcTime(Number(t))}
              formatter={value => [`${value}%`, 'Budget remaining']}
            />
            {thresholds.map(line => (
              <ReferenceLine
                key={line.label}
                y={line.percent}
                stroke={line.color}
                strokeDasharray="4 4"
              />
            ))}
            <Line
              type="linear"
              dataKey="remaining"
              name="Budget remaining"
              stroke={COLORS.remaining}
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </Box>
  );
}
