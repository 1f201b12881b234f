export * from './budget';
export * from './timeslices';
export * from './policy';
export * from './burnRateAlerts';
