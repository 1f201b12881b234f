import { ReactNode } from 'react';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ScorecardTrendPoint } from '@reliability-suite/plugin-reliability-common';
import { useScorecardTiers } from './ScorecardTiers';

const dayFormat = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const formatDay = (day: string) => dayFormat.format(Date.parse(day));

/** A share in percent with one decimal; undefined when there is nothing to share. */
const share = (part: number, whole: number) =>
  whole > 0 ? Number(((part / whole) * 100).toFixed(1)) : undefined;
const percent = (fraction: number | undefined) =>
  fraction === undefined ? undefined : Number((fraction * 100).toFixed(2));

const COLORS = {
  blue: '#1e88e5',
  green: '#43a047',
  orange: '#fb8c00',
  red: '#e53935',
  darkRed: '#8e0000',
  purple: '#8e24aa',
  grey: '#9e9e9e',
};

function ChartCard({
  title,
  children,
}: {
  title: string;
  children: ReactNode;
}) {
  return (
    <Paper variant="outlined" style={{ padding: 16 }}>
      <Typography variant="h6" component="h3" gutterBottom>
        {title}
      </Typography>
      <div role="img" aria-label={title} style={{ width: '100%', height: 260 }}>
        <ResponsiveContainer>
          {children as React.ReactElement}
        </ResponsiveContainer>
      </div>
    </Paper>
  );
}

/**
 * Lines of percentages. `ResponsiveContainer` gives its direct child the measured `width` and
 * `height`; they must reach the chart, which draws nothing without them.
 */
function PercentLines({
  data,
  lines,
  width,
  height,
}: {
  data: Array<Record<string, unknown>>;
  lines: Array<[key: string, name: string, color: string]>;
  width?: number;
  height?: number;
}) {
  return (
    <LineChart
      width={width}
      height={height}
      data={data}
      margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
    >
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="day" tickFormatter={formatDay} />
      <YAxis unit="%" domain={[0, 100]} width={56} />
      <Tooltip
        labelFormatter={day => formatDay(String(day))}
        formatter={value => `${value}%`}
      />
      <Legend />
      {lines.map(([key, name, color]) => (
        <Line
          key={key}
          type="monotone"
          dataKey={key}
          name={name}
          stroke={color}
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}

/** Coverage, attainment and budget status of the org (or of the filtered part) day by day. */
export function TrendCharts({ days }: { days: ScorecardTrendPoint[] }) {
  const { critical } = useScorecardTiers();
  const data = days.map(point => ({
    day: point.day,
    withSlos: share(point.withSlos, point.entities),
    criticalWithSlos: share(point.criticalWithSlos, point.critical),
    criticalWithOnCall: share(point.criticalWithOnCall, point.critical),
    withOnCall: share(point.withOnCall, point.entities),
    attainment: percent(point.attainment),
    readiness: percent(point.readinessScore),
    outOfBudget: point.outOfBudget,
    burningFast: point.burningFast,
    burningSlow: point.burningSlow,
    onTrack: point.onTrack,
    noData: point.noData,
  }));
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} lg={6}>
        <ChartCard title="Coverage">
          <PercentLines
            data={data}
            lines={[
              ['withSlos', 'Services with SLOs', COLORS.blue],
              ['criticalWithSlos', `${critical} with SLOs`, COLORS.purple],
              ['criticalWithOnCall', `${critical} with on-call`, COLORS.green],
              ['withOnCall', 'Services with on-call', COLORS.orange],
            ]}
          />
        </ChartCard>
      </Grid>
      <Grid item xs={12} lg={6}>
        <ChartCard title="Attainment and readiness">
          <PercentLines
            data={data}
            lines={[
              ['attainment', 'Mean attainment', COLORS.blue],
              ['readiness', 'Mean readiness', COLORS.purple],
            ]}
          />
        </ChartCard>
      </Grid>
      <Grid item xs={12}>
        <ChartCard title="Budget status">
          <BarChart
            data={data}
            margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" tickFormatter={formatDay} />
            <YAxis allowDecimals={false} width={56} />
            <Tooltip labelFormatter={day => formatDay(String(day))} />
            <Legend />
            <Bar
              dataKey="outOfBudget"
              name="Out of budget"
              stackId="status"
              fill={COLORS.darkRed}
              isAnimationActive={false}
            />
            <Bar
              dataKey="burningFast"
              name="Burning fast"
              stackId="status"
              fill={COLORS.red}
              isAnimationActive={false}
            />
            <Bar
              dataKey="burningSlow"
              name="Burning slow"
              stackId="status"
              fill={COLORS.orange}
              isAnimationActive={false}
            />
            <Bar
              dataKey="onTrack"
              name="On track"
              stackId="status"
              fill={COLORS.green}
              isAnimationActive={false}
            />
            <Bar
              dataKey="noData"
              name="No data"
              stackId="status"
              fill={COLORS.grey}
              isAnimationActive={false}
            />
          </BarChart>
        </ChartCard>
      </Grid>
    </Grid>
  );
}
