import Tooltip from '@material-ui/core/Tooltip';
import {
  MomentInput,
  absoluteMoment,
  isoMoment,
  relativeMoment,
} from './moment';

/**
 * A point in time as the whole plugin shows one: relative (`3 hours ago`, `in 2 days`), with the
 * absolute date-time in the viewer's zone and in UTC in a tooltip. `dateOnly` for days (target
 * dates, expiry days). `now` and `zone` are for tests and for lists that share one "now".
 */
export function When({
  at,
  dateOnly,
  now,
  zone,
}: {
  at: MomentInput;
  dateOnly?: boolean;
  now?: number;
  zone?: string;
}) {
  const absolute = absoluteMoment(at, { dateOnly, zone });
  return (
    <Tooltip title={absolute}>
      <time dateTime={isoMoment(at, dateOnly)}>
        {relativeMoment(at, { dateOnly, now, zone })}
      </time>
    </Tooltip>
  );
}
