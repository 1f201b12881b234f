export * from './checklist';
export * from './automaticChecks';
export * from './events';
export * from './projection';
export * from './review';
