/** Results patched into a copy of a workbook's package (./patch-package.ts). No Node APIs. */
export { type Deflate, type Inflate, type LogLine, type PatchResult, patchResults } from './patch-package';
