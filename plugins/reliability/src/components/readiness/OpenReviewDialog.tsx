import { useState } from 'react';
import { FormTextField } from './FormTextField';
import { LaunchReviewRequest } from '../../api/ReliabilityApi';
import { ActionDialog } from './ActionDialog';
import { DateField } from './DateField';

const DEFAULT_REVIEWERS = 'group:default/sre';

/** Opening a launch review: target launch date and reviewers. */
export function OpenReviewDialog({
  onSave,
  onClose,
}: {
  onSave: (request: LaunchReviewRequest) => Promise<void>;
  onClose: () => void;
}) {
  const [targetDate, setTargetDate] = useState('');
  const [reviewers, setReviewers] = useState(DEFAULT_REVIEWERS);
  const reviewerRefs = reviewers
    .split(',')
    .map(ref => ref.trim())
    .filter(Boolean);
  return (
    <ActionDialog
      title="Open launch review"
      confirmLabel="Open review"
      canConfirm={reviewerRefs.length > 0}
      onConfirm={() =>
        onSave({ targetDate: targetDate || undefined, reviewers: reviewerRefs })
      }
      onClose={onClose}
    >
      <DateField
        label="Target launch date"
        value={targetDate}
        onChange={setTargetDate}
      />
      <FormTextField
        label="Reviewers"
        helperText="User or group refs, comma-separated, e.g. group:default/sre, user:default/ann"
        value={reviewers}
        onChange={e => setReviewers(e.target.value)}
        required
      />
    </ActionDialog>
  );
}
