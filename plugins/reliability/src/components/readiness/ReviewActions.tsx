import { useState } from 'react';
import Box from '@material-ui/core/Box';
import {
  Review,
  reviewCreatePermission,
  reviewDecidePermission,
} from '@reliability-suite/plugin-reliability-common';
import {
  LaunchReviewRequest,
  ReviewActionRequest,
} from '../../api/ReliabilityApi';
import { GuardedButton } from '../permissions/GuardedButton';
import { useEntityPermission } from '../permissions/useEntityPermission';
import { BlockReviewDialog } from './BlockReviewDialog';
import { OpenReviewDialog } from './OpenReviewDialog';

/**
 * The buttons the review's state allows: open a review when there is none or the last one is
 * decided, submit a draft, approve or block one in review, reopen a decided one. A button the
 * viewer may not use is disabled and says why: the permission it needs (owners open, submit and
 * reopen; reviewers approve and block), or for Approve, the checklist items that stand in the way.
 */
export function ReviewActions({
  review,
  busy,
  approvalBlocker,
  onRun,
  onOpenReview,
  onBlock,
}: {
  review?: Review;
  busy: boolean;
  /** Why the checklist does not allow approval now, naming the items by title. */
  approvalBlocker?: string;
  /** Actions without a dialog: submit, approve, reopen. */
  onRun: (reviewId: number, request: ReviewActionRequest) => void;
  onOpenReview: (request: LaunchReviewRequest) => Promise<void>;
  onBlock: (reviewId: number, reason: string) => Promise<void>;
}) {
  const [dialog, setDialog] = useState<'open' | 'block'>();
  const create = useEntityPermission(reviewCreatePermission);
  const decide = useEntityPermission(reviewDecidePermission);
  const close = () => setDialog(undefined);
  const decided = review?.state === 'approved' || review?.state === 'blocked';
  const button = (
    label: string,
    disabledReason: string | undefined,
    onClick: () => void,
  ) => (
    <GuardedButton
      variant="outlined"
      size="small"
      disabled={busy}
      disabledReason={disabledReason}
      onClick={onClick}
    >
      {label}
    </GuardedButton>
  );
  return (
    <Box display="flex" flexWrap="wrap" gridGap={8} mt={2}>
      {(!review || decided) &&
        button('Open launch review', create.deniedReason, () =>
          setDialog('open'),
        )}
      {review?.state === 'draft' &&
        button('Submit for review', create.deniedReason, () =>
          onRun(review.id, { action: 'submit' }),
        )}
      {review?.state === 'in_review' && (
        <>
          {button('Approve', decide.deniedReason ?? approvalBlocker, () =>
            onRun(review.id, { action: 'approve' }),
          )}
          {button('Block', decide.deniedReason, () => setDialog('block'))}
        </>
      )}
      {review &&
        decided &&
        button('Reopen', create.deniedReason, () =>
          onRun(review.id, { action: 'reopen' }),
        )}
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
