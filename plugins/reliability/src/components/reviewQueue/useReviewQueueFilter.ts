import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  REVIEW_QUEUE_PARAMS,
  ReviewQueueFilter,
  parseReviewQueueFilter,
  reviewQueueParams,
} from '../../api/reviewQueueParams';

/**
 * The review queue's filters, kept in the URL's query string beside the scorecard's own
 * parameters, so that a link (or a reload) opens the same list and Back undoes a change.
 */
export function useReviewQueueFilter() {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => parseReviewQueueFilter(params), [params]);
  const setFilter = useCallback(
    (next: ReviewQueueFilter) =>
      setParams(previous => {
        const updated = new URLSearchParams(previous);
        REVIEW_QUEUE_PARAMS.forEach(name => updated.delete(name));
        reviewQueueParams(next).forEach((value, name) =>
          updated.set(name, value),
        );
        return updated;
      }),
    [setParams],
  );
  return { filter, setFilter };
}
