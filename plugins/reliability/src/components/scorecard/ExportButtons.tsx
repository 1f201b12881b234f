import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import {
  ScorecardExportFormat,
  reliabilityApiRef,
} from '../../api/ReliabilityApi';
import { ScorecardQuery } from '../../api/scorecardParams';
import { describeError } from '../readiness/describeError';

/** Downloads every entity of the current view (filters and sort) as CSV or JSON. */
export function ExportButtons({ query }: { query: ScorecardQuery }) {
  const api = useApi(reliabilityApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const download = async (format: ScorecardExportFormat) => {
    setBusy(true);
    try {
      await api.exportScorecard(format, query);
      setError(undefined);
    } catch (e) {
      setError(`Could not export the scorecard: ${describeError(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {error && (
        <Alert severity="error" onClose={() => setError(undefined)}>
          {error}
        </Alert>
      )}
      <Button
        variant="outlined"
        size="small"
        disabled={busy}
        onClick={() => download('csv')}
      >
        Export CSV
      </Button>
      <Button
        variant="outlined"
        size="small"
        disabled={busy}
        onClick={() => download('json')}
      >
        Export JSON
      </Button>
    </>
  );
}
