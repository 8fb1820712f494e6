/**
 * The scorecard a member returns to the cluster: one workbook with that unit's scorecard sheet (same layout
 * as in the cluster workbook, so merge reads both the same way) and the hidden meta sheet, which also
 * carries the cluster's information (members, leader, criteria with standards and caps…) so that the
 * members' files alone rebuild the cluster workbook (templates/read/unit-meta.ts reads it back).
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
import { UNIT_META_FIELDS, UNIT_META_KEYS, UNIT_META_PART_CHARS } from '../layouts/unit-meta';
import type { CellPlan, WorkbookPlan } from '../plan';
import { a1, sheetRef } from '../layouts/a1';
import { buildScorecardSheet } from './scorecard-sheet';
import { fitRowHeights } from './row-heights';
import { FMT, fixed, header } from './styles';
import { scorecardValues } from './values';

export function buildUnitScorecard(
  doc: ClusterDocument,
  unit: string,
  options: { now?: string } = {},
): WorkbookPlan {
  return unitScorecardBuilder(doc, options)(unit);
}

/**
 * Every member's scorecard from one computation: the cluster's values, evidence marks and carried document
 * are worked out once, then each member's plan is only its own sheet (sending out stays linear in members).
 */
export function unitScorecardBuilder(
  doc: ClusterDocument,
  options: { now?: string } = {},
): (unit: string) => WorkbookPlan {
  // The verified stage is the cluster's: a member's copy carries none (its verified columns are locked).
  const values = scorecardValues({
    ...doc,
    scores: (doc.scores ?? []).filter((s) => s.stage !== 'verified'),
  });
  const evidence = new Set<number>();
  for (const c of doc.criteria) {
    const i = values.tree.byKey.get(matchKey(c.code));
    if (c.evidenceRequired && i !== undefined) evidence.add(i);
  }
  const carried = unitMetaDocumentRows(doc);
  return (unit) => unitScorecardPlan(doc, unit, options, values, evidence, carried);
}

function unitScorecardPlan(
  doc: ClusterDocument,
  unit: string,
  options: { now?: string },
  values: ReturnType<typeof scorecardValues>,
  evidence: ReadonlySet<number>,
  carried: readonly [string, string][],
): WorkbookPlan {
  const index = doc.units.findIndex((u) => matchKey(u.name) === matchKey(unit));
  if (index < 0) throw new Error(`Đơn vị "${unit}" không có trong danh sách đơn vị của Cụm.`);
  const name = doc.units[index]!.name;
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
    memberCopy: true,
  });
  const meta: [string, string][] = [
    [META_KEYS.templateId, UNIT_SCORECARD_TEMPLATE_ID],
    [META_KEYS.templateVersion, CLUSTER_TEMPLATE_VERSION],
    [META_KEYS.format, doc.format],
    [META_KEYS.kind, doc.kind],
    [META_KEYS.builtAt, options.now ?? ''],
    [UNIT_META_KEYS.cluster, doc.cluster.name],
    [UNIT_META_KEYS.year, String(doc.year)],
    [UNIT_META_KEYS.unit, name],
    ...carried,
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
      fitRowHeights(sheet),
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

/** The part of a document a member's scorecard carries: its cluster's structure, no scores or people. */
export function unitMetaDocument(doc: ClusterDocument): ClusterDocument {
  const out: Record<string, unknown> = {};
  for (const k of UNIT_META_FIELDS) if (doc[k] !== undefined) out[k] = doc[k];
  return out as unknown as ClusterDocument;
}

/**
 * Text cut into parts of at most `size` characters, never next to whitespace, so that a reader or an editor
 * trimming cell text cannot change the joined result.
 */
export function splitMetaText(value: string, size = UNIT_META_PART_CHARS): string[] {
  const parts: string[] = [];
  const blank = (i: number) => /\s/.test(value[i] ?? '');
  let start = 0;
  while (start < value.length) {
    let end = Math.min(start + size, value.length);
    while (end < value.length && end > start + 1 && (blank(end - 1) || blank(end))) end--;
    parts.push(value.slice(start, end));
    start = end;
  }
  return parts;
}

function unitMetaDocumentRows(doc: ClusterDocument): [string, string][] {
  const parts = splitMetaText(JSON.stringify(unitMetaDocument(doc)));
  return [
    [UNIT_META_KEYS.documentParts, String(parts.length)],
    ...parts.map((p, i): [string, string] => [UNIT_META_KEYS.documentPart(i + 1), p]),
  ];
}
