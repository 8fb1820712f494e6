/**
 * The count sheet (biên bản kiểm phiếu) as a workbook: one row per award and candidate of the ballots, where
 * the clerk types the yes votes and the number of voters. Read back as the document's `votes`, it replaces
 * the recorded vote of the same award and candidate, so a typed count flows into the minutes and the list.
 */
import { type Bilingual, type ClusterDocument, matchKey, type Vote } from '../../core';
import { a1, parseRange } from '../layouts/a1';
import { FMT, input, label, title } from '../build/styles';
import {
  type CellPlan,
  type CellValue,
  columnWidths,
  type WorkbookPlan,
  type WorkbookSnapshot,
} from '../plan';
import type { BallotAward } from './ballots';

export const COUNT_TEMPLATE = { id: 'thidua/count-sheet', version: '1' } as const;
export const COUNT_SHEET = 'Kiểm phiếu';
export const COUNT_TABLE = 'KiemPhieu';
const HEADERS = [
  'Hình thức',
  'Đơn vị được đề nghị',
  'Số phiếu đồng ý',
  'Số người biểu quyết',
  'Tỷ lệ đồng ý',
];
const TOP = 6;

export function buildCountSheet(
  doc: ClusterDocument,
  ballots: readonly BallotAward[],
  name: (unit: string) => string,
  fingerprint: string,
): WorkbookPlan {
  const recorded = doc.votes ?? [];
  const rows: CellValue[][] = ballots.flatMap((b) =>
    b.candidates.map((c) => {
      const v = recorded.find(
        (r) => matchKey(r.award) === matchKey(b.award) && matchKey(r.candidate) === matchKey(c),
      );
      return [b.award, name(c), v?.yes ?? null, v?.voters ?? null, null];
    }),
  );
  const cells: CellPlan[] = [
    { ref: 'A1', value: `BIÊN BẢN KIỂM PHIẾU — ${doc.cluster.name}, năm ${doc.year}`, style: title },
    {
      ref: 'A2',
      value:
        'Nhập số phiếu đồng ý và số người biểu quyết (tính cả thành viên vắng mặt có ý kiến bằng văn bản) vào hai cột trắng; chạy lại "thidua dossier" để biên bản họp và danh sách lấy số phiếu này.',
      style: { font: { name: 'Times New Roman', size: 11, italic: true } },
    },
    {
      ref: 'A3',
      value: `Số người biểu quyết dự kiến: ${doc.units.length} (số đơn vị thành viên)`,
      style: label,
    },
    { ref: 'A4', value: `Mã kiểm chứng số liệu khi lập: ${fingerprint}`, style: label },
  ];
  rows.forEach((_, k) => {
    const r = TOP + 1 + k;
    cells.push({ ref: a1(r, 3), style: input(FMT.count) }, { ref: a1(r, 4), style: input(FMT.count) });
  });
  return {
    template: { ...COUNT_TEMPLATE },
    properties: {
      title: `Biên bản kiểm phiếu năm ${doc.year} — ${doc.cluster.name}`,
      creator: doc.cluster.name,
    },
    sheets: [
      {
        name: COUNT_SHEET,
        role: 'votes',
        columns: columnWidths(40, 30, 16, 18, 14),
        cells,
        tables: [
          {
            name: COUNT_TABLE,
            ref: a1(TOP, 1),
            headers: HEADERS,
            rows: rows.length ? rows : [[null, null, null, null, null]],
            formulas: { 4: 'IF(AND(ISNUMBER(D{row}),D{row}>0),C{row}/D{row},"")' },
          },
        ],
        protect: true,
        print: { paper: 'A4', orientation: 'landscape', fitToWidth: true },
      },
    ],
    names: [],
  };
}

export interface CountRead {
  votes: Vote[];
  /** Rows that could not be read, naming the cell. */
  problems: Bilingual[];
}

const count = (v: CellValue | undefined): number | undefined => {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) return Number(v);
  return undefined;
};

/** The (award, candidate) rows of the count table a snapshot holds, or undefined when it holds none. */
export function countSheetCandidates(snapshot: WorkbookSnapshot): Set<string> | undefined {
  for (const sheet of snapshot.sheets) {
    const table = sheet.tables.find((t) => t.name === COUNT_TABLE);
    const range = table && parseRange(table.ref);
    if (!range) continue;
    const pairs = new Set<string>();
    for (let row = range.top + 1; row <= range.bottom; row++) {
      const values = sheet.values[row - 1] ?? [];
      const award = String(values[range.left - 1] ?? '').trim();
      const candidate = String(values[range.left] ?? '').trim();
      if (award && candidate) pairs.add(candidatePair(award, candidate));
    }
    return pairs;
  }
  return undefined;
}

/** One row's key: the award and the candidate, compared as the reader compares names. */
export const candidatePair = (award: string, candidate: string): string =>
  `${matchKey(award)}|${matchKey(candidate)}`;

/** The typed counts, or undefined when the snapshot holds no count table. Blank rows are not votes yet. */
export function readCountSheet(snapshot: WorkbookSnapshot): CountRead | undefined {
  for (const sheet of snapshot.sheets) {
    const table = sheet.tables.find((t) => t.name === COUNT_TABLE);
    const range = table && parseRange(table.ref);
    if (!range) continue;
    const votes: Vote[] = [];
    const problems: Bilingual[] = [];
    for (let row = range.top + 1; row <= range.bottom; row++) {
      const values = sheet.values[row - 1] ?? [];
      const at = (k: number) => values[range.left - 1 + k];
      const award = String(at(0) ?? '').trim();
      const candidate = String(at(1) ?? '').trim();
      const yesCell = at(2);
      const votersCell = at(3);
      const blank = (v: CellValue | undefined) => v === null || v === undefined || v === '';
      if (!award || !candidate || (blank(yesCell) && blank(votersCell))) continue;
      const yes = count(yesCell);
      const voters = count(votersCell);
      const where = `${sheet.name}!${a1(row, range.left + 2)}`;
      if (yes === undefined || voters === undefined || !Number.isInteger(yes) || !Number.isInteger(voters))
        problems.push({
          vi: `${snapshot.source}, ${where}: số phiếu của ${candidate} (${award}) phải là số nguyên; dòng này chưa được tính.`,
          en: `${snapshot.source}, ${where}: the counts for ${candidate} (${award}) must be whole numbers; row not counted.`,
        });
      else if (yes > voters)
        problems.push({
          vi: `${snapshot.source}, ${where}: ${candidate} (${award}) có ${yes} phiếu đồng ý, nhiều hơn ${voters} người biểu quyết; dòng này chưa được tính.`,
          en: `${snapshot.source}, ${where}: ${candidate} (${award}) has ${yes} yes votes, more than ${voters} voters; row not counted.`,
        });
      else votes.push({ award, candidate, yes, voters });
    }
    return { votes, problems };
  }
  return undefined;
}

/**
 * The document with the typed counts in place of the recorded votes of the same award and candidate. The
 * candidate as the count sheet prints it (official name) is matched to the document's spelling of the unit.
 */
export function withCountedVotes(
  doc: ClusterDocument,
  counted: readonly Vote[],
  name: (unit: string) => string,
): ClusterDocument {
  const spelling = new Map(doc.units.map((u) => [matchKey(name(u.name)), u.name]));
  const typed = counted.map((v) => ({ ...v, candidate: spelling.get(matchKey(v.candidate)) ?? v.candidate }));
  const key = (v: Vote) => `${matchKey(v.award)}\u0000${matchKey(v.candidate)}`;
  const replaced = new Set(typed.map(key));
  return { ...doc, votes: [...(doc.votes ?? []).filter((v) => !replaced.has(key(v))), ...typed] };
}
