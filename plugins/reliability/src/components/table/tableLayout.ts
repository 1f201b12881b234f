import { makeStyles } from '@material-ui/core/styles';

/**
 * Tables that read at 1024 px and up. Backstage's theme lets table cells break words anywhere
 * (`word-break: break-word`), so a crowded table squashes its columns letter by letter ("T i e r").
 * `table` on a `Table`: words stay whole and headers stay on one line, so a table too wide for
 * its card scrolls inside its `TableContainer` instead; cells are padded 10 px on the sides
 * rather than the theme's 20/16, for crowded tables. `nowrap` keeps a cell on one line on screen.
 * Printed, cells wrap at spaces and are padded 6 px so that the table fits its page. Long headers: `HeaderLabel`.
 */
export const useTableLayout = makeStyles(theme => ({
  table: {
    '& th, & td': {
      wordBreak: 'normal',
      overflowWrap: 'normal',
      paddingLeft: theme.spacing(1.25),
      paddingRight: theme.spacing(1.25),
    },
    '& thead th': { whiteSpace: 'nowrap' },
    // Paper does not scroll: a printed table fits its page, its cells wrapping at spaces and
    // padded less.
    '@media print': {
      '& th, & td, & thead th': {
        whiteSpace: 'normal',
        paddingLeft: theme.spacing(0.75),
        paddingRight: theme.spacing(0.75),
      },
    },
  },
  /** The first column (the names) stays in view while a wide table scrolls sideways. */
  stickyFirstColumn: {
    '& tr > :first-child': {
      position: 'sticky',
      left: 0,
      zIndex: 1,
      backgroundColor: theme.palette.background.paper,
    },
    // The theme's stripes, which a sticky cell would otherwise cover.
    '& tbody tr:nth-of-type(odd) > :first-child': {
      backgroundColor: theme.palette.background.default,
    },
    '@media print': {
      '& tr > :first-child': { position: 'static' },
    },
  },
  nowrap: { whiteSpace: 'nowrap' },
}));
