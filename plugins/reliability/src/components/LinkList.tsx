import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { ProfileLink } from '@reliability-suite/plugin-reliability-common';
import { RunbookReview } from './RunbookReview';
import { SafeLink } from './SafeLink';

/**
 * Runbook or dashboard links (a title as text when it has no safe URL) with a runbook's review
 * date, or a line saying there are none.
 */
export function LinkList({
  links,
  none,
}: {
  links: ProfileLink[];
  none: string;
}) {
  if (links.length === 0) {
    return <Typography color="textSecondary">{none}</Typography>;
  }
  return (
    <List dense disablePadding>
      {links.map((link, index) => (
        <ListItem key={index} disableGutters>
          <SafeLink url={link.url}>{link.title}</SafeLink>
          <RunbookReview link={link} />
        </ListItem>
      ))}
    </List>
  );
}
