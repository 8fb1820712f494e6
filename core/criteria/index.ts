export * from './tree';
export * from './rules';
