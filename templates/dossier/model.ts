/**
 * An administrative document as data (Nghị định 30/2020/NĐ-CP, Phụ lục I): the issuing body and number block
 * opposite the national motto, place and date, title, body, recipients ("Nơi nhận") and signature block, and
 * a footer line (the fingerprint of the finalised figures). Pure: the Word host (addin/host/docx) renders it.
 */

/** A run of text; `placeholder` marks what the program cannot know (printed highlighted, in brackets). */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  placeholder?: boolean;
}

export interface Paragraph {
  type: 'paragraph';
  runs: Run[];
  align?: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent of body text (1 cm in Phụ lục I). */
  indent?: boolean;
  size?: number;
  /** Space before, in points. */
  before?: number;
  /** Starts a new page (one ballot per page). */
  pageBreak?: boolean;
}

export interface TableCell {
  runs: Run[];
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  /** Columns this cell spans (a group heading across the table). */
  span?: number;
}

export interface Table {
  type: 'table';
  /** Relative widths of the columns. */
  widths: number[];
  header: string[];
  rows: TableCell[][];
  size?: number;
}

export type Block = Paragraph | Table;

export interface DocumentHeader {
  /** Body above the issuer, e.g. "VKSND TỈNH PHÚ YÊN" (capitals). */
  parentBody?: string;
  /** The issuing body, bold: "CỤM THI ĐUA SỐ 8". */
  issuingBody: string;
  /** "Số: …/TTr-CTĐ8"; absent on documents without a number (ballots). */
  number?: string;
  /** "Quảng Nam, ngày …… tháng …… năm 2021". */
  dateLine: string;
}

export interface Signature {
  /** "TM. CỤM THI ĐUA SỐ 8" / "THƯ KÝ" … */
  on?: string;
  position: string;
  name?: string;
}

export interface OfficialDocument {
  /** File name without extension, e.g. "to-trinh-2020". */
  file: string;
  /** What the document is, for messages and the README. */
  label: string;
  header?: DocumentHeader;
  /** Title lines, the first bold capitals (e.g. "TỜ TRÌNH"), the next the subject. */
  title: string[];
  body: Block[];
  recipients?: string[];
  /** One signature, or two side by side (secretary and chair of the minutes). */
  signatures?: Signature[];
  /** Printed in every page's footer with the page number. */
  footer: string;
  /** Notes on the form used (where its wording was not found), printed after the signature. */
  notes?: string[];
}

/* ---------- small constructors ---------- */

export const run = (text: string, extra: Omit<Run, 'text'> = {}): Run => ({ text, ...extra });

/** A clearly marked gap for the office to fill: "[Cần bổ sung: …]". Never invented text. */
export const gap = (what: string): Run => ({ text: `[Cần bổ sung: ${what}]`, placeholder: true });

export const para = (runs: Run[] | string, extra: Omit<Paragraph, 'type' | 'runs'> = {}): Paragraph => ({
  type: 'paragraph',
  runs: typeof runs === 'string' ? [run(runs)] : runs,
  ...extra,
});

/** Body text: justified with a first-line indent. */
export const text = (runs: Run[] | string): Paragraph => para(runs, { align: 'justify', indent: true });

/** A section heading ("I. …"), bold. */
export const heading = (label: string): Paragraph =>
  para([run(label, { bold: true })], { align: 'justify', indent: true, before: 6 });

export const cell = (value: string | number | Run[], extra: Omit<TableCell, 'runs'> = {}): TableCell => ({
  runs: Array.isArray(value) ? value : [run(String(value))],
  ...extra,
});

/** Every text of a document, in order, for checks and the fingerprint test. */
export function documentText(d: OfficialDocument): string {
  const runs = (rs: readonly Run[]) => rs.map((r) => r.text).join('');
  const parts: string[] = [];
  if (d.header)
    parts.push(d.header.parentBody ?? '', d.header.issuingBody, d.header.number ?? '', d.header.dateLine);
  parts.push(...d.title);
  for (const b of d.body) {
    if (b.type === 'paragraph') parts.push(runs(b.runs));
    else {
      parts.push(b.header.join(' | '));
      for (const r of b.rows) parts.push(r.map((c) => runs(c.runs)).join(' | '));
    }
  }
  parts.push(...(d.recipients ?? []));
  for (const s of d.signatures ?? []) parts.push(s.on ?? '', s.position, s.name ?? '');
  parts.push(d.footer, ...(d.notes ?? []));
  return parts.filter(Boolean).join('\n');
}
