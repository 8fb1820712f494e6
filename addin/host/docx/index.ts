/** Word documents of the dossier (Node and browser: the `docx` library packs to bytes in both). */
export { documentBytes, renderDocument } from './render';
