import { useState } from 'react';
import { FormTextField } from './FormTextField';
import Typography from '@material-ui/core/Typography';
import { ReadinessItem } from '@reliability-suite/plugin-reliability-common';
import { WaiverRequest } from '../../api/ReliabilityApi';
import { ActionDialog } from './ActionDialog';
import { DateField, daysFromToday } from './DateField';

const MIN_REASON_LENGTH = 10;

/** Waiving an item: why, and until when (30 days ahead by default). */
export function WaiveDialog({
  item,
  onSave,
  onClose,
}: {
  item: ReadinessItem;
  onSave: (request: WaiverRequest) => Promise<void>;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [expiresAt, setExpiresAt] = useState(() => daysFromToday(30));
  return (
    <ActionDialog
      title={`Waive ${item.title}`}
      confirmLabel="Save waiver"
      canConfirm={reason.trim().length >= MIN_REASON_LENGTH && expiresAt !== ''}
      onConfirm={() =>
        onSave({ itemId: item.id, reason: reason.trim(), expiresAt })
      }
      onClose={onClose}
    >
      <Typography color="textSecondary">{item.description}</Typography>
      <FormTextField
        label="Reason"
        helperText={`Why launching without it is acceptable for now (at least ${MIN_REASON_LENGTH} characters)`}
        value={reason}
        onChange={e => setReason(e.target.value)}
        required
        multiline
        minRows={2}
      />
      <DateField
        label="Expires on"
        value={expiresAt}
        onChange={setExpiresAt}
        required
      />
    </ActionDialog>
  );
}
