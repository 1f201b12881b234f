import { useState } from 'react';
import { FormTextField } from './FormTextField';
import Typography from '@material-ui/core/Typography';
import { ReadinessItem } from '@reliability-suite/plugin-reliability-common';
import { AttestationRequest } from '../../api/ReliabilityApi';
import { ActionDialog } from './ActionDialog';
import { DateField, daysFromToday } from './DateField';

/** Attesting a manual item: evidence links, a comment, an expiry (90 days ahead by default). */
export function AttestDialog({
  item,
  onSave,
  onClose,
}: {
  item: ReadinessItem;
  onSave: (request: AttestationRequest) => Promise<void>;
  onClose: () => void;
}) {
  const [evidence, setEvidence] = useState('');
  const [comment, setComment] = useState('');
  const [expiresAt, setExpiresAt] = useState(() => daysFromToday(90));
  const links = evidence
    .split('\n')
    .map(line => line.trim())
    .filter(Boolean);
  return (
    <ActionDialog
      title={`Attest ${item.title}`}
      confirmLabel="Save attestation"
      canConfirm={links.length > 0 && expiresAt !== ''}
      onConfirm={() =>
        onSave({
          itemId: item.id,
          evidence: links,
          comment: comment.trim() || undefined,
          expiresAt,
        })
      }
      onClose={onClose}
    >
      <Typography color="textSecondary">{item.description}</Typography>
      <FormTextField
        label="Evidence links (one URL per line)"
        value={evidence}
        onChange={e => setEvidence(e.target.value)}
        required
        multiline
        minRows={3}
      />
      <FormTextField
        label="Comment"
        value={comment}
        onChange={e => setComment(e.target.value)}
        multiline
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
