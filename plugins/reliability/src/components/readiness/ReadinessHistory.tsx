import { useState } from 'react';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { InfoCard } from '@backstage/core-components';
import {
  ItemStatus,
  ReadinessEvent,
} from '@reliability-suite/plugin-reliability-common';
import { CardBoundary } from '../CardBoundary';
import { EntityName } from '../people/EntityName';
import { When } from '../time/When';
import { describeError } from './describeError';
import { describeEvent } from './describeEvent';
import { EventDetails } from './EventDetails';
import { ReadinessActions } from './useEntityReadiness';

/** The audit trail, newest first, as "who — what — when" with particulars, and its JSON export. */
export function ReadinessHistory({
  events,
  items,
  onExport,
}: {
  events: ReadinessEvent[];
  /** To name items by their titles. */
  items: ItemStatus[];
  onExport: ReadinessActions['exportEvents'];
}) {
  const [error, setError] = useState<string>();
  const titleOf = (itemId?: string) =>
    items.find(s => s.item.id === itemId)?.item.title;
  const newestFirst = [...events].sort((a, b) => b.at - a.at || b.id - a.id);
  const exportJson = () =>
    onExport().then(
      () => setError(undefined),
      e => setError(`Could not export the history: ${describeError(e)}`),
    );
  return (
    <InfoCard
      title="History"
      action={
        <Button variant="outlined" size="small" onClick={exportJson}>
          Export JSON
        </Button>
      }
    >
      {error && (
        <Alert severity="error" style={{ marginBottom: 16 }}>
          {error}
        </Alert>
      )}
      <CardBoundary what="The history">
        {newestFirst.length === 0 ? (
          <Typography color="textSecondary">Nothing recorded yet</Typography>
        ) : (
          <List dense disablePadding aria-label="Readiness history">
            {newestFirst.map(event => (
              <ListItem
                key={event.id}
                disableGutters
                divider
                style={{ display: 'block' }}
              >
                <Typography variant="body2">
                  <EntityName entityRef={event.actor} /> —{' '}
                  {describeEvent(event, titleOf(event.itemId))} —{' '}
                  <When at={event.at} />
                </Typography>
                <CardBoundary what="This event's particulars">
                  <EventDetails event={event} />
                </CardBoundary>
              </ListItem>
            ))}
          </List>
        )}
      </CardBoundary>
    </InfoCard>
  );
}
