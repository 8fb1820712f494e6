/**
 * An OfficialDocument (templates/dossier) as a Word file with the `docx` library: A4 portrait, margins of
 * Nghị định 30/2020 Phụ lục I (top/bottom 20 mm, left 30 mm, right 15 mm), Times New Roman 14 for the body;
 * the header and signature blocks are borderless two-column tables as offices lay them out. Gaps the office
 * must fill are highlighted. The footer carries the fingerprint and the page number.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { NATIONAL_MOTTO, NATIONAL_NAME } from '../../../templates/nomination';
import type {
  Block,
  OfficialDocument,
  Paragraph as ParaModel,
  Run,
  Signature,
  TableCell as CellModel,
} from '../../../templates/dossier/model';

const FONT = 'Times New Roman';
const BODY = 14;
const MM = 56.7; // twips per millimetre
/** A4 width minus the margins, in twips. */
const TEXT_WIDTH = Math.round((210 - 30 - 15) * MM);

const half = (pt: number) => pt * 2;

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const GRID = {
  top: THIN,
  bottom: THIN,
  left: THIN,
  right: THIN,
  insideHorizontal: THIN,
  insideVertical: THIN,
};

function runs(
  list: readonly Run[],
  size: number,
  extra: { bold?: boolean; italic?: boolean } = {},
): TextRun[] {
  return list.flatMap((r) =>
    r.text.split('\n').map(
      (line, i) =>
        new TextRun({
          text: line,
          font: FONT,
          size: half(size),
          bold: r.bold ?? extra.bold ?? false,
          italics: r.italic ?? extra.italic ?? false,
          ...(r.underline ? { underline: {} } : {}),
          ...(r.placeholder ? { highlight: 'yellow' } : {}),
          ...(i > 0 ? { break: 1 } : {}),
        }),
    ),
  );
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

function line(
  text: string | Run[],
  options: {
    size?: number;
    bold?: boolean;
    italic?: boolean;
    underline?: boolean;
    align?: keyof typeof ALIGN;
    after?: number;
    before?: number;
  } = {},
): Paragraph {
  const list: Run[] =
    typeof text === 'string' ? [{ text, ...(options.underline ? { underline: true } : {}) }] : text;
  return new Paragraph({
    alignment: ALIGN[options.align ?? 'center'],
    spacing: { before: (options.before ?? 0) * 20, after: (options.after ?? 0) * 20 },
    children: runs(list, options.size ?? 13, {
      bold: options.bold ?? false,
      italic: options.italic ?? false,
    }),
  });
}

function paragraph(p: ParaModel): Paragraph {
  return new Paragraph({
    alignment: ALIGN[p.align ?? 'left'],
    ...(p.indent ? { indent: { firstLine: Math.round(10 * MM) } } : {}),
    spacing: { before: (p.before ?? 0) * 20, after: 120, line: 300 },
    pageBreakBefore: p.pageBreak ?? false,
    children: runs(p.runs, p.size ?? BODY),
  });
}

function plainCell(children: Paragraph[], width: number): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS });
}

function twoColumns(left: Paragraph[], right: Paragraph[], leftShare = 0.42): Table {
  const l = Math.round(TEXT_WIDTH * leftShare);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [l, TEXT_WIDTH - l],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [plainCell(left, l), plainCell(right, TEXT_WIDTH - l)] })],
  });
}

function header(d: OfficialDocument): (Paragraph | Table)[] {
  const h = d.header;
  if (!h) return [];
  const left = [
    ...(h.parentBody ? [line(h.parentBody, { size: 13 })] : []),
    line([{ text: h.issuingBody, bold: true, underline: true }], { size: 13 }),
    ...(h.number ? [line(h.number, { size: 13, before: 6 })] : []),
  ];
  const right = [
    line(NATIONAL_NAME, { size: 12, bold: true }),
    line([{ text: NATIONAL_MOTTO, bold: true, underline: true }], { size: 13 }),
    line(h.dateLine, { size: 14, italic: true, before: 6 }),
  ];
  return [twoColumns(left, right)];
}

function tableCell(c: CellModel, width: number, size: number, head = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(c.span && c.span > 1 ? { columnSpan: c.span } : {}),
    ...(head ? { shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' } } : {}),
    margins: { left: 80, right: 80, top: 30, bottom: 30 },
    children: [
      new Paragraph({
        alignment: ALIGN[c.align ?? (head ? 'center' : 'left')],
        children: runs(c.runs, size, { bold: head || (c.bold ?? false) }),
      }),
    ],
  });
}

function table(t: Extract<Block, { type: 'table' }>): Table {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => Math.round((w / total) * TEXT_WIDTH));
  const size = t.size ?? 12;
  const spanWidth = (from: number, span: number) =>
    widths.slice(from, from + span).reduce((a, b) => a + b, 0);
  const row = (cells: CellModel[], head = false) => {
    let col = 0;
    return new TableRow({
      tableHeader: head,
      children: cells.map((c) => {
        const cellWidth = spanWidth(col, c.span ?? 1);
        col += c.span ?? 1;
        return tableCell(c, cellWidth, size, head);
      }),
    });
  };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID,
    rows: [
      row(
        t.header.map((h) => ({ runs: [{ text: h }] })),
        true,
      ),
      ...t.rows.map((r) => row(r)),
    ],
  });
}

function signatureBlock(s: Signature): Paragraph[] {
  return [
    ...(s.on ? [line(s.on, { size: 14, bold: true })] : []),
    line(s.position, { size: 14, bold: true }),
    line('(Ký, ghi rõ họ tên và đóng dấu)', { size: 13, italic: true }),
    line(' ', { size: 14, after: 48 }),
    s.name
      ? line(s.name, { size: 14, bold: true })
      : line([{ text: '[Cần bổ sung: họ tên người ký]', placeholder: true }], { size: 13 }),
  ];
}

function closing(d: OfficialDocument): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [new Paragraph({ children: [] })];
  const sigs = d.signatures ?? [];
  if (d.recipients) {
    const left = [
      line([{ text: 'Nơi nhận:', bold: true, italic: true }], { size: 12, align: 'left' }),
      ...d.recipients.map((r) => line(`- ${r}`, { size: 11, align: 'left' })),
    ];
    out.push(twoColumns(left, sigs[0] ? signatureBlock(sigs[0]) : [], 0.45));
  } else if (sigs.length === 2) {
    out.push(twoColumns(signatureBlock(sigs[0]!), signatureBlock(sigs[1]!), 0.5));
  } else if (sigs.length === 1) {
    out.push(twoColumns([], signatureBlock(sigs[0]!), 0.45));
  }
  if (d.notes?.length)
    out.push(
      new Paragraph({
        spacing: { before: 240 },
        children: runs([{ text: 'Ghi chú:', italic: true, bold: true }], 11),
      }),
      ...d.notes.map(
        (n) =>
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            children: runs([{ text: n, italic: true }], 11),
          }),
      ),
    );
  return out;
}

export function renderDocument(d: OfficialDocument): Document {
  const [first, ...rest] = d.title;
  const titles = [
    ...(first ? [line(first, { size: 14, bold: true, before: 12 })] : []),
    ...rest.map((t, i) => line(t, { size: 14, bold: i === 0, italic: i > 0 && t.startsWith('(') })),
  ];
  return new Document({
    creator: d.header?.issuingBody ?? 'Thi đua',
    title: d.label,
    styles: { default: { document: { run: { font: FONT, size: half(BODY) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(20 * MM),
              bottom: Math.round(20 * MM),
              left: Math.round(30 * MM),
              right: Math.round(15 * MM),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `${d.footer} · Trang `, font: FONT, size: half(10) }),
                  new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: half(10) }),
                  new TextRun({ text: '/', font: FONT, size: half(10) }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], font: FONT, size: half(10) }),
                ],
              }),
            ],
          }),
        },
        children: [
          ...header(d),
          ...titles,
          ...(titles.length ? [line('', { after: 6 })] : []),
          // A little space after each table, so two tables in a row never read as one.
          ...d.body.flatMap((b) =>
            b.type === 'paragraph'
              ? [paragraph(b)]
              : [table(b), new Paragraph({ spacing: { after: 60 }, children: [] })],
          ),
          ...closing(d),
        ],
      },
    ],
  });
}

/** The .docx bytes of a document. */
export async function documentBytes(d: OfficialDocument): Promise<Uint8Array> {
  // toArrayBuffer, not toBuffer: the same bytes in Node and in the browser (no Buffer there).
  return new Uint8Array(await Packer.toArrayBuffer(renderDocument(d)));
}
