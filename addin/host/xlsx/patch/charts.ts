/**
 * The plan's charts on a sheet that has none (a package saved by a program that drops charts), as the exceljs
 * path's ../chart.ts adds them: a drawing part, one chart part per chart, their relationships and content
 * types, and the sheet's <drawing> in the schema's place. A sheet with a drawing keeps it as it is. No Node APIs.
 */
import type { SheetPlan } from '../../../../templates/plan';
import { AFTER_DRAWING, anchorXml, chartXml } from '../chart';
import { NS, XML_HEAD, relsXml } from '../write/xml';
import type { Parts, SheetRef } from './parts';
import { relsNameOf } from '../package-repair';

const CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';

/** `planned`: the plan's sheets that have charts. */
export function addPlanCharts(
  parts: Parts,
  sheets: readonly SheetRef[],
  planned: readonly SheetPlan[],
): void {
  let drawingNo = 0;
  let chartNo = 0;
  for (const sheet of planned) {
    if (!sheet.charts?.length) continue;
    const ref = sheets.find((s) => s.name === sheet.name);
    if (!ref) continue;
    let xml = parts.need(ref.part);
    if (/<(?:\w+:)?drawing\b/.test(xml)) continue;
    while (parts.has(`xl/drawings/drawing${drawingNo + 1}.xml`)) drawingNo++;
    const drawing = `xl/drawings/drawing${++drawingNo}.xml`;
    const anchors: string[] = [];
    const chartRels: { id: string; type: string; target: string }[] = [];
    let types = parts.need('[Content_Types].xml');
    sheet.charts.forEach((chart, i) => {
      while (parts.has(`xl/charts/chart${chartNo + 1}.xml`)) chartNo++;
      const part = `xl/charts/chart${++chartNo}.xml`;
      parts.add(part, chartXml(chart));
      types = types.replace('</Types>', `<Override PartName="/${part}" ContentType="${CHART}"/></Types>`);
      anchors.push(anchorXml(chart, i + 1));
      chartRels.push({ id: `rId${i + 1}`, type: 'chart', target: `../charts/chart${chartNo}.xml` });
    });
    parts.add(
      drawing,
      `${XML_HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS.rel}">${anchors.join('')}</xdr:wsDr>`,
    );
    parts.add(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, relsXml(chartRels));
    parts.replace(
      '[Content_Types].xml',
      types.replace('</Types>', `<Override PartName="/${drawing}" ContentType="${DRAWING}"/></Types>`),
    );
    const relsName = relsNameOf(ref.part);
    const rels = parts.text(relsName) ?? relsXml([]);
    const relId = 'rIdThiDuaDrawing';
    const target = `../drawings/drawing${drawingNo}.xml`;
    parts.add(
      relsName,
      rels.replace(
        /<\/(\w+:)?Relationships>\s*$/,
        (end, prefix: string | undefined) =>
          `<${prefix ?? ''}Relationship Id="${relId}" Type="${NS.rel}/drawing" Target="${target}"/>${end}`,
      ),
    );
    if (!/<worksheet\b[^>]*\sxmlns:r=/.test(xml))
      xml = xml.replace('<worksheet ', `<worksheet xmlns:r="${NS.rel}" `);
    const at = AFTER_DRAWING.map((tag) => xml.indexOf(tag)).filter((i) => i >= 0);
    const pos = at.length ? Math.min(...at) : xml.lastIndexOf('</worksheet>');
    parts.replace(ref.part, `${xml.slice(0, pos)}<drawing r:id="${relId}"/>${xml.slice(pos)}`);
  }
}
