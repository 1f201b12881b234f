import { FormTextField } from './FormTextField';
import { formatDay } from '../format';

const DAY_MS = 86_400_000;

/** The value of a date field a number of days from today, e.g. a default expiry. */
export function daysFromToday(days: number): string {
  return formatDay(Date.now() + days * DAY_MS);
}

/** A `YYYY-MM-DD` date field of a readiness dialog. */
export function DateField({
  label,
  value,
  onChange,
  required = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
}) {
  return (
    <FormTextField
      label={label}
      type="date"
      value={value}
      onChange={e => onChange(e.target.value)}
      required={required}
      InputLabelProps={{ shrink: true }}
    />
  );
}
