import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles({
  text: {
    display: 'block',
    maxWidth: ({ maxWidth }: { maxWidth: number | string }) => maxWidth,
    // Paper has no tooltips: a printed page shows the whole text, wrapped.
    '@media print': {
      whiteSpace: 'normal',
      overflow: 'visible',
      maxWidth: 'none',
    },
  },
});

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
  const classes = useStyles({ maxWidth });
  return (
    <Tooltip title={title}>
      <Typography
        variant="inherit"
        component="span"
        noWrap
        className={classes.text}
      >
        {text}
      </Typography>
    </Tooltip>
  );
}
