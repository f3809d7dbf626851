export * from './problem';
export * from './finding';
export * from './catalogue/model';
export * from './rules/registry';
export * from './analysis/api';
export * from './analysis/analyse';
export * from './analysis/context';
export * from './catalogue/names';
