import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';

/**
 * Text on one line of at most `maxWidth`, cut with an ellipsis when longer, the whole of it (or
 * `title`) in a tooltip: a long name keeps its row one line high without squashing its column.
 */
export function TruncatedText({
  text,
  title = text,
  maxWidth,
}: {
  text: string;
  title?: string;
  maxWidth: number | string;
}) {
  return (
    <Tooltip title={title}>
      <Typography
        variant="inherit"
        component="span"
        noWrap
        style={{ display: 'block', maxWidth }}
      >
        {text}
      </Typography>
    </Tooltip>
  );
}
