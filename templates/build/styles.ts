/** Cell styles shared by every sheet the templates build: inputs yellow and unlocked, formulas grey and locked. */
import type { CellStyle } from '../plan';

export const FONT = 'Times New Roman';

/** Number formats are invariant codes; a Vietnamese-locale Excel shows them with a decimal comma. */
export const FMT = {
  score: '0.0##',
  percentNumber: '0.0##',
  ratio: '0.0%',
  count: '0',
  date: 'dd/mm/yyyy',
  text: '@',
} as const;

export const title: CellStyle = { font: { name: FONT, size: 14, bold: true }, align: { vertical: 'middle' } };
export const subtitle: CellStyle = { font: { name: FONT, size: 11, italic: true } };
export const label: CellStyle = { font: { name: FONT, size: 11, bold: true } };
export const plain: CellStyle = { font: { name: FONT, size: 11 }, align: { vertical: 'top', wrap: true } };

export const header: CellStyle = {
  font: { name: FONT, size: 11, bold: true },
  fill: 'FFDDEBF7',
  align: { horizontal: 'center', vertical: 'middle', wrap: true },
  border: 'thin',
};

/** The sheets' font with `extra`'s changes (bold, colour): a style never loses the typeface. */
const fontWith = (extra: Partial<CellStyle>) => ({ name: FONT, size: 11, ...extra.font });

export function input(numFmt?: string, extra: Partial<CellStyle> = {}): CellStyle {
  return {
    fill: 'FFFFF9E5',
    border: 'thin',
    locked: false,
    align: { vertical: 'top', wrap: numFmt === FMT.text || numFmt === undefined },
    ...(numFmt ? { numFmt } : {}),
    ...extra,
    font: fontWith(extra),
  };
}

export function computed(numFmt?: string, extra: Partial<CellStyle> = {}): CellStyle {
  return {
    fill: 'FFF2F2F2',
    border: 'thin',
    align: { vertical: 'top' },
    ...(numFmt ? { numFmt } : {}),
    ...extra,
    font: { bold: false, ...fontWith(extra) },
  };
}

/** Read-only data in a table (codes and standards copied onto a scorecard). */
export function fixed(numFmt?: string, extra: Partial<CellStyle> = {}): CellStyle {
  return {
    border: 'thin',
    align: { vertical: 'top', wrap: numFmt === undefined },
    ...(numFmt ? { numFmt } : {}),
    ...extra,
    font: fontWith(extra),
  };
}
