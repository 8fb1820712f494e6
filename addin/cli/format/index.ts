export * from './issues';
export * from './result';
export * from './table';
