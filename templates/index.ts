export * from './plan';
export * from './layouts/cluster';
export * from './criteria/sample-provincial';
export * from './criteria/sample-campaign';
export * from './build';
export * from './read';
