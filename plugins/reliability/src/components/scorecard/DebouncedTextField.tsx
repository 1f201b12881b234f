import { useEffect, useState } from 'react';
import TextField from '@material-ui/core/TextField';
import useDebounce from 'react-use/esm/useDebounce';

/**
 * A text filter that reports what was typed once typing pauses. It also takes changes from
 * elsewhere (a drill-down, Back, clearing the filters) and shows them.
 *
 * `normalize` turns text into the form `value` is kept in (`payments` → `group:default/payments`),
 * so text that already means the current value is neither reported nor replaced.
 */
export function DebouncedTextField({
  id,
  label,
  value,
  onChange,
  normalize = text => text.trim(),
  placeholder,
  disabled,
  delayMs = 400,
}: {
  /** Ties the label to the input. */
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  normalize?: (text: string) => string;
  placeholder?: string;
  disabled?: boolean;
  delayMs?: number;
}) {
  const [text, setText] = useState(value);
  useEffect(() => {
    setText(current => (normalize(current) === value ? current : value));
    // Only changes of the value from outside matter here, not a new normalize function.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  useDebounce(
    () => {
      if (normalize(text) !== value) onChange(text);
    },
    delayMs,
    [text],
  );
  return (
    <TextField
      id={id}
      label={label}
      variant="outlined"
      size="small"
      value={text}
      placeholder={placeholder}
      disabled={disabled}
      InputLabelProps={{ shrink: true }}
      onChange={event => setText(event.target.value)}
    />
  );
}
