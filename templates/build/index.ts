export * from '../layouts/a1';
export * from '../layouts/cells';
export * from './cluster';
export * from './new-document';
export * from './scorecard-sheet';
export * from './unit-scorecard';
export * from './values';
