/** Word documents of the dossier (Node and browser: the `docx` library packs to bytes in both). */
import type { DocumentFiles } from '../../app/files';
import { documentBytes } from './render';

export { documentBytes, renderDocument } from './render';

/** The actions' DocumentFiles (addin/app/files.ts). */
export const docxFiles: DocumentFiles = { documentBytes };
