/**
 * The dossier as data, for the bundled sample (Cụm 7, 2022) and for Cụm 8 of 2020 (seed 000): which
 * documents, which figures, official names, votes with their thresholds, next year's leadership, marked gaps,
 * and the count sheet read back as votes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type ClusterDocument,
  computeCluster,
  nominateAwards,
  parseClusterDocument,
  proposeRotation,
} from '../../../core';
import {
  ballotCandidates,
  buildDossier,
  changeText,
  diffFacts,
  documentFacts,
  documentText,
  officialNamer,
  readCountSheet,
  totalsLine,
  withCountedVotes,
} from '../../../templates/dossier';
import type { WorkbookSnapshot } from '../../../templates/plan';

const root = join(import.meta.dirname, '../../..');
const load = (path: string): ClusterDocument => {
  const parsed = parseClusterDocument(JSON.parse(readFileSync(join(root, path), 'utf8')));
  if (!parsed.doc) throw new Error(`cannot parse ${path}`);
  return parsed.doc;
};

function dossierOf(doc: ClusterDocument) {
  const result = computeCluster(doc).result;
  const report = nominateAwards(doc, result);
  return {
    report,
    dossier: buildDossier({
      doc,
      result,
      report,
      rotation: proposeRotation(doc),
      fingerprint: 'ABCD-1234-EF',
    }),
  };
}

const byFile = (d: ReturnType<typeof dossierOf>['dossier'], prefix: string) => {
  const found = d.documents.find((x) => x.file.startsWith(prefix));
  if (!found) throw new Error(`no ${prefix}`);
  return documentText(found);
};

describe('Cụm 8, 2020 (seed 000)', () => {
  const doc = load('test/fixtures/dossier/cum-8-2020.json');
  const { report, dossier } = dossierOf(doc);
  const flags = (award: string) =>
    report.nominations.filter((n) => n.award === award).map((n) => n.candidate);

  it("proposes what the seed reports, as far as today's rules allow", () => {
    // The Government flag follows the cluster's vote (seed 000 votes Quảng Nam and Phú Yên, 6/6 each).
    expect(flags('Cờ thi đua của Chính phủ')).toEqual(['VKSND tỉnh Quảng Nam', 'VKSND tỉnh Phú Yên']);
    expect(doc.votes!.filter((v) => v.award === 'Cờ thi đua của Chính phủ').map((v) => v.candidate)).toEqual([
      'VKSND tỉnh Quảng Nam',
      'VKSND tỉnh Phú Yên',
    ]);
    expect(flags('Cờ thi đua của ngành Kiểm sát nhân dân')).toEqual([
      'VKSND tỉnh Bình Định',
      'VKSND tỉnh Quãng Ngãi',
    ]);
  });

  it('writes ballots, minutes, submission, list, an achievement report per proposed unit and the summary', () => {
    const files = dossier.documents.map((d) => d.file);
    expect(files.slice(0, 4)).toEqual([
      'phieu-bau-2020',
      'bien-ban-hop-binh-xet-2020',
      'to-trinh-2020',
      'danh-sach-de-nghi-2020',
    ]);
    expect(files.filter((f) => f.startsWith('bao-cao-thanh-tich-'))).toHaveLength(6);
    expect(files).toContain('bao-cao-thanh-tich-2020-vksnd-tinh-quang-ngai');
    expect(files.at(-1)).toBe('bao-cao-tong-ket-2020');
  });

  it('prints official names only, the fingerprint on every document, and gaps marked as such', () => {
    for (const d of dossier.documents) {
      const text = documentText(d);
      expect(text, d.file).not.toContain('Quãng');
      expect(text, d.file).toContain('Mã kiểm chứng số liệu: ABCD-1234-EF');
      expect(text, d.file).toMatch(/CỤM THI ĐUA SỐ 8|VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO/);
    }
    expect(byFile(dossier, 'danh-sach')).toContain('VKSND tỉnh Quảng Ngãi');
    expect(byFile(dossier, 'bien-ban-hop')).toContain('[Cần bổ sung: họ tên, chức vụ người chủ trì]');
  });

  it("the minutes: ranking, each vote with base and threshold, decisions, next year's leader and deputy", () => {
    const minutes = byFile(dossier, 'bien-ban-hop');
    expect(minutes).toContain('1 | VKSND tỉnh Quảng Nam');
    expect(minutes).toContain(
      'Cờ thi đua của ngành Kiểm sát nhân dân | VKSND tỉnh Quảng Ngãi | 5 | 6 | 83,3% | 80% | Đạt',
    );
    expect(minutes).toContain('Cờ thi đua của Chính phủ | VKSND tỉnh Phú Yên | 6 | 6 | 100% | 80% | Đạt');
    expect(minutes).toContain(
      'Cụm thi đua số 8 thống nhất giới thiệu VKSND tỉnh Phú Yên làm Cụm trưởng, VKSND tỉnh Bình Định làm Cụm phó năm 2021.',
    );
    expect(minutes).toContain(
      'Toàn Cụm: 12/18 chỉ tiêu phát sinh đạt (66,7%); 8/12 chỉ tiêu có thể tính vượt đã vượt (66,7%).',
    );
  });

  it('the list counts recipients and proposals and names the rule set by its documents', () => {
    const list = byFile(dossier, 'danh-sach');
    expect(list).toContain(`Tổng cộng: ${totalsLine(report.nominations)}.`);
    expect(totalsLine(report.nominations)).toBe('6 tập thể, 14 lượt đề nghị');
    expect(list).toContain('Văn bản áp dụng: Luật Thi đua, khen thưởng 2003');
    expect(list).not.toContain('vn-2019-tt01');
    expect(list.split('Căn cứ: Thông tư 01/2019/TT-VKSTC, Điều 20').length - 1).toBe(1);
  });

  it("the achievement report carries the unit's figures", () => {
    const report8 = byFile(dossier, 'bao-cao-thanh-tich-2020-vksnd-tinh-phu-yen');
    expect(report8).toContain('Xếp hạng trong Cụm | 2/6');
    expect(report8).toContain('Chỉ tiêu phát sinh đạt | 3/3 (100%)');
    expect(report8).toContain('Tỷ lệ giải quyết tố giác, tin báo về tội phạm | 90% | 190/200 | 95%');
    expect(report8).toContain('[Cần bổ sung: kết quả năm 2019');
  });

  it('ballots list the candidates the rules would propose, and the ones voted on', () => {
    const ballots = ballotCandidates(doc, computeCluster(doc).result, report.ruleSet);
    expect(ballots.map((b) => [b.award, b.candidates])).toEqual([
      [
        'Cờ thi đua của ngành Kiểm sát nhân dân',
        // Phú Yên is not on it: the recorded vote already proposes it for the Government flag.
        ['VKSND tỉnh Bình Định', 'VKSND tỉnh Quãng Ngãi'],
      ],
      // Every unit the rules would let the vote carry to the Government flag.
      [
        'Cờ thi đua của Chính phủ',
        ['VKSND tỉnh Quảng Nam', 'VKSND tỉnh Phú Yên', 'VKSND tỉnh Bình Định', 'VKSND tỉnh Quãng Ngãi'],
      ],
    ]);
  });

  it('a count typed on the count sheet becomes the vote the minutes and the list use', () => {
    const table = dossier.countSheet.sheets[0]!.tables![0]!;
    const rows = table.rows.map((r) => [...r]);
    const at = rows.findIndex((r) => r[1] === 'VKSND tỉnh Quảng Ngãi');
    rows[at]![2] = 4; // 4/6 = 66,7%: below 80%
    rows[at]![3] = 6;
    const snapshot: WorkbookSnapshot = {
      source: 'kiem-phieu.xlsx',
      names: [],
      sheets: [
        {
          name: 'Kiểm phiếu',
          values: [...Array.from({ length: 5 }, () => []), table.headers, ...rows],
          tables: [{ name: 'KiemPhieu', ref: `A6:E${6 + rows.length}` }],
        },
      ],
    };
    const read = readCountSheet(snapshot)!;
    expect(read.problems).toEqual([]);
    const counted = withCountedVotes(doc, read.votes, officialNamer(doc));
    const again = dossierOf(counted);
    expect(
      again.report.nominations.some(
        (n) => n.candidate === 'VKSND tỉnh Quãng Ngãi' && n.award.startsWith('Cờ'),
      ),
    ).toBe(false);
    expect(byFile(again.dossier, 'bien-ban-hop')).toContain(
      'VKSND tỉnh Quảng Ngãi | 4 | 6 | 66,7% | 80% | Không đạt',
    );
    expect(byFile(again.dossier, 'danh-sach')).not.toContain('Quảng Ngãi\n');
  });
});

describe('the bundled sample (Cụm 7, 2022)', () => {
  const doc = load('templates/samples/cum-7-2022.json');
  const { report, dossier } = dossierOf(doc);

  it('counts 5 collectives in 12 proposals and the summary shows the cluster figures', () => {
    const collectives = report.nominations.filter((n) => n.kind === 'collective');
    expect(totalsLine(collectives)).toBe('5 tập thể, 12 lượt đề nghị');
    const summary = byFile(dossier, 'bao-cao-tong-ket');
    const ci = computeCluster(doc).result.clusterIndicators;
    expect(summary).toContain(
      `toàn Cụm ${ci.met}/${ci.arising} chỉ tiêu phát sinh – đạt tỷ lệ ${ci.metText}`,
    );
    expect(summary).toContain('Cụm thi đua số 7 thống nhất giới thiệu VKSND tỉnh Gia Lai làm Cụm trưởng');
    expect(summary).toContain('186 sáng kiến cấp cơ sở');
  });

  it('the submission follows the form of its period and says the wording was not checked', () => {
    const submission = dossier.documents.find((d) => d.file === 'to-trinh-2022')!;
    expect(submission.notes!.join(' ')).toContain('Nghị định 91/2017/NĐ-CP');
    expect(submission.notes!.join(' ')).toContain('chưa được đối chiếu');
    const later = buildDossier({
      doc,
      result: computeCluster(doc).result,
      report,
      rotation: proposeRotation(doc),
      fingerprint: 'X',
      options: { date: '2025-12-20' },
    }).documents.find((d) => d.file === 'to-trinh-2022')!;
    expect(later.notes!.join(' ')).toContain('Mẫu số 01 ban hành kèm Nghị định 152/2025/NĐ-CP');
    expect(documentText(later)).toContain('III. HỒ SƠ KÈM THEO');
  });
});

describe('facts of two versions', () => {
  it('names a changed score by unit, criterion and stage, whatever the row order', () => {
    const doc = load('test/fixtures/dossier/cum-8-2020.json');
    const changed: ClusterDocument = {
      ...doc,
      scores: [...doc.scores!]
        .reverse()
        .map((s) =>
          s.unit === 'VKSND tỉnh Phú Yên' && s.criterion === '1.2' && s.stage === 'verified'
            ? { ...s, points: 28 }
            : s,
        ),
    };
    const changes = diffFacts(documentFacts(doc), documentFacts(changed));
    expect(changes.map(changeText)).toEqual(['VKSND tỉnh Phú Yên, tiêu chí 1.2, thẩm định: điểm: 30 → 28']);
  });
});
