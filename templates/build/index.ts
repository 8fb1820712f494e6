export * from './a1';
export * from './cells';
export * from './cluster';
export * from './new-document';
export * from './scorecard-sheet';
export * from './unit-scorecard';
export * from './values';
