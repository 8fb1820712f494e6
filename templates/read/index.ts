export * from './cluster';
export * from './criteria';
export { Reader, ERROR_VALUES, isErrorValue, placeText } from './grid';
export * from './sheet-names';
export * from './sources';
export * from './workbook';
