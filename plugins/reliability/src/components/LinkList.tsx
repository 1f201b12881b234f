import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { ProfileLink } from '@reliability-suite/plugin-reliability-common';

/** Runbook or dashboard links, or a line saying there are none. */
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
      {links.map(link => (
        <ListItem key={`${link.url}-${link.sloName ?? ''}`} disableGutters>
          <Link to={link.url}>{link.title}</Link>
        </ListItem>
      ))}
    </List>
  );
}
