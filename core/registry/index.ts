export * from './units';
export * from './names';
export * from './resolve';
export * from './lineage';
export * from './check';
export * from './identity';
