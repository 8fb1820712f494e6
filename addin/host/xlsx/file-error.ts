/** A workbook file that cannot be read or written, with the one-line message shown (no Node APIs). */
import type { Bilingual } from '../../../core';

export class WorkbookFileError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
  }
}
