import { useState } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { InfoCard } from '@backstage/core-components';
import {
  ItemStatus,
  ReadinessItem,
} from '@reliability-suite/plugin-reliability-common';
import { CardBoundary } from '../CardBoundary';
import { BreakableText } from '../table/BreakableText';
import { HeaderLabel } from '../table/HeaderLabel';
import { useTableLayout } from '../table/tableLayout';
import { ReadinessActions } from './useEntityReadiness';
import { AttestDialog } from './AttestDialog';
import { ItemActions } from './ItemActions';
import { ItemSignOff } from './ItemSignOff';
import { ItemStateStatus } from './ItemStateStatus';
import { WaiveDialog } from './WaiveDialog';

type OpenDialog = { action: 'attest' | 'waive'; item: ReadinessItem };

/** Room for the text columns, so that rows stay a few lines high at 1024 px. */
const useStyles = makeStyles({
  item: { minWidth: '10rem' },
  reason: { minWidth: '9rem' },
  // Evidence links are long words: they wrap anywhere rather than widen the table.
  signOff: { minWidth: '9rem', '& a': { overflowWrap: 'anywhere' } },
});

/**
 * The readiness checklist: each item, whether it is required and checked automatically or by hand,
 * its state, why, who signed it off, and Attest / Waive; it fits 1024 px (or scrolls in its card).
 */
export function ReadinessChecklist({
  items,
  onAttest,
  onWaive,
}: {
  items: ItemStatus[];
  onAttest: ReadinessActions['attest'];
  onWaive: ReadinessActions['waive'];
}) {
  const layout = useTableLayout();
  const classes = useStyles();
  const [dialog, setDialog] = useState<OpenDialog>();
  const close = () => setDialog(undefined);
  return (
    <InfoCard title="Checklist" noPadding>
      <CardBoundary what="The checklist">
        <TableContainer>
          <Table
            size="small"
            aria-label="Readiness checklist"
            className={layout.table}
          >
            <TableHead>
              <TableRow>
                <TableCell>Item</TableCell>
                <TableCell>Required</TableCell>
                <TableCell>State</TableCell>
                <TableCell>Reason</TableCell>
                <TableCell>
                  <HeaderLabel label="Attestation or waiver" />
                </TableCell>
                <TableCell>Actions</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map(status => {
                const { item } = status;
                return (
                  <TableRow key={item.id}>
                    <TableCell className={classes.item}>
                      <Typography variant="body2">
                        <strong>{item.title}</strong>
                      </Typography>
                      <Typography variant="caption" color="textSecondary">
                        {item.description}
                      </Typography>
                    </TableCell>
                    <TableCell className={layout.nowrap}>
                      <Typography variant="body2">
                        {status.required ? 'Required' : 'Optional'}
                      </Typography>
                      <Typography variant="caption" color="textSecondary">
                        {item.kind === 'manual' ? 'Manual' : 'Automatic'}
                      </Typography>
                    </TableCell>
                    <TableCell className={layout.nowrap}>
                      <ItemStateStatus
                        state={status.state}
                        required={status.required}
                      />
                    </TableCell>
                    <TableCell className={classes.reason}>
                      <BreakableText text={status.reason} />
                    </TableCell>
                    <TableCell className={classes.signOff}>
                      <CardBoundary what="This sign-off">
                        <ItemSignOff status={status} />
                      </CardBoundary>
                    </TableCell>
                    {/* Attest and Waive stack when the table is narrow. */}
                    <TableCell>
                      <ItemActions
                        item={item}
                        onAttest={() => setDialog({ action: 'attest', item })}
                        onWaive={() => setDialog({ action: 'waive', item })}
                      />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      </CardBoundary>
      {dialog?.action === 'attest' && (
        <AttestDialog item={dialog.item} onSave={onAttest} onClose={close} />
      )}
      {dialog?.action === 'waive' && (
        <WaiveDialog item={dialog.item} onSave={onWaive} onClose={close} />
      )}
    </InfoCard>
  );
}
