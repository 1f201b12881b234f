import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api/ReliabilityApi';
import { LoadError } from '../scorecard/LoadError';
import { ReviewQueueFilters } from './ReviewQueueFilters';
import { ReviewQueueTable } from './ReviewQueueTable';
import { useReviewQueueFilter } from './useReviewQueueFilter';

/**
 * The review queue: open launch reviews across the organisation (of the entities the viewer may
 * read), oldest first, filtered by state, reviewer and target date through the URL.
 */
export function ReviewQueueTab() {
  const api = useApi(reliabilityApiRef);
  const { filter, setFilter } = useReviewQueueFilter();
  const { state, reviewer, dueBefore } = filter;
  const reviews = useAsync(async () => {
    const list = await api.getOpenReviews({ state, reviewer, dueBefore });
    return { list, shownAt: Date.now() };
  }, [api, state, reviewer, dueBefore]);
  const filtered = Boolean(state || reviewer || dueBefore);
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
      <ReviewQueueFilters filter={filter} onChange={setFilter} />
      {reviews.error && <LoadError error={reviews.error} />}
      {reviews.loading && <Progress />}
      {!reviews.loading && reviews.value && (
        <>
          {reviews.value.list.length === 0 ? (
            <Typography color="textSecondary">
              {filtered
                ? 'No open launch reviews match these filters'
                : 'No launch reviews are waiting: none is in draft or in review'}
            </Typography>
          ) : (
            <>
              <Typography variant="subtitle1" component="p">
                {reviews.value.list.length === 1
                  ? '1 open launch review'
                  : `${reviews.value.list.length} open launch reviews`}
              </Typography>
              <Paper variant="outlined">
                <ReviewQueueTable
                  reviews={reviews.value.list}
                  now={reviews.value.shownAt}
                />
              </Paper>
            </>
          )}
        </>
      )}
    </Box>
  );
}
