/** The words for a cell a write left as it is (WriteReport.refused), naming sheet and cell. */
import type { Bilingual } from '../../core';
import type { KeptReason, WriteReport } from './host';

const WHY: Record<KeptReason, Bilingual> = {
  typed: {
    vi: 'ô nhập đang có giá trị khác do người dùng gõ; giữ nguyên, không ghi đè',
    en: 'an input cell holds a different typed value; kept, not overwritten',
  },
  formula: {
    vi: 'ô nhập có công thức do người dùng gõ, kết quả khác giá trị cần ghi; giữ nguyên công thức',
    en: 'an input cell holds a typed formula whose result differs from the value to write; the formula is kept',
  },
  formulaNoCache: {
    vi: 'ô nhập có công thức do người dùng gõ nhưng tệp không lưu kết quả (chương trình lưu tệp không tính công thức); giữ nguyên công thức, hãy mở và lưu lại bằng Excel hoặc LibreOffice để có giá trị',
    en: 'an input cell holds a typed formula but the file saved no result (the program that saved it does not calculate); the formula is kept, open and re-save it in Excel or LibreOffice to get its value',
  },
  overFormula: {
    vi: 'ô công thức của mẫu đã bị gõ đè bằng giá trị; giữ nguyên giá trị đã gõ, không ghi lại công thức (hãy kiểm tra ô này)',
    en: 'a formula cell of the template was typed over; the typed value is kept and the formula not written back (check this cell)',
  },
  notANumber: {
    vi: 'giá trị tính ra không phải là số hợp lệ; không ghi gì vào ô',
    en: 'the computed value is not a valid number; nothing written to the cell',
  },
};

export function keptCellText(kept: WriteReport['refused'][number]): Bilingual {
  const why = WHY[kept.reason ?? 'typed'];
  return {
    vi: `Sheet "${kept.sheet}", ô ${kept.cell}: ${why.vi}.`,
    en: `Sheet "${kept.sheet}", cell ${kept.cell}: ${why.en}.`,
  };
}
