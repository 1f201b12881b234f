import { useState } from 'react';
import { FormTextField } from './FormTextField';
import { ActionDialog } from './ActionDialog';

/** Blocking a launch: the reason is required and goes into the audit trail. */
export function BlockReviewDialog({
  onBlock,
  onClose,
}: {
  onBlock: (reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  return (
    <ActionDialog
      title="Block the launch"
      confirmLabel="Block launch"
      canConfirm={reason.trim() !== ''}
      onConfirm={() => onBlock(reason.trim())}
      onClose={onClose}
    >
      <FormTextField
        label="Reason"
        helperText="What has to change before the launch can be approved"
        value={reason}
        onChange={e => setReason(e.target.value)}
        required
        multiline
        minRows={2}
      />
    </ActionDialog>
  );
}
