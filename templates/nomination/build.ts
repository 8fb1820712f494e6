/**
 * The nomination lists (danh sách đề nghị khen thưởng) as a workbook plan, in the layout of an administrative
 * document under Nghị định 30/2020/NĐ-CP: issuing body opposite the national motto, place and date, title,
 * the table, the quota use, recipients and the signature block. One sheet for collectives, one for individuals.
 * The lists hold personal data (Nghị định 13/2023/NĐ-CP): the plan carries no links and nothing is sent anywhere.
 */
import { type ClusterDocument, type UnitResult, matchKey, ruleSetById } from '../../core';
import { officialNamer, ruleSetDocuments } from '../official/names';
import { achievement, printableBasis, splitBasis, totalsLine } from '../official/wording';
import type { CellPlan, CellStyle, SheetPlan, WorkbookPlan } from '../plan';
import {
  NATIONAL_MOTTO,
  NATIONAL_NAME,
  dateLine,
  font,
  officialPrint,
  placeOfUnit,
  roman,
  upper,
} from '../official/layout';
import type { NominationList, NominationSheetOptions } from './types';

export const NOMINATION_TEMPLATE = { id: 'thidua/nomination', version: '1' } as const;

export const NOMINATION_SHEETS = { collective: 'DS tập thể', individual: 'DS cá nhân' } as const;

type Kind = 'collective' | 'individual';
type Nomination = NominationList['nominations'][number];

/** Column letters and widths (Excel character units) of the list: together about the A4 printable width. */
const COLUMNS = [
  { letter: 'A', width: 5 },
  { letter: 'B', width: 22 },
  { letter: 'C', width: 17 },
  { letter: 'D', width: 18 },
  { letter: 'E', width: 31 },
  { letter: 'F', width: 9 },
] as const;

const HEADERS: Record<Kind, string[]> = {
  collective: ['STT', 'Tên tập thể', 'Đơn vị', 'Hình thức khen thưởng', 'Thành tích / căn cứ', 'Ghi chú'],
  individual: ['STT', 'Họ và tên', 'Đơn vị', 'Hình thức khen thưởng', 'Thành tích / căn cứ', 'Ghi chú'],
};

const BODY_SIZE = 12;
const LINE_POINTS = 15;

const headerStyle: CellStyle = {
  font: font(BODY_SIZE, { bold: true }),
  align: { horizontal: 'center', vertical: 'middle', wrap: true },
  border: 'thin',
};
const bodyStyle = (horizontal: 'left' | 'center' = 'left'): CellStyle => ({
  font: font(BODY_SIZE),
  align: { horizontal, vertical: 'top', wrap: true },
  border: 'thin',
});

/**
 * Lines a text takes in a column of `width` characters. Times New Roman 12 fits about 1,25 characters per
 * width unit (measured on LibreOffice's PDF); a little under so that a long line never gets clipped.
 */
function linesIn(text: string, width: number): number {
  const perLine = Math.max(4, Math.floor(width * 1.2));
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
}

const rowHeight = (lines: number): number => Math.round((lines * LINE_POINTS + 5) * 4) / 4;

interface Lookup {
  /** The registry's official name of a unit (a variant as typed is never printed). */
  name(unit: string): string;
  unitOf(n: Nomination): string;
  note(candidate: string, kind: Kind): string;
  result(candidate: string): UnitResult | undefined;
  members: number;
}

function lookup(doc: ClusterDocument, options: NominationSheetOptions): Lookup {
  const people = new Map((doc.people ?? []).map((p) => [matchKey(p.name), p]));
  const results = new Map((options.result?.units ?? []).map((u) => [matchKey(u.unit), u]));
  const name = officialNamer(doc);
  return {
    name,
    unitOf(n) {
      if (n.kind === 'collective') return doc.cluster.name;
      const unit = n.unit ?? people.get(matchKey(n.candidate))?.unit ?? '';
      return unit ? name(unit) : '';
    },
    note(candidate, kind) {
      if (kind !== 'individual') return '';
      const gender = people.get(matchKey(candidate))?.gender;
      return gender && /^(nữ|female|f)$/iu.test(gender.trim()) ? 'Nữ' : '';
    },
    result: (candidate) => results.get(matchKey(candidate)),
    members: options.result?.units.length ?? doc.units.length,
  };
}

function defaultSymbol(clusterName: string): string {
  const number = /(\d+)/.exec(clusterName)?.[1];
  return number ? `TTr-CTĐ${number}` : 'TTr-CTĐ';
}

class SheetWriter {
  readonly cells: CellPlan[] = [];
  readonly merges: string[] = [];
  readonly rows: { index: number; height?: number }[] = [];
  row = 1;

  put(ref: string, value: string | number, style: CellStyle, note?: string): void {
    const cell: CellPlan = { ref, value, style };
    if (note) cell.note = note;
    this.cells.push(cell);
  }

  /** A text across columns from..to on the current row. */
  span(from: string, to: string, value: string, style: CellStyle): void {
    this.put(`${from}${this.row}`, value, style);
    if (from !== to) this.merges.push(`${from}${this.row}:${to}${this.row}`);
  }

  height(points: number): void {
    this.rows.push({ index: this.row, height: points });
  }
}

function sheetFor(
  kind: Kind,
  doc: ClusterDocument,
  list: NominationList,
  options: NominationSheetOptions,
  quotasHere: NonNullable<NominationList['quotas']>,
): SheetPlan {
  const w = new SheetWriter();
  const people = lookup(doc, options);
  const leader = doc.cluster.leader;
  const center = (size: number, extra: Parameters<typeof font>[1] = {}): CellStyle => ({
    font: font(size, extra),
    align: { horizontal: 'center', vertical: 'middle' },
  });

  // Header: issuing body (left) opposite the national name and motto (right).
  w.span('A', 'C', upper(options.parentBody ?? leader ?? ''), center(12));
  w.span('D', 'F', NATIONAL_NAME, center(12, { bold: true }));
  w.row++;
  w.span('A', 'C', upper(options.issuingBody ?? doc.cluster.name), center(13, { bold: true }));
  w.span('D', 'F', NATIONAL_MOTTO, center(13, { bold: true, underline: true }));
  w.row++;
  w.span('A', 'C', `Số:        /${options.symbol ?? defaultSymbol(doc.cluster.name)}`, center(13));
  const place = options.place ?? (leader ? placeOfUnit(leader) : undefined) ?? '……';
  w.span('D', 'F', dateLine(place, options.date, doc.year + 1), center(13, { italic: true }));
  w.height(22);
  w.row += 2;

  // Title block.
  w.span('A', 'F', 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG', center(14, { bold: true }));
  w.cells.at(-1)!.note =
    'Danh sách có dữ liệu cá nhân (Nghị định 13/2023/NĐ-CP): chỉ dùng trong cơ quan, không gửi ra ngoài máy.';
  w.row++;
  const who = kind === 'collective' ? 'Tập thể' : 'Cá nhân';
  w.span(
    'A',
    'F',
    `${who} có thành tích trong phong trào thi đua năm ${doc.year}`,
    center(13, { bold: true }),
  );
  w.row++;
  const attached = options.attachedTo ?? 'Tờ trình số        /TTr-        ngày      tháng      năm';
  w.span('A', 'F', `(Kèm theo ${attached} của ${doc.cluster.name})`, center(13, { italic: true }));
  w.row += 2;

  // The table.
  const headerRow = w.row;
  HEADERS[kind].forEach((text, i) => {
    w.put(`${COLUMNS[i]!.letter}${w.row}`, text, headerStyle);
  });
  w.height(rowHeight(2));
  w.row++;

  const mine = list.nominations.filter((n) => n.kind === kind);
  const groups = new Map<string, Nomination[]>();
  for (const n of mine) groups.set(n.award, [...(groups.get(n.award) ?? []), n]);
  let stt = 0;
  let group = 0;
  const clean = printableBasis(list.ruleSet);
  for (const [award, items] of groups) {
    group++;
    w.put(`A${w.row}`, roman(group), { ...bodyStyle('center'), font: font(BODY_SIZE, { bold: true }) });
    w.span('B', 'F', `${award} (${totalsLine(items)})`, {
      ...bodyStyle(),
      font: font(BODY_SIZE, { bold: true }),
    });
    w.height(rowHeight(linesIn(award, 95)));
    w.row++;
    // The legal basis the rows share is printed once, under the award.
    const { shared, own } = splitBasis(items.map((n) => ({ basis: n.basis.map(clean) })));
    if (shared.length) {
      const text = shared.join('\n');
      w.put(`A${w.row}`, '', bodyStyle());
      w.span('B', 'F', text, { ...bodyStyle(), font: font(BODY_SIZE, { italic: true }) });
      w.height(rowHeight(linesIn(text, 95)));
      w.row++;
    }
    items.forEach((n, k) => {
      stt++;
      const unitResult = kind === 'collective' ? people.result(n.candidate) : undefined;
      const basis = [
        ...(unitResult ? [achievement(unitResult, people.members)] : []),
        ...own[k]!.map((b) => `- ${b}`),
      ];
      const values = [
        stt,
        kind === 'collective' ? people.name(n.candidate) : n.candidate,
        people.unitOf(n),
        n.award,
        basis.join('\n'),
        people.note(n.candidate, kind),
      ];
      values.forEach((value, i) => {
        w.put(`${COLUMNS[i]!.letter}${w.row}`, value, bodyStyle(i === 0 || i === 5 ? 'center' : 'left'));
      });
      const lines = Math.max(...values.map((v, i) => linesIn(String(v), COLUMNS[i]!.width)));
      w.height(rowHeight(lines));
      w.row++;
    });
  }
  if (mine.length === 0) {
    w.put(`A${w.row}`, '', bodyStyle());
    w.span('B', 'F', 'Không có đề nghị.', { ...bodyStyle(), font: font(BODY_SIZE, { italic: true }) });
    w.row++;
  }
  const tableEnd = w.row - 1;
  w.row++;
  w.span(
    'A',
    'F',
    `Tổng số: ${mine.length ? totalsLine(mine) : `0 ${kind === 'collective' ? 'tập thể' : 'cá nhân'}`}.`,
    {
      font: font(13, { bold: true }),
    },
  );
  w.row++;

  // Quota use: how much of each cap the proposals take, with the rule that sets it.
  if (quotasHere.length > 0) {
    w.span('A', 'F', 'Sử dụng hạn mức khen thưởng:', { font: font(13, { bold: true }) });
    w.row++;
    for (const q of quotasHere) {
      const over = q.proposed > q.limit ? ' — VƯỢT HẠN MỨC' : '';
      const scope = q.scope ? ` (${people.name(q.scope)})` : '';
      const text = `- ${q.award}${scope}: đề nghị ${q.proposed}/${q.limit}${over} (${q.basis}).`;
      w.span('A', 'F', text, { font: font(13), align: { horizontal: 'left', vertical: 'top', wrap: true } });
      w.height(rowHeight(linesIn(text, 90)));
      w.row++;
    }
  }
  const ruleSet = list.ruleSet ? ruleSetById(list.ruleSet) : undefined;
  if (list.ruleSet) {
    // Named by its legal documents, never by the program's id.
    const named = ruleSet ? ruleSetDocuments(ruleSet.documents) : list.ruleSetTitle;
    const text = `Văn bản áp dụng: ${named ?? list.ruleSet}.`;
    w.span('A', 'F', text, {
      font: font(13, { italic: true }),
      align: { horizontal: 'left', vertical: 'top', wrap: true },
    });
    w.height(rowHeight(linesIn(text, 90)));
    w.row++;
  }
  w.row++;

  // Recipients (left) and signature (right), side by side as in Phụ lục I.
  const recipients = options.recipients ?? [
    'Như trên;',
    'VKSND tối cao (Vụ Thi đua - Khen thưởng);',
    'Các đơn vị trong Cụm;',
    'Lưu: VT, Cụm.',
  ];
  const signatureLines: [string, CellStyle][] = [
    [upper(options.signature?.on ?? `TM. ${doc.cluster.name}`), center(13, { bold: true })],
    [upper(options.signature?.position ?? 'Cụm trưởng'), center(13, { bold: true })],
    ['(Ký, ghi rõ họ tên và đóng dấu)', center(13, { italic: true })],
  ];
  const left: [string, CellStyle][] = [
    ['Nơi nhận:', { font: font(12, { bold: true, italic: true }) }],
    ...recipients.map((r): [string, CellStyle] => [`- ${r}`, { font: font(11) }]),
  ];
  const blockRows = Math.max(left.length, signatureLines.length);
  for (let i = 0; i < blockRows; i++) {
    const l = left[i];
    const r = signatureLines[i];
    if (l) w.span('A', 'C', l[0], l[1]);
    if (r) w.span('D', 'F', r[0], r[1]);
    w.row++;
  }
  w.row += 3;
  if (options.signature?.name) {
    w.span('D', 'F', options.signature.name, center(13, { bold: true }));
  }
  const lastRow = w.row;

  return {
    name: NOMINATION_SHEETS[kind],
    role: 'nominations',
    columns: COLUMNS.map((c, i) => ({ index: i + 1, width: c.width })),
    rows: w.rows,
    cells: w.cells,
    merges: w.merges,
    print: officialPrint(`${headerRow}:${headerRow}`, `A1:F${Math.max(lastRow, tableEnd)}`),
  };
}

/**
 * The nomination workbook: "DS tập thể" and "DS cá nhân", each a complete document ready to print and sign.
 * Quotas go on the sheet whose proposals use them (a quota with no proposal at all goes with the collectives).
 */
export function buildNominationWorkbook(
  doc: ClusterDocument,
  nominations: NominationList,
  options: NominationSheetOptions = {},
): WorkbookPlan {
  const kindOf = new Map<string, Kind>();
  for (const n of nominations.nominations) if (!kindOf.has(n.award)) kindOf.set(n.award, n.kind);
  const quotas = nominations.quotas ?? [];
  const quotasOf = (kind: Kind) => quotas.filter((q) => (kindOf.get(q.award) ?? 'collective') === kind);
  return {
    template: { ...NOMINATION_TEMPLATE },
    properties: {
      title: `Danh sách đề nghị khen thưởng năm ${doc.year} — ${doc.cluster.name}`,
      subject: 'Có dữ liệu cá nhân (Nghị định 13/2023/NĐ-CP): chỉ dùng nội bộ',
      creator: doc.cluster.name,
    },
    // A kind with no proposal gets no sheet (no page printed for nothing), unless nothing is proposed at all.
    sheets: (['collective', 'individual'] as const)
      .filter((kind, i) =>
        nominations.nominations.length === 0 ? i === 0 : nominations.nominations.some((n) => n.kind === kind),
      )
      .map((kind) => sheetFor(kind, doc, nominations, options, quotasOf(kind))),
    names: [],
  };
}
