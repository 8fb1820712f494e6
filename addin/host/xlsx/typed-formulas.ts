/**
 * Formulas a person typed into input cells whose file saved no result (openpyxl and other writers that do
 * not calculate): their value is unknown, so each is named as an issue rather than read as empty. No Node APIs.
 */
import type ExcelJS from 'exceljs';
import { type Issue, makeIssue } from '../../../core';

/** exceljs's ValueType.Formula. */
const FORMULA_TYPE = 6;

export function typedFormulasWithoutValue(workbook: ExcelJS.Workbook): Issue[] {
  const issues: Issue[] = [];
  for (const ws of workbook.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type !== FORMULA_TYPE || cell.protection?.locked !== false) return;
        const result = cell.result as unknown;
        if (result !== undefined && result !== null) return;
        issues.push(
          makeIssue(
            'warning',
            'workbook.formula.noValue',
            {
              vi: `Sheet "${ws.name}", ô ${cell.address}: công thức =${cell.formula} do người dùng gõ chưa có kết quả lưu trong tệp (chương trình lưu tệp không tính công thức), nên chưa được tính; hãy mở và lưu lại bằng Excel hoặc LibreOffice. Thi đua giữ nguyên công thức khi ghi.`,
              en: `Sheet "${ws.name}", cell ${cell.address}: the typed formula =${cell.formula} has no result saved in the file (the program that saved it does not calculate), so it is not counted; open and re-save it in Excel or LibreOffice. Thi đua keeps the formula when writing.`,
            },
            { sheet: ws.name, cell: cell.address },
          ),
        );
      });
    });
  }
  return issues;
}
