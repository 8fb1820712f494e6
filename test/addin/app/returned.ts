/**
 * What a member does with the scorecard it was sent: types its self scores into the input cells and saves the
 * file. The cells are found by comparing the scorecard built without and with the scores (only unlocked input
 * cells change), then the values are typed into the file that was sent, with exceljs: the file sent out must
 * take them where the reader reads them.
 */
import ExcelJS from 'exceljs';
import type { ClusterDocument, Score } from '../../../core';
import { buildUnitScorecard } from '../../../templates';

/** Leaf criteria of a document: those no other criterion names as its parent. */
export function leafCriteria(doc: ClusterDocument) {
  const parents = new Set(doc.criteria.map((c) => c.parent).filter((p): p is string => p !== undefined));
  return doc.criteria.filter((c) => !parents.has(c.code));
}

/** Self scores for a member: each leaf's standard points less 0, 0,5 or 1 (never below 0), by position. */
export function selfScores(doc: ClusterDocument, unit: string, offset: number): Score[] {
  return leafCriteria(doc).map((c, i) => ({
    unit,
    criterion: c.code,
    stage: 'self' as const,
    points: Math.max(0, c.points - ((i + offset) % 3) * 0.5),
  }));
}

export async function typeScores(
  sent: Uint8Array,
  doc: ClusterDocument,
  unit: string,
  scores: Score[],
): Promise<{ bytes: Uint8Array; typed: number }> {
  const blank = buildUnitScorecard({ ...doc, scores: [] }, unit);
  const filled = buildUnitScorecard({ ...doc, scores }, unit);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    sent.buffer.slice(sent.byteOffset, sent.byteOffset + sent.byteLength) as ArrayBuffer,
  );
  let typed = 0;
  for (const sheet of filled.sheets) {
    const before = new Map(blank.sheets.find((s) => s.name === sheet.name)?.cells.map((c) => [c.ref, c]));
    const ws = workbook.getWorksheet(sheet.name);
    if (!ws) continue;
    for (const cell of sheet.cells) {
      const was = before.get(cell.ref);
      if (cell.style?.locked !== false || cell.value === undefined || cell.value === (was?.value ?? null))
        continue;
      const target = ws.getCell(cell.ref);
      if (target.protection?.locked !== false)
        throw new Error(`${sheet.name}!${cell.ref} is not an input cell`);
      target.value = cell.value;
      typed++;
    }
  }
  return { bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), typed };
}
