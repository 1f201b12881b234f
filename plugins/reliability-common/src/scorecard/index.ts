export * from './budgetStatus';
export * from './types';
