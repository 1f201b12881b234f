import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

/** One entry of a chart's legend: a line (or a dashed threshold line, or a bar) and its label. */
export interface LegendEntry {
  label: string;
  color: string;
  /** How it is drawn: `line` (default), `dashed` (a threshold) or `bar`. */
  shape?: 'line' | 'dashed' | 'bar';
}

function Swatch({ color, shape = 'line' }: Omit<LegendEntry, 'label'>) {
  return (
    <svg width={24} height={12} aria-hidden focusable={false}>
      {shape === 'bar' ? (
        <rect x={6} y={0} width={12} height={12} fill={color} />
      ) : (
        <line
          x1={0}
          y1={6}
          x2={24}
          y2={6}
          stroke={color}
          strokeWidth={2}
          strokeDasharray={shape === 'dashed' ? '4 4' : undefined}
        />
      )}
    </svg>
  );
}

/**
 * A chart's legend as a list beside the chart (readable by screen readers, unlike the SVG), with
 * the threshold lines that recharts' own legend leaves out.
 */
export function ChartLegend({
  entries,
  label = 'Legend',
}: {
  entries: LegendEntry[];
  label?: string;
}) {
  return (
    <Box
      component="ul"
      aria-label={label}
      display="flex"
      flexWrap="wrap"
      style={{ gap: '4px 16px', listStyle: 'none', margin: 0, padding: 0 }}
    >
      {entries.map(({ label: text, ...swatch }) => (
        <Box component="li" key={text} display="flex" alignItems="center">
          <Swatch {...swatch} />
          <Typography
            variant="caption"
            component="span"
            style={{ marginLeft: 4 }}
          >
            {text}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
