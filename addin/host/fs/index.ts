// The guarded write path (see guarded-write.ts) and file-system error texts, for the CLI and every Node writer.
export * from './fs-errors';
export * from './guarded-write';
export { decideOutput, type OutputKind } from './output-rules';
