import { useState } from 'react';
import Typography from '@material-ui/core/Typography';
import { DeployGateOverrideRequest } from '../../api/ReliabilityApi';
import { formatDateTime } from '../format';
import { ActionDialog } from '../readiness/ActionDialog';
import { FormTextField } from '../readiness/FormTextField';

const MIN_REASON_LENGTH = 10;

/** How long an override may last: the API takes 1 minute to 7 days. */
export const OVERRIDE_DURATIONS: ReadonlyArray<
  [minutes: number, label: string]
> = [
  [30, '30 minutes'],
  [60, '1 hour'],
  [120, '2 hours'],
  [240, '4 hours'],
  [480, '8 hours'],
  [1440, '1 day'],
  [3 * 1440, '3 days'],
  [7 * 1440, '7 days'],
];

/** Overriding the deploy gate in an emergency: why, and until when (1 hour by default). */
export function OverrideDialog({
  entityTitle,
  onSave,
  onClose,
}: {
  entityTitle: string;
  onSave: (request: DeployGateOverrideRequest) => Promise<void>;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [durationMinutes, setDurationMinutes] = useState(60);
  const until = Date.now() + durationMinutes * 60_000;
  return (
    <ActionDialog
      title={`Override the deploy gate of ${entityTitle}`}
      confirmLabel="Override gate"
      canConfirm={reason.trim().length >= MIN_REASON_LENGTH}
      onConfirm={() => onSave({ reason: reason.trim(), durationMinutes })}
      onClose={onClose}
    >
      <Typography color="textSecondary">
        Deploys go through although the gate refuses them, until the override
        expires. It is recorded with your name and reason, and shown to everyone
        on this page.
      </Typography>
      <FormTextField
        label="Reason"
        helperText={`The emergency, e.g. the incident the deploy fixes (at least ${MIN_REASON_LENGTH} characters)`}
        value={reason}
        onChange={e => setReason(e.target.value)}
        required
        multiline
        minRows={2}
      />
      <FormTextField
        select
        SelectProps={{ native: true }}
        label="Expires after"
        helperText={`Until ${formatDateTime(until)}`}
        value={durationMinutes}
        onChange={e => setDurationMinutes(Number(e.target.value))}
      >
        {OVERRIDE_DURATIONS.map(([minutes, label]) => (
          <option key={minutes} value={minutes}>
            {label}
          </option>
        ))}
      </FormTextField>
    </ActionDialog>
  );
}
