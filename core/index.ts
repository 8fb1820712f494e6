// Public surface of the pure domain core: no I/O, no Office.js, no DOM, no Node APIs.
export * from './exact';
export * from './issues';
export * from './document';
export * from './text';
