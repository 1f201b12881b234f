import { ReactElement } from 'react';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  SLOS_MEETING_TARGET,
  ScorecardTrendPoint,
} from '@reliability-suite/plugin-reliability-common';
import { ChartLegend, LegendEntry } from '../ChartLegend';
import { UTC_DATE_AXIS, dayStart, dayTicks, formatTickDay } from '../timeAxis';
import { useScorecardTiers } from './ScorecardTiers';

const HALF_DAY_MS = 43_200_000;

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

type Series = { key: string; label: string; color: string };

/** A chart with its title and legend above it; the chart itself is an image named by the title. */
function ChartCard({
  title,
  legend,
  children,
}: {
  title: string;
  legend: LegendEntry[];
  children: ReactElement;
}) {
  return (
    <Paper variant="outlined" style={{ padding: 16 }}>
      <Typography variant="h6" component="h3" gutterBottom>
        {title}
      </Typography>
      <ChartLegend label={`Legend of ${title}`} entries={legend} />
      <div role="img" aria-label={title} style={{ width: '100%', height: 280 }}>
        <ResponsiveContainer>{children}</ResponsiveContainer>
      </div>
    </Paper>
  );
}

/** The time axis of every trend chart: UTC days, evenly ticked. */
function timeAxis(first: number, last: number, padded: boolean) {
  return (
    <XAxis
      dataKey="t"
      type="number"
      scale="time"
      domain={
        padded ? [first - HALF_DAY_MS, last + HALF_DAY_MS] : [first, last]
      }
      ticks={dayTicks(first, last)}
      tickFormatter={formatTickDay}
      label={{ value: UTC_DATE_AXIS, position: 'insideBottom', offset: -12 }}
    />
  );
}

const MARGIN = { top: 8, right: 16, bottom: 16, left: 8 };

/** The title of a value axis, read bottom to top. */
const valueAxisLabel = (value: string) => ({
  value,
  angle: -90,
  position: 'insideLeft' as const,
  style: { textAnchor: 'middle' },
});

/**
 * Percentages day by day, each held until the next day's snapshot (`stepAfter`): a jump is drawn
 * as a jump, not smoothed into a slope. A day without a value leaves a gap.
 */
function percentLines(
  data: Array<Record<string, number | undefined>>,
  series: Series[],
  axis: string,
  first: number,
  last: number,
) {
  return (
    <LineChart data={data} margin={MARGIN}>
      <CartesianGrid strokeDasharray="3 3" />
      {timeAxis(first, last, false)}
      <YAxis
        unit="%"
        domain={[0, 100]}
        ticks={[0, 25, 50, 75, 100]}
        width={64}
        label={valueAxisLabel(axis)}
      />
      <Tooltip
        labelFormatter={t => formatTickDay(Number(t))}
        formatter={value => `${value}%`}
      />
      {series.map(({ key, label, color }) => (
        <Line
          key={key}
          type="stepAfter"
          dataKey={key}
          name={label}
          stroke={color}
          dot={false}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}

/**
 * Coverage of services, SLOs meeting target, readiness and budget status of the org (or of the
 * filtered part) day by day, on a UTC date axis.
 */
export function TrendCharts({ days }: { days: ScorecardTrendPoint[] }) {
  const { critical } = useScorecardTiers();
  const data = days.map(point => ({
    t: dayStart(point.day),
    withSlos: share(point.services.withSlos, point.services.total),
    criticalWithSlos: share(
      point.services.criticalWithSlos,
      point.services.critical,
    ),
    criticalWithOnCall: share(
      point.services.criticalWithOnCall,
      point.services.critical,
    ),
    withOnCall: share(point.services.withOnCall, point.services.total),
    slosMeetingTarget: percent(point.attainment),
    readiness: percent(point.readinessScore),
    outOfBudget: point.outOfBudget,
    burningFast: point.burningFast,
    burningSlow: point.burningSlow,
    onTrack: point.onTrack,
    noData: point.noData,
  }));
  if (data.length === 0) return null;
  const first = data[0].t;
  const last = data[data.length - 1].t;
  const coverage: Series[] = [
    { key: 'withSlos', label: 'Services with SLOs', color: COLORS.blue },
    {
      key: 'criticalWithSlos',
      label: `${critical} services with SLOs`,
      color: COLORS.purple,
    },
    {
      key: 'criticalWithOnCall',
      label: `${critical} services with on-call`,
      color: COLORS.green,
    },
    { key: 'withOnCall', label: 'Services with on-call', color: COLORS.orange },
  ];
  const health: Series[] = [
    {
      key: 'slosMeetingTarget',
      label: `${SLOS_MEETING_TARGET} (% of measured SLOs)`,
      color: COLORS.blue,
    },
    {
      key: 'readiness',
      label: 'Mean readiness (% of required items passing)',
      color: COLORS.purple,
    },
  ];
  const statuses: Series[] = [
    { key: 'outOfBudget', label: 'Out of budget', color: COLORS.darkRed },
    { key: 'burningFast', label: 'Burning fast', color: COLORS.red },
    { key: 'burningSlow', label: 'Burning slow', color: COLORS.orange },
    { key: 'onTrack', label: 'On track', color: COLORS.green },
    { key: 'noData', label: 'No data', color: COLORS.grey },
  ];
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} lg={6}>
        <ChartCard title="Coverage" legend={coverage}>
          {percentLines(data, coverage, 'Services (%)', first, last)}
        </ChartCard>
      </Grid>
      <Grid item xs={12} lg={6}>
        <ChartCard
          title={`${SLOS_MEETING_TARGET} and readiness`}
          legend={health}
        >
          {percentLines(data, health, 'Share (%)', first, last)}
        </ChartCard>
      </Grid>
      <Grid item xs={12}>
        <ChartCard
          title="Budget status"
          legend={statuses.map(s => ({ ...s, shape: 'bar' as const }))}
        >
          <BarChart data={data} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" />
            {timeAxis(first, last, true)}
            <YAxis
              allowDecimals={false}
              width={64}
              label={valueAxisLabel('Entities')}
            />
            <Tooltip labelFormatter={t => formatTickDay(Number(t))} />
            {statuses.map(({ key, label, color }) => (
              <Bar
                key={key}
                dataKey={key}
                name={label}
                stackId="status"
                fill={color}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ChartCard>
      </Grid>
    </Grid>
  );
}
