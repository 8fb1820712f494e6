export * from './key';
export * from './numbers';
