import { useId } from 'react';
import TextField, { TextFieldProps } from '@material-ui/core/TextField';

/** A full-width text field whose label is tied to its input, so it can be found by its label. */
export function FormTextField(props: TextFieldProps) {
  const id = useId();
  return <TextField id={id} fullWidth margin="normal" {...props} />;
}
