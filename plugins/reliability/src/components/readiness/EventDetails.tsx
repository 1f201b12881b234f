import { ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import {
  ReadinessEvent,
  ReviewState,
} from '@reliability-suite/plugin-reliability-common';
import { EntityNames } from '../people/EntityName';
import { When } from '../time/When';
import { SafeLink } from '../SafeLink';
import { REVIEW_STATE_LABELS } from './ReviewStateChip';

const stateLabel = (state: string) =>
  REVIEW_STATE_LABELS[state as ReviewState] ?? state;

/** The particulars of an audit event: state change, reason, comment, evidence, expiry, reviewers. */
export function EventDetails({ event }: { event: ReadinessEvent }) {
  const { data, before, after } = event;
  const lines: Array<[string, ReactNode]> = [];
  if (before && after)
    lines.push(['state', `${stateLabel(before)} → ${stateLabel(after)}`]);
  if (data.reason) lines.push(['reason', `Reason: ${data.reason}`]);
  if (data.comment) lines.push(['comment', `Comment: ${data.comment}`]);
  if (data.evidence?.length)
    lines.push([
      'evidence',
      <>
        Evidence:{' '}
        {data.evidence.map((url, i) => (
          <span key={i}>
            {i > 0 && ', '}
            <SafeLink url={url} />
          </span>
        ))}
      </>,
    ]);
  if (data.expiresAt !== undefined)
    lines.push([
      'expiry',
      <>
        Expires <When at={data.expiresAt} dateOnly />
      </>,
    ]);
  if (data.targetDate)
    lines.push([
      'target',
      <>
        Target launch <When at={data.targetDate} dateOnly />
      </>,
    ]);
  if (data.reviewers?.length)
    lines.push([
      'reviewers',
      <>
        Reviewers:{' '}
        <EntityNames entityRefs={data.reviewers} defaultKind="group" />
      </>,
    ]);
  return (
    <>
      {lines.map(([key, line]) => (
        <Typography
          key={key}
          variant="body2"
          color="textSecondary"
          component="div"
        >
          {line}
        </Typography>
      ))}
    </>
  );
}
