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
import { BudgetPoint } from '@reliability-suite/plugin-reliability-common';
import { formatDateTime } from './format';

const dateFormat = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
});

/** Remaining error budget across the window, with the policy thresholds and zero marked. */
export function BurnDownChart({
  history,
  name,
}: {
  history: BudgetPoint[];
  name: string;
}) {
  const data = history
    .filter(point => point.remaining !== undefined)
    .map(point => ({
      t: point.t,
      remaining: Number((point.remaining! * 100).toFixed(2)),
    }));
  if (data.length === 0) return null;
  // Ticks every 25 % from 100 % down to below the lowest point (budgets can go negative).
  const lowest = Math.min(
    0,
    Math.floor(Math.min(...data.map(d => d.remaining)) / 25) * 25,
  );
  const ticks = Array.from(
    { length: (100 - lowest) / 25 + 1 },
    (_, i) => lowest + i * 25,
  );
  return (
    <div
      role="img"
      aria-label={`Burn-down of the error budget of ${name}`}
      style={{ width: '100%', height: 180 }}
    >
      <ResponsiveContainer>
        <LineChart
          data={data}
          margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            domain={['dataMin', 'dataMax']}
            tickFormatter={t => dateFormat.format(t)}
          />
          <YAxis unit="%" domain={[lowest, 100]} ticks={ticks} width={56} />
          <Tooltip
            labelFormatter={t => formatDateTime(Number(t))}
            formatter={value => [`${value}%`, 'Budget remaining']}
          />
          <ReferenceLine y={50} stroke="#f9a825" strokeDasharray="4 4" />
          <ReferenceLine y={10} stroke="#e53935" strokeDasharray="4 4" />
          <ReferenceLine y={0} stroke="#000" />
          <Line
            type="monotone"
            dataKey="remaining"
            stroke="#1e88e5"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
