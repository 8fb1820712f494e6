export * from './types';
export * from './fields';
export { amountText, tooLargeText } from './words';
