import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { WeeklyReview } from '@reliability-suite/plugin-reliability-common';
import { EntityName } from '../people/EntityName';
import { When } from '../time/When';

/** Launch readiness reviews approved or blocked during the week. */
export function WeeklyDecisions({
  decisions,
}: {
  decisions: WeeklyReview['decisions'];
}) {
  return (
    <InfoCard title="Readiness decisions">
      {decisions.length === 0 ? (
        <Typography color="textSecondary">
          No launch reviews were decided this week
        </Typography>
      ) : (
        <List dense disablePadding aria-label="Readiness decisions">
          {decisions.map(decision => (
            <ListItem
              key={`${decision.entityRef}-${decision.reviewId}-${decision.at}`}
              disableGutters
              divider
            >
              <ListItemText
                primary={
                  <>
                    <EntityRefLink entityRef={decision.entityRef} />
                    {` — ${
                      decision.decision === 'approved' ? 'Approved' : 'Blocked'
                    } by `}
                    <EntityName entityRef={decision.actor} /> —{' '}
                    <When at={decision.at} />
                  </>
                }
                secondary={decision.reason}
              />
            </ListItem>
          ))}
        </List>
      )}
    </InfoCard>
  );
}
