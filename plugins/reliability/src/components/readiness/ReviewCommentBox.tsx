import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { FormTextField } from './FormTextField';

/** A comment on the launch review; cleared once it is saved. */
export function ReviewCommentBox({
  busy,
  onComment,
}: {
  busy: boolean;
  /** Whether the comment was saved. */
  onComment: (text: string) => Promise<boolean>;
}) {
  const [text, setText] = useState('');
  const add = async () => {
    if (await onComment(text.trim())) setText('');
  };
  return (
    <Box mt={2}>
      <FormTextField
        label="Comment"
        value={text}
        onChange={e => setText(e.target.value)}
        multiline
        margin="none"
        variant="outlined"
        size="small"
      />
      <Box mt={1}>
        <Button
          variant="outlined"
          size="small"
          disabled={busy || text.trim() === ''}
          onClick={add}
        >
          Add comment
        </Button>
      </Box>
    </Box>
  );
}
