/**
 * Bad workbooks through the command line: each case is the sample cluster workbook damaged the way people
 * damage workbooks. The Vietnamese message must name the sheet and cell, the exit code must say whether the
 * data has errors (1) or the file is unusable (2), and the input file must be byte for byte unchanged.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { checkXlsxBytes, MAX_FILE_BYTES, WorkbookFileError } from '../../../addin/host/xlsx/files';
import { computeCluster, parseClusterJson } from '../../../core';
import { check, cli, editedWorkbook, editZip, runOn, sampleDoc, sampleWorkbookBytes } from './workbooks';

const DAK_LAK = 'tỉnh Đắk Lắk';

/** The document a workbook exports to (through the CLI), for comparing with the sample. */
async function exported(bytes: Uint8Array) {
  const r = await runOn(bytes, (f) => ['export', f, '-o', 'back.json']);
  const doc = parseClusterJson(await readFile(join(r.dir, 'back.json'), 'utf8')).doc!;
  return { ...r, doc };
}

describe('sheets and tables moved, renamed or deleted', { timeout: 60_000 }, () => {
  it('the untouched sample reads clean (the control)', async () => {
    const r = await check(await sampleWorkbookBytes());
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toContain('Không phát hiện vấn đề nào.');
  });

  it('a deleted criteria sheet: the file cannot be used (exit 2), the message names the sheet', async () => {
    const bytes = await editedWorkbook((wb) => {
      wb.removeWorksheet(wb.getWorksheet('Tiêu chí')!.id);
    });
    const r = await check(bytes);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toContain('Sheet "Tiêu chí": không tìm thấy bảng tiêu chí');
  });

  it("a deleted member's scorecard sheet is an error (exit 1) naming the unit", async () => {
    const bytes = await editedWorkbook((wb) => {
      wb.removeWorksheet(wb.getWorksheet('tỉnh Gia Lai')!.id);
    });
    const r = await check(bytes);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Không có sheet bảng chấm điểm của VKSND tỉnh Gia Lai');
  });

  it('a renamed tab is still read through its table name: same document, no issue', async () => {
    const bytes = await editedWorkbook((wb) => {
      wb.getWorksheet('Tiêu chí')!.name = 'TC năm 2022';
      wb.getWorksheet(DAK_LAK)!.name = 'Đắk Lắk (đã chấm)';
    });
    const r = await exported(bytes);
    expect(r.code, r.err).toBe(0);
    expect(computeCluster(r.doc).result).toEqual(computeCluster(await sampleDoc()).result);
  });

  it('a renamed tab whose table became a plain range is found by its header row', async () => {
    const bytes = await editedWorkbook((wb) => {
      const ws = wb.getWorksheet('Tiêu chí')!;
      ws.name = 'Bảng TC';
      ws.removeTable('TieuChi');
    });
    const r = await exported(bytes);
    expect(r.code, r.err).toBe(0);
    expect(r.doc.criteria).toEqual((await sampleDoc()).criteria);
  });

  it('a renamed table is read by sheet name and header row', async () => {
    const bytes = await editZip(await sampleWorkbookBytes(), /^xl\/tables\/.*\.xml$/, (xml) =>
      xml.replace(/(name|displayName)="DonVi"/g, '$1="Bang1"'),
    );
    const r = await exported(bytes);
    expect(r.code, r.err).toBe(0);
    expect(r.doc.units).toEqual((await sampleDoc()).units);
  });

  it('a deleted member table (table and its rows gone): exit 2 naming the sheet', async () => {
    const bytes = await editedWorkbook((wb) => {
      const ws = wb.getWorksheet('Đơn vị')!;
      ws.removeTable('DonVi');
      for (let row = 4; row <= 9; row++) for (let col = 1; col <= 4; col++) ws.getCell(row, col).value = null;
    });
    const r = await check(bytes);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Sheet "Đơn vị": không tìm thấy bảng đơn vị thành viên');
  });
});

describe('headers', { timeout: 60_000 }, () => {
  it('a criteria header typed over: exit 1, the message names the cell and what it holds', async () => {
    const bytes = await editedWorkbook((wb) => {
      wb.getWorksheet('Tiêu chí')!.getCell('D4').value = 'Điểm năm 2022';
    });
    const r = await check(bytes);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Sheet "Tiêu chí", ô D4: Bảng tiêu chí thiếu cột "Điểm chuẩn"');
    expect(r.out).toContain('D4 ghi "Điểm năm 2022"');
  });

  it('a scorecard input header renamed: exit 1 instead of dropping its scores', async () => {
    const bytes = await editedWorkbook((wb) => {
      wb.getWorksheet(DAK_LAK)!.getCell('G4').value = 'Điểm tự đánh giá';
    });
    const r = await check(bytes);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      `Sheet "${DAK_LAK}", ô G4: Bảng chấm điểm của VKSND tỉnh Đắk Lắk thiếu cột "Tự chấm: điểm"`,
    );
  });

  it('a header written as a known variant is accepted', async () => {
    const bytes = await editedWorkbook((wb) => {
      wb.getWorksheet('Tiêu chí')!.getCell('D4').value = 'Điểm tối đa';
    });
    const r = await exported(bytes);
    expect(r.code, r.err).toBe(0);
    expect(r.doc.criteria).toEqual((await sampleDoc()).criteria);
  });
});

describe('cell values', { timeout: 60_000 }, () => {
  // Row 8 of a scorecard is criterion 1.3 (standard 5); column G is the self score.
  const typed = (value: string) =>
    editedWorkbook((wb) => {
      wb.getWorksheet(DAK_LAK)!.getCell('G8').value = value;
    });

  it('"4,5" typed as text: a warning with the value read, and that value counts', async () => {
    const r = await exported(await typed('4,5'));
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      `Sheet "${DAK_LAK}", ô G8: Điểm tự chấm của tiêu chí 1.3 được gõ thành chữ "4,5"`,
    );
    expect(r.err).toContain('Thi đua đọc là 4,5');
    const score = r.doc.scores!.find(
      (s) => s.unit === 'VKSND tỉnh Đắk Lắk' && s.criterion === '1.3' && s.stage === 'self',
    );
    expect(score?.points).toBe(4.5);
  });

  it('"4.5" typed as text reads the same way', async () => {
    const r = await check(await typed('4.5'));
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Sheet "${DAK_LAK}", ô G8:`);
    expect(r.out).toContain('Thi đua đọc là 4,5');
  });

  it('ambiguous "1.234" is an error naming the cell (exit 1)', async () => {
    const r = await check(await typed('1.234'));
    expect(r.code).toBe(1);
    expect(r.out).toContain(`Sheet "${DAK_LAK}", ô G8: Điểm tự chấm của tiêu chí 1.3 phải là số`);
    expect(r.out).toContain('không rõ nghĩa');
  });

  it('error values #REF! and #DIV/0! are errors naming the cell', async () => {
    const bytes = await editedWorkbook((wb) => {
      wb.getWorksheet(DAK_LAK)!.getCell('G6').value = { error: '#REF!' } as never;
      wb.getWorksheet('Chỉ tiêu')!.getCell('J5').value = { error: '#DIV/0!' } as never;
    });
    const r = await check(bytes);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`Sheet "${DAK_LAK}", ô G6: Điểm tự chấm của tiêu chí 1.1 là giá trị lỗi #REF!`);
    expect(r.out).toContain('Sheet "Chỉ tiêu", ô J5: Tử số chỉ tiêu');
    expect(r.out).toContain('giá trị lỗi #DIV/0!');
  });

  it('merged cells inside a scorecard are an error naming the range', async () => {
    const bytes = await editedWorkbook((wb) => {
      wb.getWorksheet(DAK_LAK)!.mergeCells('G9:H9');
    });
    const r = await check(bytes);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`Sheet "${DAK_LAK}", ô G9:H9: Vùng ô G9:H9 bị gộp (merge)`);
  });

  it('a member typed under the member table, outside it, is an error: it would count for nothing', async () => {
    const bytes = await editedWorkbook((wb) => {
      wb.getWorksheet('Đơn vị')!.getCell('B10').value = 'VKSND tỉnh Phú Yên';
    });
    const r = await check(bytes);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Sheet "Đơn vị", ô B10: Dòng 10 có dữ liệu ngay dưới bảng đơn vị');
  });
});

describe('template versions', { timeout: 60_000 }, () => {
  const version = (v: string) =>
    editedWorkbook((wb) => {
      wb.getWorksheet('_ThiDua')!.getCell('B3').value = v;
    });

  it('an older minor version is read, with a warning naming the version', async () => {
    const r = await check(await version('1.0'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('Sheet "_ThiDua", ô B3: sổ được tạo bằng mẫu phiên bản 1.0');
  });

  it('another major version cannot be read (exit 2)', async () => {
    const r = await check(await version('2.0'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('phiên bản 2.0');
    expect(r.err).toContain('thidua new --from');
  });
});

describe('files that are not workbooks', { timeout: 60_000 }, () => {
  it('a text file renamed .xlsx', async () => {
    const r = await check(new TextEncoder().encode('Danh sách đơn vị\nVKSND tỉnh Đắk Lắk\n'));
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'Tệp so-thi-dua.xlsx không phải là sổ Excel .xlsx (nội dung không phải dạng nén của .xlsx; có thể là tệp khác bị đổi đuôi thành .xlsx).',
    );
  });

  it('a JSON document renamed .xlsx', async () => {
    const r = await check(
      await readFile(join(import.meta.dirname, '../../../templates/samples/cum-7-2022.json')),
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain('không phải là sổ Excel .xlsx');
  });

  it('a zip that is not a workbook', async () => {
    const zip = new JSZip();
    zip.file('tai-lieu.txt', 'không phải sổ tính');
    const r = await check(await zip.generateAsync({ type: 'uint8array' }));
    expect(r.code).toBe(2);
    expect(r.err).toContain('thiếu phần xl/workbook.xml');
  });

  it('an oversized file is refused before it is read', async () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1024);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const r = await check(big);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'Tệp so-thi-dua.xlsx lớn 67,0 MB, quá giới hạn 67,0 MB; không mở. Nếu đây là sổ thật, hãy tách thành các sổ ít đơn vị hơn, hoặc xoá các trang tính và hình ảnh không cần rồi lưu lại.',
    );
  });
});

/** Little-endian 32-bit write. */
function setU32(bytes: Uint8Array, at: number, value: number) {
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).setUint32(at, value, true);
}

/** Offsets of a zip signature (local header 0x04034b50, central directory 0x02014b50). */
function signatures(bytes: Uint8Array, sig: number): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i++) if (view.getUint32(i, true) === sig) out.push(i);
  return out;
}

describe('zip bombs and damaged zips', { timeout: 60_000 }, () => {
  it('a small zip declaring a huge uncompressed entry is refused (exit 2)', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', '<worksheet/>');
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
    // Central directory: uncompressed size at +24; local headers: at +22.
    for (const at of signatures(bytes, 0x02014b50)) setU32(bytes, at + 24, 0xf0000000);
    for (const at of signatures(bytes, 0x04034b50)) setU32(bytes, at + 22, 0xf0000000);
    expect(bytes.byteLength).toBeLessThan(2000);
    const r = await check(bytes);
    expect(r.code).toBe(2);
    expect(r.err).toContain('khi giải nén lớn hơn');
    expect(r.err).toContain('không mở');
  });

  it('a zip whose entries expand past the limit is stopped while inflating, even when its sizes lie', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', new Uint8Array(4 * 1048576));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bytes.byteLength).toBeLessThan(50_000);
    // The honest sizes are caught by the directory check...
    await expect(checkXlsxBytes(bytes, 'bom.xlsx', { maxUncompressedBytes: 1048576 })).rejects.toThrow(
      /expands to over 4\.0 MB/,
    );
    // ...and sizes patched to look small are caught by the running count while inflating.
    for (const at of signatures(bytes, 0x02014b50)) setU32(bytes, at + 24, 100);
    for (const at of signatures(bytes, 0x04034b50)) setU32(bytes, at + 22, 100);
    const error = await checkXlsxBytes(bytes, 'bom.xlsx', { maxUncompressedBytes: 1048576 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect((error as WorkbookFileError).text.vi).toMatch(/khi giải nén lớn hơn 1,0 MB|bị hỏng/);
  });

  it('a truncated workbook is reported damaged (exit 2)', async () => {
    const whole = await sampleWorkbookBytes();
    const r = await check(whole.slice(0, Math.floor(whole.length * 0.6)));
    expect(r.code).toBe(2);
    expect(r.err).toContain('Tệp so-thi-dua.xlsx bị hỏng, không đọc được');
  });

  it('a workbook with corrupted compressed data is reported damaged (exit 2)', async () => {
    const bytes = new Uint8Array(await sampleWorkbookBytes());
    // Scramble the middle of the first large entry's compressed data.
    const locals = signatures(bytes, 0x04034b50);
    const start = locals[Math.floor(locals.length / 2)]! + 200;
    for (let i = start; i < start + 400 && i < bytes.length; i++) bytes[i] = (bytes[i]! * 31 + 7) & 0xff;
    const r = await check(bytes);
    expect(r.code).toBe(2);
    expect(r.err).toContain('bị hỏng, không đọc được');
  });

  it('the CLI reports an unreadable workbook in English with --lang en', async () => {
    const dir = (await check(new TextEncoder().encode('x'))).dir;
    const r = await cli(['check', 'so-thi-dua.xlsx', '--lang', 'en'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('is not an .xlsx workbook');
  });
});
