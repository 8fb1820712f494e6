export * from './key';
export * from './numbers';
export * from './normalize';
export * from './tone';
export * from './legacy';
export * from './similarity';
export * from './hostile';
export * from './lazily';
