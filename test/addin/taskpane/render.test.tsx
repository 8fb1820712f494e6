// Views rendered to HTML with react-dom/server (no DOM needed): they show what the reports hold, in the
// chosen language, with accessible names. Interaction is tested in the real browser (test/e2e).
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AppActions } from '../../../addin/app/actions';
import { App } from '../../../addin/taskpane/App';
import { type Lang, translator } from '../../../addin/taskpane/i18n';
import { LangContext } from '../../../addin/taskpane/lang';
import { NominationResult } from '../../../addin/taskpane/views/AwardsView';
import { CheckResult } from '../../../addin/taskpane/views/CheckView';
import { ComputeResult } from '../../../addin/taskpane/views/ComputeView';
import { MergeResult } from '../../../addin/taskpane/views/ExchangeView';
import { SKIPPED } from '../../../addin/host/office/office-host';
import { RotationResult } from '../../../addin/taskpane/views/RotationView';
import { MemberScorecardNote } from '../../../addin/taskpane/views/SettingsView';
import { DossierResult, NextYearResult } from '../../../addin/taskpane/views/YearEndView';
import type {
  ComputeReport,
  DossierReport,
  MergeReport,
  NextYearReport,
  SettingsReport,
} from '../../../addin/app/actions';
import { rankingRows } from '../../../addin/taskpane/view-model';
import { describeRuleSet, ruleSetById } from '../../../core';
import { result, sampleComputeReport } from './fixtures';

const computeReport: ComputeReport = {
  source: 'cum-6-2021.xlsx',
  document: {
    kind: 'annual',
    year: 2021,
    cluster: result.cluster,
    units: result.units.map((u) => u.unit),
    criteria: 20,
  },
  result,
  tieBreak: ['indicatorsMetRatio', 'deduction'],
  explanations: [],
  criterionDetails: {},
  issues: result.issues,
  counts: { error: 1, warning: 0, info: 0 },
  write: { cellsWritten: 42, sheetsCreated: [], refused: [] },
};

/** Actions that must not be called while rendering: rendering never reads or writes the workbook. */
const untouchable = new Proxy({ hostKind: 'file' } as AppActions, {
  get(target, key) {
    if (key in target) return target[key as keyof AppActions];
    return () => {
      throw new Error(`rendering called actions.${String(key)}`);
    };
  },
});

function html(node: ReactNode, lang: Lang = 'vi'): string {
  const text = renderToString(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={{ lang, t: translator(lang) }}>{node}</LangContext.Provider>
    </FluentProvider>,
  );
  // Text content, roughly: tags out, entities back.
  return text
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ([:)])/g, '$1')
    .replace(/\( /g, '(');
}

describe('ComputeResult', () => {
  it('shows the ranking with shared ranks, the cluster ratio and the tie-break rule', () => {
    const text = html(<ComputeResult report={computeReport} actions={untouchable} />);
    expect(text).toContain('Bảng xếp hạng Cụm thi đua số 6 năm 2021');
    expect(text).toMatch(/1 VKSND tỉnh Nghệ An Hoàn thành xuất sắc nhiệm vụ 118,4 118,4% 22\/22 \(100%\)/);
    expect(text).toContain('2= VKSND tỉnh Hà Tĩnh Hoàn thành xuất sắc nhiệm vụ 95,25');
    expect(text).toContain('Toàn cụm: 121/122 (99,2%) chỉ tiêu đạt');
    expect(text).toContain('xét lần lượt: tỷ lệ chỉ tiêu đạt (cao hơn xếp trên); điểm trừ (ít hơn xếp trên)');
    expect(text).toContain('Xếp hạng theo điểm thẩm định');
    expect(text).toContain("'Quảng Trị'!F9");
  });

  it('states the tie-break the ranking applied', () => {
    const report: ComputeReport = { ...computeReport, tieBreak: ['bonus'] };
    const text = html(<ComputeResult report={report} actions={untouchable} />, 'en');
    expect(text).toContain('compare in turn: bonus points (more first).');
    expect(text).toContain('Whole cluster: 121/122 (99.2%) targets met');
  });

  it('gives every "why" button an accessible name with the unit and its total', () => {
    const markup = renderToString(
      <LangContext.Provider value={{ lang: 'vi', t: translator('vi') }}>
        <ComputeResult report={computeReport} actions={untouchable} />
      </LangContext.Provider>,
    );
    for (const u of result.units) expect(markup).toContain(`aria-label="Vì sao ${u.unit} được`);
  });
});

describe('ComputeResult on the sample computed by the real core', () => {
  it('lists every unit in rank order with its total and the rule the sample sets', async () => {
    const report = await sampleComputeReport();
    const text = html(<ComputeResult report={report} actions={untouchable} />);
    let at = 0;
    for (const row of rankingRows(report.result, 'vi')) {
      const found = text.indexOf(`${row.unit} ${row.tier} ${row.total} ${row.percent} ${row.indicators}`, at);
      expect(found, row.unit).toBeGreaterThan(at);
      at = found;
    }
    expect(text).toContain(
      'xét lần lượt: tỷ lệ chỉ tiêu đạt (cao hơn xếp trên); tỷ lệ chỉ tiêu vượt (cao hơn xếp trên); điểm trừ (ít hơn xếp trên).',
    );
  });
});

describe('CheckResult', () => {
  it('counts issues by severity and lists them with their place', () => {
    const text = html(
      <CheckResult
        report={{ source: 'x.xlsx', issues: result.issues, counts: { error: 1, warning: 0, info: 0 } }}
        actions={untouchable}
      />,
    );
    expect(text).toContain('1 lỗi, 0 cảnh báo, 0 ghi chú');
    expect(text).toContain('Điểm cộng vượt mức tối đa');
  });

  it('says so when nothing is wrong', () => {
    const text = html(
      <CheckResult
        report={{ source: 'x', issues: [], counts: { error: 0, warning: 0, info: 0 } }}
        actions={untouchable}
      />,
      'en',
    );
    expect(text).toContain('No problems found.');
  });
});

describe('NominationResult and RotationResult', () => {
  it('shows each proposal with its legal basis, quota use and the excluded with reasons', () => {
    const text = html(
      <NominationResult
        actions={untouchable}
        report={{
          source: 'x',
          document: computeReport.document,
          ruleSet: 'tt02-2024',
          nominations: [
            {
              award: 'Cờ thi đua của ngành Kiểm sát nhân dân',
              candidate: 'VKSND tỉnh Nghệ An',
              kind: 'collective',
              rule: 'sectorFlag',
              basis: ['Thông tư 01/2019/TT-VKSTC, Điều 20'],
            },
          ],
          quotas: [
            {
              award: 'Tập thể lao động xuất sắc',
              rule: 'excellentCollective',
              limit: 1,
              base: 5,
              proposed: 1,
              basis: 'TT 02/2024, Điều 18',
            },
          ],
          blocked: [
            {
              award: 'Cờ thi đua của ngành Kiểm sát nhân dân',
              candidate: 'VKSND tỉnh Hà Tĩnh',
              kind: 'collective',
              rule: 'sectorFlag',
              reasons: ['Phiếu đồng ý 60% < 80%'],
            },
          ],
          issues: [],
          counts: { error: 0, warning: 0, info: 0 },
        }}
      />,
    );
    expect(text).toContain('Bộ quy định áp dụng: tt02-2024');
    expect(text).toContain(
      'Đề nghị (1) Cờ thi đua của ngành Kiểm sát nhân dân (1) VKSND tỉnh Nghệ An Tập thể Thông tư 01/2019/TT-VKSTC, Điều 20',
    );
    expect(text).toContain('Tập thể lao động xuất sắc (0) Chỉ tiêu số lượng: 1/1 suất (TT 02/2024, Điều 18)');
    expect(text).toContain(
      'Không đủ điều kiện (1) Cờ thi đua của ngành Kiểm sát nhân dân (1) VKSND tỉnh Hà Tĩnh Tập thể Phiếu đồng ý 60% < 80%',
    );
  });

  it('shows the rule set applied: values with standing, the text’s words, forms and changes', () => {
    const report = (lang: Lang) => ({
      source: 'x',
      document: computeReport.document,
      ruleSet: 'vn-2024-tt02-nd98',
      referenceDate: '2024-12-31',
      rules: describeRuleSet(ruleSetById('vn-2024-tt02-nd98')!, lang),
      nominations: [],
      quotas: [],
      blocked: [],
      issues: [],
      counts: { error: 0, warning: 0, info: 0 },
    });
    const vi = html(<NominationResult actions={untouchable} report={report('vi')} />);
    expect(vi).toContain('Thời gian công tác, nghỉ tính đến ngày 31/12/2024');
    expect(vi).toContain('Bộ quy tắc đang áp dụng: vn-2024-tt02-nd98');
    expect(vi).toContain('sectorFlag.voteBase = members theo bản sao thứ cấp');
    expect(vi).toContain(
      '“ tỷ lệ phiếu đồng ý của Hội đồng Thi đua - Khen thưởng cấp trình khen thưởng từ 80%',
    );
    expect(vi).toContain('governmentFlag.capPercent = — chưa xác nhận');
    expect(vi).toContain('Bằng khen của Viện trưởng VKSND tối cao — Viện trưởng VKSND tối cao');
    expect(vi).toContain('Thay đổi so với vn-2024-tt01-nd98');
    const en = html(<NominationResult actions={untouchable} report={report('en')} />, 'en');
    expect(en).toContain('Rule set in force: vn-2024-tt02-nd98');
    expect(en).toContain('from a secondary copy');
    expect(en).toContain('Grassroots Emulation Fighter');
  });

  it('shows next year leader, deputy and reason in the chosen language', () => {
    const text = html(
      <RotationResult
        actions={untouchable}
        report={{
          source: 'x',
          document: computeReport.document,
          year: 2023,
          leader: 'VKSND tỉnh Gia Lai',
          deputy: 'VKSND tỉnh Kon Tum',
          reason: { vi: 'Cụm phó năm 2022 làm cụm trưởng', en: "2022's deputy leads" },
          guidance: { document: 'HD 09/HD-VKSTC', elected: true },
          skipped: [
            { unit: 'VKSND tỉnh Lâm Đồng', reason: { vi: 'chưa được đánh giá', en: 'not evaluated' } },
          ],
          issues: [],
        }}
      />,
      'en',
    );
    expect(text).toContain(
      "Year 2023 Leader VKSND tỉnh Gia Lai Deputy VKSND tỉnh Kon Tum Reason 2022's deputy leads",
    );
  });
});

describe("the cluster's settings read from one member's scorecard", () => {
  const report: SettingsReport = {
    source: '02-vksnd-tinh-gia-lai.xlsx',
    document: computeReport.document,
    settings: { leader: 'VKSND tỉnh Đắk Lắk', rotation: [] },
    issues: [],
    member: 'VKSND tỉnh Gia Lai',
  };

  it('says whose scorecard it is, that the settings are only shown, and where to change them', () => {
    expect(html(<MemberScorecardNote report={report} />).trim()).toBe(
      'Đây là bảng chấm điểm của VKSND tỉnh Gia Lai: thông tin cụm gửi kèm bảng, chỉ để xem. Thông tin của cụm ghi trên sổ tổng hợp: muốn sửa, hãy mở sổ tổng hợp rồi sửa ở thẻ “Thông tin cụm”.',
    );
    expect(html(<MemberScorecardNote report={report} />, 'en')).toContain(
      'This is the scorecard of VKSND tỉnh Gia Lai',
    );
    const { member: _, ...cluster } = report;
    expect(html(<MemberScorecardNote report={cluster} />).trim()).toBe('');
  });
});

describe('App', () => {
  it('renders its tabs with panels linked for assistive technology, without touching the workbook', () => {
    const markup = renderToString(<App actions={untouchable} defaultYear={2022} />);
    for (const id of ['create', 'check', 'compute', 'awards', 'rotation']) {
      expect(markup).toContain(`id="tab-${id}"`);
      expect(markup).toContain(`aria-labelledby="tab-${id}"`);
    }
    expect(markup).toContain('role="tablist"');
    expect(markup).toContain('lang="vi"');
  });
});

describe('what an older Excel skipped', () => {
  it('the ranking names, in Vietnamese and in English, what the Office host could not do', () => {
    const report: ComputeReport = {
      ...computeReport,
      write: { ...computeReport.write, skipped: [SKIPPED.validation, SKIPPED.cellProperties] },
    };
    const vi = html(<ComputeResult report={report} actions={untouchable} />);
    expect(vi).toContain('Excel này không làm được');
    expect(vi).toContain('Không đặt kiểm tra dữ liệu nhập (danh sách chọn, giới hạn điểm)');
    expect(vi).toContain('ô nhập được nhận biết theo mẫu');
    const en = html(<ComputeResult report={report} actions={untouchable} />, 'en');
    expect(en).toContain('This Excel could not');
    expect(en).toContain('Data validation (lists, score bounds) was not set');
    expect(html(<ComputeResult report={computeReport} actions={untouchable} />)).not.toContain(
      'Excel này không làm được',
    );
  });
});

describe('MergeResult', () => {
  it('lists who returned, who is missing, duplicates and conflicts', () => {
    const report: MergeReport = {
      source: 'cum-7.xlsx',
      document: {
        kind: 'annual',
        year: 2022,
        cluster: 'Cụm thi đua số 7',
        units: ['A', 'B', 'C'],
        criteria: 3,
      },
      intoOpenWorkbook: true,
      received: [
        { unit: 'VKSND tỉnh Đắk Lắk', files: ['01.xlsx'] },
        { unit: 'VKSND tỉnh Gia Lai', files: ['02.xlsx', '02b.xlsx'] },
      ],
      missing: ['VKSND tỉnh Kon Tum'],
      duplicates: [{ unit: 'VKSND tỉnh Gia Lai', files: ['02.xlsx', '02b.xlsx'] }],
      conflicts: [
        {
          unit: 'VKSND tỉnh Gia Lai',
          item: '1.1',
          itemKind: 'criterion',
          stage: 'self',
          fields: ['points'],
          values: [
            { file: '02.xlsx', value: '5' },
            { file: '02b.xlsx', value: '4,5' },
          ],
        },
      ],
      skipped: [],
      issues: [],
      counts: { error: 0, warning: 0, info: 0 },
      write: { cellsWritten: 40, sheetsCreated: [], refused: [] },
    };
    const text = html(<MergeResult report={report} actions={untouchable} />);
    expect(text).toContain('Đã ghi vào sổ tính (40 ô)');
    expect(text).toContain('Đã nhận 2 đơn vị: VKSND tỉnh Đắk Lắk, VKSND tỉnh Gia Lai');
    expect(text).toContain('Còn thiếu 1 đơn vị: VKSND tỉnh Kon Tum');
    expect(text).toContain('Trùng tệp: VKSND tỉnh Gia Lai (02.xlsx, 02b.xlsx)');
    expect(text).toContain('1 giá trị mâu thuẫn giữa các tệp');
  });
});

describe('the year-end results', () => {
  const document = {
    kind: 'annual' as const,
    year: 2025,
    cluster: 'Cụm thi đua số 7',
    units: ['VKSND tỉnh Đắk Lắk', 'VKSND tỉnh Lâm Đồng'],
    criteria: 3,
  };
  const noSave = async () => {
    throw new Error('rendering saved a file');
  };

  it('the dossier: files to save, sheets written and kept, the counts and the seal, in both languages', () => {
    const report: DossierReport = {
      source: 'cum-7-2024.xlsx',
      document: { ...document, year: 2024 },
      fingerprint: 'ABCD-1234-EF',
      files: [
        { name: 'to-trinh-2024.docx', mime: 'x', bytes: new Uint8Array(), unit: 'Tờ trình' },
        { name: 'danh-sach-de-nghi-2024.docx', mime: 'x', bytes: new Uint8Array(), unit: 'Danh sách' },
      ],
      sheets: ['Phiếu bầu'],
      kept: ['Kiểm phiếu'],
      counted: 4,
      notes: [
        {
          vi: 'Lấy 4 kết quả biểu quyết từ cum-7-2024.xlsx.',
          en: 'Took 4 vote results from cum-7-2024.xlsx.',
        },
      ],
      finalised: { by: 'Trần Thị Bình', at: '2024-12-22' },
      nominations: 3,
      issues: [],
      counts: { error: 0, warning: 0, info: 0 },
      write: { cellsWritten: 12, sheetsCreated: ['Phiếu bầu'], refused: [] },
    };
    const vi = html(<DossierResult report={report} actions={untouchable} saveFile={noSave} />);
    expect(vi).toContain('Đã tạo 2 văn bản. Mã kiểm chứng số liệu: ABCD-1234-EF');
    expect(vi).toContain('Lưu to-trinh-2024.docx');
    expect(vi).toContain('Lưu tất cả (2 tệp)');
    expect(vi).toContain('Đã ghi vào sổ tính: "Phiếu bầu"');
    expect(vi).toContain('Giữ nguyên (đã có trong sổ, có thể đã nhập): "Kiểm phiếu"');
    expect(vi).toContain('Lấy 4 kết quả kiểm phiếu làm số phiếu biểu quyết');
    expect(vi).toContain('Số liệu đã chốt (2024-12-22, Trần Thị Bình)');
    const en = html(<DossierResult report={report} actions={untouchable} saveFile={noSave} />, 'en');
    expect(en).toContain('Made 2 documents. Fingerprint of the figures: ABCD-1234-EF');
    expect(en).toContain('Took 4 vote results from cum-7-2024.xlsx.');
  });

  it('next year: the file, the members across the merger, the questions, what is not carried', () => {
    const report: NextYearReport = {
      source: 'cum-7-2024.xlsx',
      document,
      fromYear: 2024,
      year: 2025,
      file: {
        name: 'cum-7-2025.xlsx',
        mime: 'x',
        bytes: new Uint8Array(),
        unit: 'Cụm thi đua số 7, năm 2025',
      },
      members: [
        { from: 'VKSND tỉnh Đắk Lắk', to: 'VKSND tỉnh Đắk Lắk', changed: false },
        { from: 'VKSND tỉnh Đắk Nông', to: 'VKSND tỉnh Lâm Đồng', changed: true, since: '2025-07-01' },
      ],
      merged: [
        {
          into: 'VKSND tỉnh Lâm Đồng',
          from: ['VKSND tỉnh Đắk Nông', 'VKSND tỉnh Lâm Đồng'],
          since: '2025-07-01',
        },
      ],
      leader: 'VKSND tỉnh Đắk Lắk',
      leadershipReason: { vi: 'Theo thứ tự luân phiên', en: 'By the rotation order' },
      carried: [{ vi: 'Tiêu chí', en: 'Criteria' }],
      notCarried: [{ vi: 'Điểm chấm: của năm 2024', en: 'Scores: belong to 2024' }],
      questions: [
        {
          severity: 'warning',
          code: 'years.membership.merged',
          message: 'Hai đơn vị thành một: cần quyết định lại thành viên của cụm.',
          messageEn: 'Two members become one: the membership must be decided again.',
        },
      ],
      issues: [],
      counts: { error: 0, warning: 1, info: 0 },
    };
    const vi = html(<NextYearResult report={report} actions={untouchable} saveFile={noSave} />);
    expect(vi).toContain('Sổ năm 2025 của Cụm thi đua số 7, từ sổ năm 2024');
    expect(vi).toContain('Lưu cum-7-2025.xlsx');
    expect(vi).toContain('VKSND tỉnh Đắk Nông → VKSND tỉnh Lâm Đồng (từ 2025-07-01)');
    expect(vi).toContain('Cụm trưởng: VKSND tỉnh Đắk Lắk; cụm phó: (chưa xác định)');
    expect(vi).toContain('Cần cụm quyết định lại');
    expect(vi).toContain('Hai đơn vị thành một');
    expect(vi).toContain('Điểm chấm: của năm 2024');
    const en = html(<NextYearResult report={report} actions={untouchable} saveFile={noSave} />, 'en');
    expect(en).toContain('Scores: belong to 2024');
    expect(en).toContain('For the cluster to decide again');
  });
});
