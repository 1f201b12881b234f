import Typography from '@material-ui/core/Typography';

/**
 * The scorecard's alerts cell: whether the entity's burn-rate alerts are deployed as its SLOs
 * define them (the alert audit), how many SLOs are not, or that they were not audited.
 */
export function AlertsDeployed({ notDeployed }: { notDeployed?: number }) {
  if (notDeployed === undefined)
    return (
      <Typography
        variant="body2"
        color="textSecondary"
        title="Not audited: no metric source has listed its rules yet"
      >
        —
      </Typography>
    );
  if (notDeployed === 0)
    return <Typography variant="body2">Deployed</Typography>;
  return (
    <Typography variant="body2" color="error">
      {notDeployed} SLO{notDeployed === 1 ? '' : 's'} not deployed / out of date
    </Typography>
  );
}
