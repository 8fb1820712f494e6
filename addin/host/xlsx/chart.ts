/**
 * exceljs cannot write charts: the plan's ChartPlans are added to the written zip with jszip (a drawing part
 * per sheet, one chart part per chart, their relationships and content types), so Excel and LibreOffice show
 * a bar chart. No Node APIs: runs in the browser too.
 */
import type JSZip from 'jszip';
import { loadJsZip } from './jszip';
import type { ChartPlan, WorkbookPlan } from '../../../templates/plan';
import { parseA1 } from '../../../templates/layouts/a1';
import { esc } from './write/xml';

/** Elements a <drawing> comes before (CT_Worksheet's order). */
export const AFTER_DRAWING = [
  '<legacyDrawing ',
  '<legacyDrawingHF',
  '<drawingHF',
  '<picture',
  '<oleObjects',
  '<controls',
  '<webPublishItems',
  '<tableParts',
  '<extLst',
];

export function chartXml(chart: ChartPlan): string {
  const barDir = chart.kind === 'bar' ? 'bar' : 'col';
  const typeface = chart.font
    ? `<a:latin typeface="${esc(chart.font)}"/><a:cs typeface="${esc(chart.font)}"/>`
    : '';
  // The chart's default text properties (axis labels, data labels): the sheets' font, not the viewer's.
  const txPr = chart.font
    ? `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr>${typeface}</a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`
    : '';
  const min = chart.valueAxisMin === undefined ? '' : `<c:min val="${chart.valueAxisMin}"/>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:rPr lang="vi-VN" b="1">${typeface}</a:rPr><a:t>${esc(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>
<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>
<c:barChart><c:barDir val="${barDir}"/><c:grouping val="clustered"/><c:varyColors val="0"/>
<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${esc(chart.seriesName)}</c:v></c:tx>
<c:spPr><a:solidFill><a:srgbClr val="4472C4"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>
<c:dLbls><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>
<c:cat><c:strRef><c:f>${esc(chart.categories)}</c:f></c:strRef></c:cat>
<c:val><c:numRef><c:f>${esc(chart.values)}</c:f></c:numRef></c:val></c:ser>
<c:gapWidth val="60"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>
<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="${barDir === 'bar' ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${barDir === 'bar' ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>
<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/>${min}</c:scaling><c:delete val="0"/><c:axPos val="${barDir === 'bar' ? 'b' : 'l'}"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="${barDir === 'bar' ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>
</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>${txPr}</c:chartSpace>`;
}

export function anchorXml(chart: ChartPlan, n: number): string {
  const from = parseA1(chart.from)!;
  const to = parseA1(chart.to)!;
  return `<xdr:twoCellAnchor><xdr:from><xdr:col>${from.column - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${to.column - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${to.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${n + 1}" name="Biểu đồ ${n}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId${n}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;
}

/** The zip's sheet part for each sheet name, from workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const wb = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(m[0])?.[1];
    const t = /Target="([^"]+)"/.exec(m[0])?.[1];
    if (id && t) target.set(id, t.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])?.[1];
    const id = /r:id="([^"]+)"/.exec(m[0])?.[1];
    if (name && id && target.has(id))
      out.set(
        name
          .replace(/&amp;/g, '&')
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&apos;/g, "'"),
        target.get(id)!,
      );
  }
  return out;
}

export async function addPlanCharts(bytes: Uint8Array, plan: WorkbookPlan): Promise<Uint8Array> {
  const withCharts = plan.sheets.filter((s) => s.charts && s.charts.length > 0);
  if (withCharts.length === 0) return bytes;
  const zip = await (await loadJsZip()).loadAsync(bytes);
  const parts = await sheetParts(zip);
  let types = (await zip.file('[Content_Types].xml')!.async('string')) ?? '';
  let chartNo = 0;
  let drawingNo = 0;
  while (zip.file(`xl/drawings/drawing${drawingNo + 1}.xml`)) drawingNo++;
  while (zip.file(`xl/charts/chart${chartNo + 1}.xml`)) chartNo++;
  for (const sheet of withCharts) {
    const part = parts.get(sheet.name);
    if (!part) continue;
    let sheetXml = (await zip.file(part)!.async('string')) ?? '';
    if (sheetXml.includes('<drawing ')) continue; // exceljs drew images here; leave that sheet alone
    drawingNo++;
    const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
    const anchors: string[] = [];
    const drawingRels: string[] = [];
    sheet.charts!.forEach((chart, i) => {
      chartNo++;
      zip.file(`xl/charts/chart${chartNo}.xml`, chartXml(chart));
      types = types.replace(
        '</Types>',
        `<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`,
      );
      anchors.push(anchorXml(chart, i + 1));
      drawingRels.push(
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart${chartNo}.xml"/>`,
      );
    });
    zip.file(
      drawingPath,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${anchors.join('')}</xdr:wsDr>`,
    );
    zip.file(
      `xl/drawings/_rels/drawing${drawingNo}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${drawingRels.join('')}</Relationships>`,
    );
    types = types.replace(
      '</Types>',
      `<Override PartName="/${drawingPath}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`,
    );
    const relsPath = part.replace(/worksheets\/(sheet\d+\.xml)$/, 'worksheets/_rels/$1.rels');
    let rels =
      (await zip.file(relsPath)?.async('string')) ??
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const relId = 'rIdThiDuaDrawing';
    rels = rels.replace(
      '</Relationships>',
      `<Relationship Id="${relId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing${drawingNo}.xml"/></Relationships>`,
    );
    zip.file(relsPath, rels);
    if (!sheetXml.includes('xmlns:r='))
      sheetXml = sheetXml.replace(
        '<worksheet ',
        '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
      );
    // <drawing> goes after pageSetup/headerFooter and before legacyDrawing/tableParts (the schema's order).
    const drawing = `<drawing r:id="${relId}"/>`;
    const at = AFTER_DRAWING.map((tag) => sheetXml.indexOf(tag)).filter((i) => i >= 0);
    const pos = at.length ? Math.min(...at) : sheetXml.lastIndexOf('</worksheet>');
    sheetXml = sheetXml.slice(0, pos) + drawing + sheetXml.slice(pos);
    zip.file(part, sheetXml);
  }
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
