/**
 * The scorecard a member returns to the cluster: one workbook with that unit's scorecard sheet (same layout
 * as in the cluster workbook, so merge reads both the same way) and the hidden meta sheet.
 */
import { type ClusterDocument, fromMilli, matchKey } from '../../core';
import {
  CLUSTER_TEMPLATE_VERSION,
  HEADERS,
  LAYOUT,
  META_KEYS,
  NAME,
  SHEET,
  TABLE,
  UNIT_SCORECARD_TEMPLATE_ID,
  scorecardSheetName,
} from '../layouts/cluster';
import type { CellPlan, WorkbookPlan } from '../plan';
import { a1, sheetRef } from './a1';
import { buildScorecardSheet } from './scorecard-sheet';
import { FMT, fixed, header } from './styles';
import { scorecardValues } from './values';

export function buildUnitScorecard(
  doc: ClusterDocument,
  unit: string,
  options: { now?: string } = {},
): WorkbookPlan {
  const values = scorecardValues(doc);
  const index = doc.units.findIndex((u) => matchKey(u.name) === matchKey(unit));
  if (index < 0) throw new Error(`Đơn vị "${unit}" không có trong danh sách đơn vị của Cụm.`);
  const name = doc.units[index]!.name;
  const evidence = new Set<number>();
  for (const c of doc.criteria) {
    const i = values.tree.byKey.get(matchKey(c.code));
    if (c.evidenceRequired && i !== undefined) evidence.add(i);
  }
  const heading = doc.title ?? `BẢNG CHẤM ĐIỂM THI ĐUA NĂM ${doc.year}`;
  const { sheet } = buildScorecardSheet({
    sheetName: scorecardSheetName(name, new Set([SHEET.meta])),
    unit: name,
    number: index + 1,
    heading,
    tree: values.tree,
    rowOrder: values.rowOrder,
    values: values.units[index]!,
    standardTotal: fromMilli(values.standardTotal),
    evidence,
  });
  const meta: [string, string][] = [
    [META_KEYS.templateId, UNIT_SCORECARD_TEMPLATE_ID],
    [META_KEYS.templateVersion, CLUSTER_TEMPLATE_VERSION],
    [META_KEYS.format, doc.format],
    [META_KEYS.kind, doc.kind],
    [META_KEYS.builtAt, options.now ?? ''],
    ['cluster', doc.cluster.name],
    ['year', String(doc.year)],
    ['unit', name],
  ];
  const cells: CellPlan[] = HEADERS.meta.map((h, i) => ({ ref: a1(1, i + 1), value: h, style: header }));
  meta.forEach(([k, v], i) => {
    cells.push(
      { ref: a1(2 + i, 1), value: k, style: fixed(FMT.text) },
      { ref: a1(2 + i, 2), value: v, style: fixed(FMT.text) },
    );
  });
  return {
    template: { id: UNIT_SCORECARD_TEMPLATE_ID, version: CLUSTER_TEMPLATE_VERSION },
    properties: {
      title: `${heading} — ${name}`,
      subject: `${doc.cluster.name} — ${doc.year}`,
      creator: 'Thi đua',
    },
    sheets: [
      sheet,
      {
        name: SHEET.meta,
        role: 'meta',
        cells,
        tables: [
          { name: TABLE.meta, ref: a1(LAYOUT.metaHeader.row, 1), headers: [...HEADERS.meta], rows: meta },
        ],
        hidden: true,
        protect: true,
      },
    ],
    names: [
      { name: NAME.templateId, ref: sheetRef(SHEET.meta, '$B$2') },
      { name: NAME.templateVersion, ref: sheetRef(SHEET.meta, '$B$3') },
    ],
  };
}
