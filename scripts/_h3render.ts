import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { convertToPdf, pdfToPng } from '../addin/host/libreoffice';
import { planToBytes } from '../addin/host/xlsx/workbook-files';
import { writeWorkbookFile } from '../addin/host/xlsx/files';
import { computeCluster, type ClusterDocument } from '../core';
import { buildClusterWorkbook } from '../templates';
const root = '/work/wt-h3-tables-print';
const out = process.argv[2] ?? '/tmp/h3r/out';
const doc = JSON.parse(await readFile(join(root, 'templates/samples/cum-7-2022.json'), 'utf8')) as ClusterDocument;
const c = computeCluster(doc);
const plan = buildClusterWorkbook(doc, c, { now: '2022-12-20T08:00:00Z' });
// Print only non-scorecard sheets + first scorecard
const keep = new Set(['guide','members','criteria','indicators','summary','votes','people','log']);
let first = true;
const sheets = plan.sheets.map((s) => {
  const show = keep.has(s.role) || (s.role === 'scorecard' && first && !(first = false));
  return show ? s : { ...s, hidden: true };
});
const xlsx = `${out}.xlsx`;
await writeWorkbookFile(xlsx, (await planToBytes({ ...plan, sheets })).bytes);
const pdf = await convertToPdf(xlsx, '/tmp/h3r');
console.log(pdf);
const pngs = await pdfToPng(pdf, out, { dpi: 60 });
console.log(pngs.join('\n'));
