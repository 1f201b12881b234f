import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { Review } from '@reliability-suite/plugin-reliability-common';
import { formatDay } from '../format';
import { EntityName, EntityNames } from '../people/EntityName';
import { When } from '../time/When';
import { ReviewStateChip } from '../readiness/ReviewStateChip';
import { useTableLayout } from '../table/tableLayout';
import { ReviewEntityLink } from './ReviewEntityLink';

const HEADERS = ['Entity', 'State', 'Reviewers', 'Target date', 'Opened'];

/** A target date, marked overdue once it has passed (UTC days, as the backend counts them). */
function TargetDate({ day, now }: { day?: string; now: number }) {
  if (!day) return <>not set</>;
  if (day >= formatDay(now)) return <When at={day} dateOnly now={now} />;
  return (
    <>
      <When at={day} dateOnly now={now} />{' '}
      <Typography component="span" variant="body2" color="error">
        (overdue)
      </Typography>
    </>
  );
}

/**
 * Open launch reviews, one row each, with few columns so that the table fits 1024 px without
 * scrolling (it scrolls inside its card rather than squash). `now` is when the list is shown.
 */
export function ReviewQueueTable({
  reviews,
  now,
}: {
  reviews: Review[];
  now: number;
}) {
  const classes = useTableLayout();
  return (
    <TableContainer>
      <Table
        size="small"
        aria-label="Open launch reviews"
        className={classes.table}
      >
        <TableHead>
          <TableRow>
            {HEADERS.map(header => (
              <TableCell key={header}>{header}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {reviews.map(review => (
            <TableRow key={review.id}>
              <TableCell>
                <ReviewEntityLink entityRef={review.entityRef} />
              </TableCell>
              <TableCell>
                <ReviewStateChip state={review.state} />
              </TableCell>
              {/* References of reviewers not in the catalog wrap anywhere, above a floor. */}
              <TableCell style={{ overflowWrap: 'anywhere', minWidth: '8rem' }}>
                <EntityNames
                  entityRefs={review.reviewers}
                  defaultKind="group"
                />
              </TableCell>
              <TableCell className={classes.nowrap}>
                <TargetDate day={review.targetDate} now={now} />
              </TableCell>
              <TableCell>
                <When at={review.createdAt} now={now} /> by{' '}
                <EntityName entityRef={review.createdBy} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
