import Checkbox from '@material-ui/core/Checkbox';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';

export interface FilterOption {
  value: string;
  label: string;
}

const ANY = 'Any';

/**
 * A labelled drop-down of filter values: several at once with `multiple`, else one or "Any".
 * Its accessible name is the label alone (not the label and the selection), so tests and
 * assistive technology find it as "Tier", "Budget status"…
 */
export function FilterSelect({
  id,
  label,
  options,
  value,
  onChange,
  multiple = false,
}: {
  id: string;
  label: string;
  options: FilterOption[];
  value: string[];
  onChange: (value: string[]) => void;
  multiple?: boolean;
}) {
  // A value from a link that is not among the options is still shown, so it can be removed.
  const all = [
    ...options,
    ...value
      .filter(v => !options.some(o => o.value === v))
      .map(v => ({ value: v, label: v })),
  ];
  const labelOf = (v: string) => all.find(o => o.value === v)?.label ?? v;
  return (
    <TextField
      id={id}
      select
      label={label}
      variant="outlined"
      size="small"
      style={{ minWidth: 160 }}
      value={multiple ? value : value[0] ?? ''}
      onChange={event => {
        const selected = event.target.value as unknown as string | string[];
        if (Array.isArray(selected)) {
          // In the order of the options, so the same selection gives the same link.
          onChange(all.map(o => o.value).filter(v => selected.includes(v)));
        } else {
          onChange(selected ? [selected] : []);
        }
      }}
      InputLabelProps={{ shrink: true }}
      SelectProps={{
        multiple,
        displayEmpty: true,
        renderValue: selected => {
          const values = ([] as string[]).concat(selected as string | string[]);
          return values.filter(Boolean).map(labelOf).join(', ') || ANY;
        },
        SelectDisplayProps: {
          'aria-labelledby': `${id}-label`,
        } as React.HTMLAttributes<HTMLDivElement>,
      }}
    >
      {!multiple && <MenuItem value="">{ANY}</MenuItem>}
      {all.map(option => (
        <MenuItem key={option.value} value={option.value} dense>
          {multiple && (
            <Checkbox
              size="small"
              checked={value.includes(option.value)}
              style={{ padding: 0, marginRight: 8 }}
            />
          )}
          <ListItemText primary={option.label} />
        </MenuItem>
      ))}
    </TextField>
  );
}
