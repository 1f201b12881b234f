export * from './budgetStatus';
export * from './services';
export * from './slosMeetingTarget';
export * from './types';
