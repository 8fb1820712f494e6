export * from './tree';
export * from './rules';
export * from './score';
export * from './explain';
export * from './values';
