export * from './leadership';
export * from './rotation';
export * from './tally';
