import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { isoWeek, shiftWeek } from './isoWeek';

/** Picks the ISO week of the review: previous, next, this week, or any week typed in. */
export function WeekPicker({
  week,
  start,
  end,
  onChange,
}: {
  week: string;
  /** Monday and Sunday of the week, `YYYY-MM-DD`. */
  start: string;
  end: string;
  onChange: (week: string | undefined) => void;
}) {
  const thisWeek = isoWeek(Date.now());
  return (
    <Box display="flex" flexWrap="wrap" alignItems="center" style={{ gap: 12 }}>
      <Button
        variant="outlined"
        size="small"
        onClick={() => onChange(shiftWeek(start, -1))}
      >
        Previous week
      </Button>
      <TextField
        id="weekly-review-week"
        type="week"
        label="Week"
        variant="outlined"
        size="small"
        value={week}
        InputLabelProps={{ shrink: true }}
        onChange={event => {
          if (/^\d{4}-W\d{2}$/.test(event.target.value)) {
            onChange(event.target.value);
          }
        }}
      />
      <Button
        variant="outlined"
        size="small"
        disabled={week >= thisWeek}
        onClick={() => onChange(shiftWeek(start, 1))}
      >
        Next week
      </Button>
      <Button
        size="small"
        disabled={week === thisWeek}
        onClick={() => onChange(undefined)}
      >
        This week
      </Button>
      <Typography variant="body2" color="textSecondary">
        {start} – {end}
      </Typography>
    </Box>
  );
}
