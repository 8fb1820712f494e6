/**
 * What the standalone page loads exceljs for (./file-session.ts): a file taken over by exceljs, and a new
 * workbook. A chunk of its own, loaded on first use.
 */
import ExcelJS from 'exceljs';

export { loadWorkbookBytes } from '../host/xlsx/load';

export const blankWorkbook = async () => new ExcelJS.Workbook();
