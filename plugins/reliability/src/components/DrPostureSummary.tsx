import Typography from '@material-ui/core/Typography';
import { DrPosture } from '@reliability-suite/plugin-reliability-common';
import { formatMinutes } from './format';

/** RTO, RPO and the last DR test in one line. */
export function DrPostureSummary({ dr }: { dr: DrPosture }) {
  const parts = [
    `RTO ${
      dr.rtoMinutes !== undefined ? formatMinutes(dr.rtoMinutes) : 'not set'
    }`,
    `RPO ${
      dr.rpoMinutes !== undefined ? formatMinutes(dr.rpoMinutes) : 'not set'
    }`,
    dr.lastTested ? `last tested ${dr.lastTested}` : 'never tested',
  ];
  return (
    <Typography component="span">
      {parts.join(' · ')}
      {dr.nextTestDue && (
        <Typography component="span" variant="body2" color="textSecondary">
          {' '}
          (next test due {dr.nextTestDue})
        </Typography>
      )}
    </Typography>
  );
}
