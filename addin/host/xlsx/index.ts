export * from './apply';
export * from './chart';
export * from './host';
export * from './snapshot';
