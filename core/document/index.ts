export { clusterDocumentSchema } from './schema';
export * from './parse';
export * from './json-syntax';
export * from './check';
export * from './hidden-text';
export * from './json-bytes';
