import { useState } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import {
  ItemStatus,
  ReadinessItem,
} from '@reliability-suite/plugin-reliability-common';
import { CardBoundary } from '../CardBoundary';
import { ReadinessActions } from './useEntityReadiness';
import { AttestDialog } from './AttestDialog';
import { ItemActions } from './ItemActions';
import { ItemSignOff } from './ItemSignOff';
import { ItemStateStatus } from './ItemStateStatus';
import { WaiveDialog } from './WaiveDialog';

type OpenDialog = { action: 'attest' | 'waive'; item: ReadinessItem };

/** The readiness checklist: each item's state, why, who signed it off, and Attest / Waive. */
export function ReadinessChecklist({
  items,
  onAttest,
  onWaive,
}: {
  items: ItemStatus[];
  onAttest: ReadinessActions['attest'];
  onWaive: ReadinessActions['waive'];
}) {
  const [dialog, setDialog] = useState<OpenDialog>();
  const close = () => setDialog(undefined);
  return (
    <InfoCard title="Checklist" noPadding>
      <CardBoundary what="The checklist">
        <Table size="small" aria-label="Readiness checklist">
          <TableHead>
            <TableRow>
              <TableCell>Item</TableCell>
              <TableCell>Required</TableCell>
              <TableCell>Check</TableCell>
              <TableCell>State</TableCell>
              <TableCell>Reason</TableCell>
              <TableCell>Attestation or waiver</TableCell>
              <TableCell>Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map(status => {
              const { item } = status;
              return (
                <TableRow key={item.id}>
                  <TableCell>
                    <Typography variant="body2">
                      <strong>{item.title}</strong>
                    </Typography>
                    <Typography variant="caption" color="textSecondary">
                      {item.description}
                    </Typography>
                  </TableCell>
                  <TableCell style={{ whiteSpace: 'nowrap' }}>
                    {status.required ? 'Required' : 'Optional'}
                  </TableCell>
                  <TableCell style={{ whiteSpace: 'nowrap' }}>
                    {item.kind === 'manual' ? 'Manual' : 'Automatic'}
                  </TableCell>
                  <TableCell style={{ whiteSpace: 'nowrap' }}>
                    <ItemStateStatus state={status.state} />
                  </TableCell>
                  <TableCell>{status.reason}</TableCell>
                  <TableCell>
                    <CardBoundary what="This sign-off">
                      <ItemSignOff status={status} />
                    </CardBoundary>
                  </TableCell>
                  <TableCell style={{ whiteSpace: 'nowrap' }}>
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
