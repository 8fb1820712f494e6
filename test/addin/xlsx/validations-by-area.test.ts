/**
 * The plan writer writes a validation repeated down a column as one element over several ranges
 * (addin/host/xlsx/write/sheet-part.ts), and every exceljs load splits such an element back into one per
 * range with its formulas moved (addin/host/xlsx/package-repair.ts): a finalised copy, written by exceljs,
 * keeps each cell's rule.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { memberScorecardBuilder } from '../../../addin/app/cycle-core';
import { validationRule } from '../../../addin/host/xlsx/apply';
import { loadWorkbookBytes } from '../../../addin/host/xlsx/load';
import { withValidationsByArea } from '../../../addin/host/xlsx/package-repair';
import { nodeDeflate } from '../../../addin/host/xlsx/write/node-deflate';
import { planPackage } from '../../../addin/host/xlsx/write/plan-package';
import { largeCluster } from '../../../scripts/bench/workbook';

const ELEMENT = /<dataValidation\b[^>]*\ssqref="([^"]*)"[^>]*(?<!\/)>([\s\S]*?)<\/dataValidation>/g;
const decoded = (s: string) =>
  s
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

async function sheetXml(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file('xl/worksheets/sheet1.xml')!.async('string');
}

describe('validations over several ranges', () => {
  const doc = largeCluster(3);
  const plan = memberScorecardBuilder(doc, '2026-12-07T00:00:00Z')(doc.units[0]!.name).plan;
  const sheet = plan.sheets[0]!;
  const bytes = planPackage(plan, { deflate: nodeDeflate }).bytes;

  it('are written once per rule, far fewer than the plan lists', async () => {
    const xml = await sheetXml(bytes);
    const elements = [...xml.matchAll(ELEMENT)];
    expect(sheet.validations!.length).toBeGreaterThan(100);
    expect(elements.length).toBeLessThan(sheet.validations!.length / 10);
    expect(xml).toContain(`<dataValidations count="${elements.length}">`);
    // Every plan range is in exactly one element.
    const areas = elements.flatMap((m) => m[1]!.split(' '));
    expect(areas.sort()).toEqual(sheet.validations!.map((v) => v.range).sort());
  });

  it('come back from an exceljs load and write with each range checking its own cells', async () => {
    const workbook = await loadWorkbookBytes(bytes, 'phieu.xlsx');
    const again = new Uint8Array(await workbook.xlsx.writeBuffer());
    const xml = await sheetXml(again);
    const byRange = new Map<string, string>();
    for (const m of xml.matchAll(ELEMENT)) {
      const formula = /<formula1>([\s\S]*?)<\/formula1>/.exec(m[2]!)?.[1];
      for (const area of m[1]!.split(' ')) byRange.set(area.split(':')[0]!, decoded(formula ?? ''));
    }
    for (const v of sheet.validations!) {
      const rule = validationRule(v);
      if (rule.type !== 'custom') continue;
      // By top-left cell: exceljs writes a one-cell range "H8:H8" as "H8".
      expect(byRange.get(v.range.split(':')[0]!), v.range).toBe(String(rule.formulae[0]));
    }
  });

  it('are split with their formulas moved, the count kept right, other elements untouched', () => {
    const xml =
      '<worksheet><dataValidations count="2"><dataValidation type="none" sqref="A1 B2"/>' +
      '<dataValidation type="custom" allowBlank="1" sqref="G6:G15 G17:G26 H30"><formula1>AND(G6&gt;=0,G6&lt;=$C6,"X1"="X1")</formula1></dataValidation>' +
      '</dataValidations></worksheet>';
    const out = withValidationsByArea(xml)!;
    const elements = [...out.matchAll(ELEMENT)].map((m) => [m[1], m[2]]);
    expect(elements).toEqual([
      ['G6:G15', '<formula1>AND(G6&gt;=0,G6&lt;=$C6,"X1"="X1")</formula1>'],
      ['G17:G26', '<formula1>AND(G17&gt;=0,G17&lt;=$C17,&quot;X1&quot;=&quot;X1&quot;)</formula1>'],
      ['H30', '<formula1>AND(H30&gt;=0,H30&lt;=$C30,&quot;X1&quot;=&quot;X1&quot;)</formula1>'],
    ]);
    expect(out).toContain('<dataValidation type="none" sqref="A1 B2"/>');
    expect(out).toContain('<dataValidations count="4">');
    expect(
      withValidationsByArea(
        '<worksheet><dataValidations count="1"><dataValidation sqref="A1"><formula1>1</formula1></dataValidation></dataValidations></worksheet>',
      ),
    ).toBeUndefined();
  });
});
