export * from './budget';
export * from './errorBudget';
export * from './timeslices';
export * from './policy';
export * from './burnRateAlerts';
