export * from './rank';
export * from './stage';
