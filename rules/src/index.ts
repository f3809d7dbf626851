export * from './problem';
export * from './finding';
export * from './catalogue/model';
export * from './rules/registry';
export * from './analysis/api';
