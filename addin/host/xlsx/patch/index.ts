/** Results patched into a copy of a workbook's package (./patch-package.ts). No Node APIs. */
export {
  type Deflate,
  type DeflateLater,
  type Inflate,
  type LogLine,
  type PatchResult,
  patchResults,
  patchResultsLater,
} from './patch-package';
