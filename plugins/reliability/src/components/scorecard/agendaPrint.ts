import { makeStyles } from '@material-ui/core/styles';

/**
 * The print stylesheet of the weekly review, in force while the review is shown: the printout is
 * the agenda alone (the element marked `data-print-agenda`; no sidebar, banner, tabs, buttons or
 * week picker) with tables at full width, text wrapping rather than cut off, and rows not split
 * across pages.
 */
export const useAgendaPrintStyles = makeStyles({
  '@global': {
    '@media print': {
      // Whatever the app puts around the agenda is not printed (it may keep its room)…
      'body *': { visibility: 'hidden' },
      '[data-print-agenda], [data-print-agenda] *': { visibility: 'visible' },
      // …and the chrome known by name gives its room up: sidebar, page header, scorecard tabs,
      // and every button.
      'nav, header, .MuiTabs-root, .MuiButtonBase-root, .MuiButton-root': {
        display: 'none !important',
      },
      // The room the sidebar keeps on screen.
      'main, [class*="BackstageSidebarPage"], [class*="BackstageContent"]': {
        padding: '0 !important',
        margin: '0 !important',
      },
      body: { background: 'white' },
      '.MuiPaper-root, .MuiTableContainer-root': {
        boxShadow: 'none !important',
        overflow: 'visible !important',
      },
      table: { width: '100% !important', minWidth: '0 !important' },
      'th, td': {
        fontSize: '9pt !important',
        padding: '4px 6px !important',
        position: 'static !important',
      },
      'th *, td *': {
        whiteSpace: 'normal !important',
        overflow: 'visible !important',
        textOverflow: 'clip !important',
        maxWidth: 'none !important',
      },
      tr: { pageBreakInside: 'avoid' },
      'h1, h2': { pageBreakAfter: 'avoid' },
      a: { color: 'inherit !important', textDecoration: 'none !important' },
    },
  },
  /** What only the screen shows: the week picker and the agenda's buttons. */
  screenOnly: {
    '@media print': { display: 'none !important' },
  },
});
