// Public surface of the pure domain core: no I/O, no Office.js, no DOM, no Node APIs.
// Each concept folder exposes itself through its own index.ts; names must be distinct across folders.
export * from './exact';
export * from './issues';
export * from './model';
export * from './criteria';
export * from './resolve';
export * from './document';
export * from './text';
export * from './registry';
export * from './scorecard';
export * from './indicators';
export * from './ranking';
export * from './compute';
export * from './awards';
export * from './cluster';
export * from './decisions';
export * from './years';
