/** Cell styles shared by every sheet the templates build: inputs yellow and unlocked, formulas grey and locked. */
import type { CellStyle } from '../plan';

export const FONT = 'Times New Roman';

/** The extra of a bold cell. */
export const BOLD: Partial<CellStyle> = { font: { bold: true } };

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

/**
 * The styles of `make`, one object per number format and extra, so a
 * workbook of 260 000 cells hands its writer a few dozen objects (writers look styles up by identity first).
 * Plans are data: a style object is never changed once made.
 */
function sharedByFormat(
  make: (numFmt: string | undefined, extra: Partial<CellStyle>) => CellStyle,
): (numFmt?: string, extra?: Partial<CellStyle>) => CellStyle {
  // The extras a sheet asks for are few (bold, an indent per depth), and sheets pass them as constants: found
  // by the extra object first, by its content when it is new (then remembered under that object too).
  const none = {};
  const byExtra = new WeakMap<object, Map<string | undefined, CellStyle>>();
  const byContent = new Map<string, CellStyle>();
  return (numFmt, extra) => {
    const holder = extra ?? none;
    let forExtra = byExtra.get(holder);
    if (!forExtra) {
      forExtra = new Map();
      byExtra.set(holder, forExtra);
    }
    let style = forExtra.get(numFmt);
    if (!style) {
      const key = `${numFmt}\u0000${extra ? JSON.stringify(extra) : ''}`;
      style = byContent.get(key) ?? make(numFmt, extra ?? {});
      byContent.set(key, style);
      forExtra.set(numFmt, style);
    }
    return style;
  };
}

export const input = sharedByFormat((numFmt, extra): CellStyle => {
  return {
    fill: 'FFFFF9E5',
    border: 'thin',
    locked: false,
    align: { vertical: 'top', wrap: numFmt === FMT.text || numFmt === undefined },
    ...(numFmt ? { numFmt } : {}),
    ...extra,
    font: fontWith(extra),
  };
});

export const computed = sharedByFormat((numFmt, extra): CellStyle => {
  return {
    fill: 'FFF2F2F2',
    border: 'thin',
    align: { vertical: 'top' },
    ...(numFmt ? { numFmt } : {}),
    ...extra,
    font: { bold: false, ...fontWith(extra) },
  };
});

/** Read-only data in a table (codes and standards copied onto a scorecard). */
export const fixed = sharedByFormat((numFmt, extra): CellStyle => {
  return {
    border: 'thin',
    align: { vertical: 'top', wrap: numFmt === undefined },
    ...(numFmt ? { numFmt } : {}),
    ...extra,
    font: fontWith(extra),
  };
});
