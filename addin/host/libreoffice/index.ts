/** LibreOffice headless and poppler: a real spreadsheet engine and PDF output for the CLI and the tests (Node only). */
export { ToolFailedError, ToolMissingError, libreOfficeMissing, popplerMissing } from './errors';
export { findOnPath, findPoppler, findSoffice } from './find';
export { createProfile, registryModifications, type Profile, type ProfileOptions } from './profile';
export {
  convertToPdf,
  convertWorkbook,
  convertWorkbooks,
  hasLibreOffice,
  recalculateWorkbook,
  recalculateWorkbooks,
  type ConvertOptions,
  type ConvertTarget,
  type PdfOptions,
} from './convert';
export { pdfPages, pdfToPng, pdfToText, type PageRange, type PngOptions } from './poppler';
export { pdfPathFor, printClaimed, writeWorkbookWithPdf, type PrintedFiles } from './print';
