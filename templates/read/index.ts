export * from './cluster';
export * from './criteria';
export { Reader, ERROR_VALUES, isErrorValue } from './grid';
export * from './sheet-names';
