import Typography from '@material-ui/core/Typography';
import { ItemStatus } from '@reliability-suite/plugin-reliability-common';
import { EntityName } from '../people/EntityName';
import { When } from '../time/When';
import { SafeLink } from '../SafeLink';

/** Who vouched for an item and until when: its attestation with evidence links, or its waiver. */
export function ItemSignOff({ status }: { status: ItemStatus }) {
  const { attestation, waiver } = status;
  return (
    <>
      {attestation && (
        <>
          <Typography variant="body2">
            Attested by <EntityName entityRef={attestation.actor} />{' '}
            <When at={attestation.at} />
          </Typography>
          {attestation.evidence.map((url, i) => (
            <Typography variant="body2" key={i}>
              <SafeLink url={url} />
            </Typography>
          ))}
          {attestation.comment && (
            <Typography variant="body2">“{attestation.comment}”</Typography>
          )}
          <Typography variant="caption" color="textSecondary">
            Expires <When at={attestation.expiresAt} dateOnly />
          </Typography>
        </>
      )}
      {waiver && (
        <>
          <Typography variant="body2">
            Waived by <EntityName entityRef={waiver.actor} />{' '}
            <When at={waiver.at} />: {waiver.reason}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            Waiver expires <When at={waiver.expiresAt} dateOnly />
          </Typography>
        </>
      )}
    </>
  );
}
