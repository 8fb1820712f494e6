import { describe, expect, it } from 'vitest';
import type { ClusterDocument, ResultDocument } from '../../../core';
import type { CellPlan, SheetPlan } from '../../../templates/plan';
import {
  NATIONAL_MOTTO,
  NATIONAL_NAME,
  type NominationList,
  buildNominationWorkbook,
  dateLine,
  placeOfUnit,
} from '../../../templates/nomination';

const doc: ClusterDocument = {
  format: 'thidua/cluster@1',
  kind: 'annual',
  year: 2022,
  cluster: { name: 'Cụm thi đua số 7', leader: 'VKSND tỉnh Đắk Lắk', deputy: 'VKSND tỉnh Gia Lai' },
  units: [{ name: 'VKSND tỉnh Đắk Lắk' }, { name: 'VKSND tỉnh Gia Lai' }, { name: 'VKSND tỉnh Kon Tum' }],
  criteria: [{ code: '1', title: 'Công tác chuyên môn', points: 100 }],
  people: [
    { name: 'Nguyễn Thị Hoa', unit: 'VKSND tỉnh Gia Lai', gender: 'nữ' },
    { name: 'Trần Văn Nam', unit: 'VKSND tỉnh Kon Tum', gender: 'nam' },
  ],
};

const list: NominationList = {
  ruleSet: 'vn-2022',
  nominations: [
    {
      award: 'Cờ thi đua của ngành Kiểm sát nhân dân',
      candidate: 'VKSND tỉnh Gia Lai',
      kind: 'collective',
      basis: ['Thông tư 01/2019/TT-VKSTC, Điều 20', '4/5 phiếu đồng ý (80%)'],
    },
    {
      award: 'Cờ thi đua của Chính phủ',
      candidate: 'VKSND tỉnh Đắk Lắk',
      kind: 'collective',
      basis: ['Luật Thi đua, khen thưởng 2003'],
    },
    {
      award: 'Chiến sĩ thi đua ngành Kiểm sát nhân dân',
      candidate: 'Nguyễn Thị Hoa',
      kind: 'individual',
      basis: ['Thông tư 01/2019/TT-VKSTC, Điều 16'],
    },
  ],
  quotas: [
    {
      award: 'Cờ thi đua của ngành Kiểm sát nhân dân',
      limit: 1,
      proposed: 1,
      basis: 'Thông tư 01/2019/TT-VKSTC',
    },
    {
      award: 'Chiến sĩ thi đua ngành Kiểm sát nhân dân',
      limit: 2,
      proposed: 1,
      basis: 'Thông tư 01/2019/TT-VKSTC',
    },
    {
      award: 'Tập thể lao động xuất sắc',
      limit: 1,
      proposed: 0,
      basis: 'Thông tư 02/2024/TT-VKSTC, Điều 18',
    },
  ],
};

const cell = (sheet: SheetPlan, ref: string): CellPlan => {
  const found = sheet.cells.find((c) => c.ref === ref);
  if (!found) throw new Error(`no cell ${ref} on ${sheet.name}`);
  return found;
};
const rowOf = (sheet: SheetPlan, text: string): number => {
  const found = sheet.cells.find((c) => c.value === text);
  if (!found) throw new Error(`no "${text}" on ${sheet.name}`);
  return Number(/\d+$/.exec(found.ref)![0]);
};
const textOf = (sheet: SheetPlan): string => sheet.cells.map((c) => String(c.value ?? '')).join('\n');

describe('buildNominationWorkbook', () => {
  const plan = buildNominationWorkbook(doc, list, { date: '2023-02-05' });
  const [collectives, individuals] = plan.sheets as [SheetPlan, SheetPlan];

  it('makes one sheet for collectives and one for individuals', () => {
    expect(plan.sheets.map((s) => [s.name, s.role])).toEqual([
      ['DS tập thể', 'nominations'],
      ['DS cá nhân', 'nominations'],
    ]);
  });

  it('puts the issuing body opposite the national motto, then place and date (Nghị định 30/2020)', () => {
    expect(cell(collectives, 'A1').value).toBe('VKSND TỈNH ĐẮK LẮK');
    expect(cell(collectives, 'A2')).toMatchObject({
      value: 'CỤM THI ĐUA SỐ 7',
      style: { font: { bold: true } },
    });
    expect(cell(collectives, 'A3').value).toMatch(/^Số: +\/TTr-CTĐ7$/);
    expect(cell(collectives, 'D1')).toMatchObject({ value: NATIONAL_NAME, style: { font: { bold: true } } });
    expect(cell(collectives, 'D2')).toMatchObject({
      value: NATIONAL_MOTTO,
      style: { font: { bold: true, underline: true } },
    });
    expect(cell(collectives, 'D3')).toMatchObject({
      value: 'Đắk Lắk, ngày 05 tháng 02 năm 2023',
      style: { font: { italic: true } },
    });
    expect(collectives.merges).toEqual(expect.arrayContaining(['A1:C1', 'D1:F1', 'A2:C2', 'D2:F2', 'D3:F3']));
    const title = rowOf(collectives, 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG');
    expect(cell(collectives, `A${title}`).style).toMatchObject({
      font: { bold: true, size: 14 },
      align: { horizontal: 'center' },
    });
  });

  it('prints everything in Times New Roman 11–14', () => {
    for (const sheet of plan.sheets) {
      for (const c of sheet.cells) {
        expect(c.style?.font?.name, `${sheet.name}!${c.ref}`).toBe('Times New Roman');
        expect(c.style?.font?.size).toBeGreaterThanOrEqual(11);
        expect(c.style?.font?.size).toBeLessThanOrEqual(14);
      }
    }
  });

  it('lists each proposal under its award, numbered, with its legal basis', () => {
    const header = rowOf(collectives, 'STT');
    expect(['A', 'B', 'C', 'D', 'E', 'F'].map((col) => cell(collectives, `${col}${header}`).value)).toEqual([
      'STT',
      'Tên tập thể',
      'Đơn vị',
      'Hình thức khen thưởng',
      'Thành tích / căn cứ',
      'Ghi chú',
    ]);
    expect(cell(collectives, `A${header + 1}`).value).toBe('I');
    expect(cell(collectives, `B${header + 1}`).value).toBe(
      'Cờ thi đua của ngành Kiểm sát nhân dân (1 tập thể, 1 lượt đề nghị)',
    );
    expect(cell(collectives, `A${header + 2}`).value).toBe(1);
    expect(cell(collectives, `B${header + 2}`).value).toBe('VKSND tỉnh Gia Lai');
    expect(cell(collectives, `E${header + 2}`).value).toBe(
      '- Thông tư 01/2019/TT-VKSTC, Điều 20\n- 4/5 phiếu đồng ý (80%)',
    );
    expect(cell(collectives, `A${header + 3}`).value).toBe('II');
    expect(cell(collectives, `A${header + 4}`).value).toBe(2);
    expect(textOf(collectives)).not.toContain('Nguyễn Thị Hoa');
  });

  it("gives an individual's unit and marks women (the tie-break preference of Nghị định 152/2025)", () => {
    const row = rowOf(individuals, 'Nguyễn Thị Hoa');
    expect(cell(individuals, `C${row}`).value).toBe('VKSND tỉnh Gia Lai');
    expect(cell(individuals, `F${row}`).value).toBe('Nữ');
    expect(cell(individuals, `B${rowOf(individuals, 'STT')}`).value).toBe('Họ và tên');
  });

  it('shows the quota use on the sheet whose proposals use it', () => {
    expect(textOf(collectives)).toContain(
      '- Cờ thi đua của ngành Kiểm sát nhân dân: đề nghị 1/1 (Thông tư 01/2019/TT-VKSTC).',
    );
    expect(textOf(collectives)).toContain('- Tập thể lao động xuất sắc: đề nghị 0/1');
    expect(textOf(individuals)).toContain('- Chiến sĩ thi đua ngành Kiểm sát nhân dân: đề nghị 1/2');
    expect(textOf(individuals)).not.toContain('Tập thể lao động xuất sắc');
  });

  it('ends with recipients opposite the signature block', () => {
    const row = rowOf(collectives, 'Nơi nhận:');
    expect(cell(collectives, `D${row}`).value).toBe('TM. CỤM THI ĐUA SỐ 7');
    expect(cell(collectives, `D${row + 1}`).value).toBe('CỤM TRƯỞNG');
    expect(cell(collectives, `A${row + 1}`).value).toBe('- Như trên;');
  });

  it('prints on A4 portrait, fit to width, the table header repeated on every page', () => {
    for (const sheet of plan.sheets) {
      const header = rowOf(sheet, 'STT');
      expect(sheet.print).toMatchObject({
        paper: 'A4',
        orientation: 'portrait',
        fitToWidth: true,
        titleRows: `${header}:${header}`,
      });
    }
  });

  it('never overlaps merged ranges', () => {
    for (const sheet of plan.sheets) {
      const taken = new Set<string>();
      for (const m of sheet.merges ?? []) {
        const [, a, r1, b, r2] = /^([A-F])(\d+):([A-F])(\d+)$/.exec(m)!;
        for (let r = Number(r1); r <= Number(r2); r++)
          for (let c = a!.charCodeAt(0); c <= b!.charCodeAt(0); c++) {
            const key = `${String.fromCharCode(c)}${r}`;
            expect(taken.has(key), `${sheet.name} ${m}`).toBe(false);
            taken.add(key);
          }
      }
    }
  });

  it("starts a collective's achievement with its rank, score and indicators when results are given", () => {
    const result = {
      format: 'thidua/result@1',
      year: 2022,
      cluster: 'Cụm thi đua số 7',
      stage: 'verified',
      units: [
        {
          unit: 'VKSND tỉnh Gia Lai',
          standardTotal: 100,
          percent: 98.5,
          rank: 1,
          tier: 'Hoàn thành xuất sắc nhiệm vụ',
          indicators: {
            arising: 122,
            met: 121,
            exceedable: 52,
            exceeded: 52,
            metRatio: 0.9918,
            exceededRatio: 1,
            metText: '99,2%',
            exceededText: '100%',
          },
        },
      ],
      clusterIndicators: {
        arising: 0,
        met: 0,
        exceedable: 0,
        exceeded: 0,
        metRatio: 0,
        exceededRatio: 0,
        metText: '0%',
        exceededText: '0%',
      },
      issues: [],
    } satisfies ResultDocument;
    const withResult = buildNominationWorkbook(doc, list, { result });
    const sheet = withResult.sheets[0]!;
    const row = rowOf(sheet, 'VKSND tỉnh Gia Lai');
    expect(String(cell(sheet, `E${row}`).value)).toMatch(
      /^Xếp thứ 1\/1 trong Cụm, 98,5% điểm chuẩn; Hoàn thành xuất sắc nhiệm vụ; chỉ tiêu đạt 121\/122 \(99,2%\); vượt 52\/52 \(100%\)\.\n- Thông tư/,
    );
    expect(cell(sheet, 'D3').value).toBe('Đắk Lắk, ngày …… tháng …… năm 2023');
  });

  it('prints no sheet for a kind with no proposal, and says so when nothing is proposed', () => {
    const plan2 = buildNominationWorkbook(doc, {
      nominations: list.nominations.filter((n) => n.kind === 'collective'),
    });
    expect(plan2.sheets.map((s) => s.name)).toEqual(['DS tập thể']);
    const none = buildNominationWorkbook(doc, { nominations: [] });
    expect(none.sheets.map((s) => s.name)).toEqual(['DS tập thể']);
    expect(textOf(none.sheets[0]!)).toContain('Không có đề nghị.');
    expect(textOf(none.sheets[0]!)).toContain('Tổng số: 0 tập thể.');
  });

  it('counts recipients and proposals, prints official names, the shared basis once, the rule set by its documents', () => {
    const typo: ClusterDocument = {
      ...doc,
      units: [...doc.units, { name: 'VKSND tỉnh Quãng Ngãi' }],
    };
    const basis = ['Căn cứ: Thông tư 01/2019/TT-VKSTC, Điều 20', 'Trong số "Tập thể lao động xuất sắc"'];
    const plan3 = buildNominationWorkbook(typo, {
      ruleSet: 'vn-2019-tt01',
      nominations: [
        {
          award: 'Tập thể lao động tiên tiến',
          candidate: 'VKSND tỉnh Gia Lai',
          kind: 'collective',
          basis: ['Căn cứ: Luật'],
        },
        {
          award: 'Cờ thi đua của ngành Kiểm sát nhân dân',
          candidate: 'VKSND tỉnh Gia Lai',
          kind: 'collective',
          basis: [...basis, '5/5'],
        },
        {
          award: 'Cờ thi đua của ngành Kiểm sát nhân dân',
          candidate: 'VKSND tỉnh Quãng Ngãi',
          kind: 'collective',
          basis: [...basis, '4/5'],
        },
      ],
    });
    const sheet = plan3.sheets[0]!;
    const all = textOf(sheet);
    expect(all).toContain('Tổng số: 2 tập thể, 3 lượt đề nghị.');
    expect(all).toContain('VKSND tỉnh Quảng Ngãi');
    expect(all).not.toContain('Quãng');
    expect(all.split('Căn cứ: Thông tư 01/2019/TT-VKSTC, Điều 20').length - 1).toBe(1);
    expect(all).toContain('Văn bản áp dụng: Luật Thi đua, khen thưởng 2003');
    expect(all).not.toContain('vn-2019-tt01');
  });
});

describe('official text', () => {
  it('pads days below 10 and months below 3, as Phụ lục I asks', () => {
    expect(dateLine('Gia Lai', '2022-12-09', 2022)).toBe('Gia Lai, ngày 09 tháng 12 năm 2022');
    expect(dateLine('Gia Lai', '2023-03-15', 2022)).toBe('Gia Lai, ngày 15 tháng 3 năm 2023');
    expect(dateLine('Gia Lai', '2023-01-15', 2022)).toBe('Gia Lai, ngày 15 tháng 01 năm 2023');
  });

  it("takes the place from a provincial procuracy's name", () => {
    expect(placeOfUnit('VKSND tỉnh Đắk Lắk')).toBe('Đắk Lắk');
    expect(placeOfUnit('Viện kiểm sát nhân dân thành phố Hồ Chí Minh')).toBe('Hồ Chí Minh');
    expect(placeOfUnit('VKSND TP. Đà Nẵng')).toBe('Đà Nẵng');
    expect(placeOfUnit('Cụm thi đua số 7')).toBeUndefined();
  });
});
