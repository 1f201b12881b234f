import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { OnCallContact } from '@reliability-suite/plugin-reliability-common';

/** Who is on call and how to page them, whatever the provider. */
export function OnCallSummary({ onCall }: { onCall?: OnCallContact }) {
  if (!onCall) {
    return <Typography color="error">No on-call set</Typography>;
  }
  const how = onCall.url ? (
    <Link to={onCall.url}>{onCall.label}</Link>
  ) : (
    onCall.label
  );
  return (
    <Typography component="span">
      {how}
      {onCall.source === 'owner' && (
        <Typography component="span" variant="body2" color="textSecondary">
          {' '}
          (from owner {onCall.sourceRef})
        </Typography>
      )}
    </Typography>
  );
}
