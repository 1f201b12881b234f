import Typography from '@material-ui/core/Typography';
import { OnCallContact } from '@reliability-suite/plugin-reliability-common';
import { SafeLink } from './SafeLink';

/** Who is on call and how to page them, whatever the provider. */
export function OnCallSummary({ onCall }: { onCall?: OnCallContact }) {
  if (!onCall) {
    return <Typography color="error">No on-call set</Typography>;
  }
  return (
    <Typography component="span">
      <SafeLink url={onCall.url} mailto>
        {onCall.label}
      </SafeLink>
      {onCall.source === 'owner' && (
        <Typography component="span" variant="body2" color="textSecondary">
          {' '}
          (from owner {onCall.sourceRef})
        </Typography>
      )}
    </Typography>
  );
}
