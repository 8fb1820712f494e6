export * from './score';
export * from './explain';
export * from './values';
