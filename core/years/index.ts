export * from './lines';
export * from './people';
export * from './history';
export * from './next';
export * from './compare';
