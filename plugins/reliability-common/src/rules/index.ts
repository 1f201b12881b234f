export * from './buildRules';
export * from './checkRules';
export { templateLiteral } from './templateText';
export * from './auditRules';
