import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { Review } from '@reliability-suite/plugin-reliability-common';
import {
  LaunchReviewRequest,
  ReviewActionRequest,
} from '../../api/ReliabilityApi';
import { BlockReviewDialog } from './BlockReviewDialog';
import { OpenReviewDialog } from './OpenReviewDialog';

/**
 * The buttons the review's state allows: open a review when there is none or the last one is
 * decided, submit a draft, approve or block one in review, reopen a decided one.
 */
export function ReviewActions({
  review,
  busy,
  onRun,
  onOpenReview,
  onBlock,
}: {
  review?: Review;
  busy: boolean;
  /** Actions without a dialog: submit, approve, reopen. */
  onRun: (reviewId: number, request: ReviewActionRequest) => void;
  onOpenReview: (request: LaunchReviewRequest) => Promise<void>;
  onBlock: (reviewId: number, reason: string) => Promise<void>;
}) {
  const [dialog, setDialog] = useState<'open' | 'block'>();
  const close = () => setDialog(undefined);
  const decided = review?.state === 'approved' || review?.state === 'blocked';
  const button = (label: string, onClick: () => void) => (
    <Button variant="outlined" size="small" disabled={busy} onClick={onClick}>
      {label}
    </Button>
  );
  return (
    <Box display="flex" flexWrap="wrap" gridGap={8} mt={2}>
      {(!review || decided) &&
        button('Open launch review', () => setDialog('open'))}
      {review?.state === 'draft' &&
        button('Submit for review', () =>
          onRun(review.id, { action: 'submit' }),
        )}
      {review?.state === 'in_review' && (
        <>
          {button('Approve', () => onRun(review.id, { action: 'approve' }))}
          {button('Block', () => setDialog('block'))}
        </>
      )}
      {review &&
        decided &&
        button('Reopen', () => onRun(review.id, { action: 'reopen' }))}
      {dialog === 'open' && (
        <OpenReviewDialog onSave={onOpenReview} onClose={close} />
      )}
      {review && dialog === 'block' && (
        <BlockReviewDialog
          onBlock={reason => onBlock(review.id, reason)}
          onClose={close}
        />
      )}
    </Box>
  );
}
