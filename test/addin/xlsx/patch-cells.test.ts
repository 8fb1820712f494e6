/**
 * The patcher's sheet cells (addin/host/xlsx/patch/sheet-cells.ts, update.ts) on XML Excel writes and the
 * product's workbooks do not hold: shared formulas, cells added to a row and rows added, styles new cells take
 * from their row or column, merged cells. What the patch cannot write exactly gives up (CannotPatch).
 */
import { describe, expect, it } from 'vitest';
import { SheetCells } from '../../../addin/host/xlsx/patch/sheet-cells';
import { CannotPatch, updateSheet } from '../../../addin/host/xlsx/patch/update';
import type { WriteReport } from '../../../addin/app/host';
import type { CellPlan } from '../../../templates/plan';

const sheet = (data: string, extra = '') =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C4"/>${extra}<sheetData>${data}</sheetData><mergeCells count="1"><mergeCell ref="E1:F1"/></mergeCells></worksheet>`;

const XML = sheet(
  '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"><v>5</v></c></row>' +
    '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f t="shared" ref="B2:B4" si="0">A2*2</f><v>2</v></c></row>' +
    '<row r="3"><c r="A3"><v>2</v></c><c r="B3"><f t="shared" si="0"/><v>4</v></c></row>' +
    '<row r="4" s="3" customFormat="1"><c r="A4"><v>3</v></c><c r="B4"><f t="shared" si="0"/><v>6</v></c></row>',
  '<cols><col min="3" max="3" width="9" style="2"/></cols>',
);

function update(xml: string, cells: CellPlan[], unlocked: number[] = [2]) {
  const s = SheetCells.open(xml, () => ['Điểm'])!;
  const report: WriteReport = { cellsWritten: 0, sheetsCreated: [], refused: [] };
  const flags = { formulasChanged: false };
  updateSheet(s, { name: 'S', role: 'summary', cells }, new Set(unlocked), () => false, report, flags);
  return { xml: s.xmlText(), report, flags };
}

describe('patched sheet cells', () => {
  it("a shared formula's other cell written as its own formula; the master and the rest kept", () => {
    const r = update(XML, [{ ref: 'B3', formula: 'A3*3', result: 6 }]);
    expect(r.xml).toContain('<c r="B3"><f>A3*3</f><v>6</v></c>');
    expect(r.xml).toContain('<f t="shared" ref="B2:B4" si="0">A2*2</f><v>2</v>');
    expect(r.xml).toContain('<c r="B4"><f t="shared" si="0"/><v>6</v></c>');
    expect(r.flags.formulasChanged).toBe(true);
  });

  it('the master keeps its shared formula when written with the same one and a new result', () => {
    const r = update(XML, [{ ref: 'B2', formula: 'A2*2', result: 9 }]);
    expect(r.xml).toContain('<c r="B2"><f t="shared" ref="B2:B4" si="0">A2*2</f><v>9</v></c>');
    expect(r.flags.formulasChanged).toBe(false);
  });

  it('a master given another formula is left to exceljs', () => {
    expect(() => update(XML, [{ ref: 'B2', formula: 'A2*5', result: 5 }])).toThrow(CannotPatch);
  });

  it('cells and rows added in order, styled from their row or column; an unlocked typed value kept', () => {
    const r = update(XML, [
      { ref: 'C1', value: 'mới' },
      { ref: 'D4', value: 1 },
      { ref: 'A6', formula: 'SUM(A1:A4)', result: 6 },
      { ref: 'B1', value: 7 },
    ]);
    expect(r.xml).toContain(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"><v>5</v></c><c r="C1" s="2" t="inlineStr"><is><t>mới</t></is></c></row>',
    );
    // A new cell takes its row's style (row 4) or its column's (C), as exceljs gives it.
    expect(r.xml).toContain('<c r="D4" s="3"><v>1</v></c>');
    expect(r.xml).toContain('</row><row r="6"><c r="A6"><f>SUM(A1:A4)</f><v>6</v></c></row></sheetData>');
    expect(r.xml).toContain('<dimension ref="A1:D6"/>');
    // B1 is unlocked (format 2) and holds 5: typed, kept.
    expect(r.report.refused).toEqual([{ sheet: 'S', cell: 'B1' }]);
    expect(r.report.cellsWritten).toBe(3);
  });

  it("a merged area's other cell is left to exceljs; a cell written as it was stays as written", () => {
    expect(() => update(XML, [{ ref: 'F1', value: 1 }])).toThrow(CannotPatch);
    const same = update(XML, [{ ref: 'A2', value: 1 }]);
    expect(same.xml).toBe(XML);
    expect(same.report.cellsWritten).toBe(1);
  });

  it('a row of plainly written cells reads as the cell pattern reads it, cell by cell', () => {
    const cells = [
      '<c r="A1"/>',
      '<c r="B1" s="4"/>',
      '<c r="C1" s="4" t="s"><v>0</v></c>',
      '<c r="D1" t="s" s="5"><v>1</v></c>',
      '<c r="E1"><v>2.5</v></c>',
      '<c r="F1" t="b"><v>1</v></c>',
      '<c r="G1" t="str"><f>A1&amp;"x"</f><v>a&lt;b</v></c>',
      '<c r="H1" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
      '<c r="I1" s="2"><f>SUM(A1:B1)</f></c>',
      '<c r="J1" t="inlineStr"><is><t>chữ</t></is></c>',
      '<c r="K1" s="3"><f t="shared" ref="K1:K2" si="0">A1</f><v>3</v></c>',
      '<c r="L1" cm="1"><f t="array" ref="L1">A1:B1</f><v>7</v></c>',
      '<c r="M1"><v>x</v></c>',
      '<c r="N1"></c>',
      '<c r="$O$1"><v>8</v></c>',
      '<c r="P1" s="1" t="n"><v>1E-3</v></c>',
      '<c r="Q1" s="0012"><v>-4</v></c>',
      '<c r="R1" t="n" s="7"/>',
    ];
    const read = (joiner: string) => {
      const s = SheetCells.open(sheet(`<row r="1">${cells.join(joiner)}</row>`), () => ['một', 'hai'])!;
      return Array.from({ length: 18 }, (_, k) => s.cell(1, k + 1));
    };
    // Spaces between the cells: not a plain row, read by the pattern.
    const scanned = read(' ');
    expect(scanned.every((c) => c !== undefined)).toBe(true);
    expect(read('')).toEqual(scanned);
    // A cell that does not read (a date cell, single quotes) makes the row unreadable both ways.
    for (const cell of ['<c r="B1" t="d"><v>2024-01-01</v></c>', "<c r='B1' s='2'><v>4</v></c>"]) {
      const first = (joiner: string) =>
        SheetCells.open(sheet(`<row r="1"><c r="A1"/>${joiner}${cell}</row>`), () => [])!.cell(1, 1);
      expect(first('')).toBeUndefined();
      expect(first(' ')).toBeUndefined();
    }
  });
});
