/**
 * Which cell formats (xf indexes of styles.xml's cellXfs) leave a cell unlocked: those with
 * <protection locked="0"/> (or LibreOffice's "false", which the exceljs path repairs to "0" before reading).
 * A cell is locked by default, as in Excel. No Node APIs.
 */
import { attribute } from './xml-text';

export function unlockedFormats(stylesXml: string | undefined): Set<number> {
  const out = new Set<number>();
  if (!stylesXml) return out;
  const list = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  let i = 0;
  for (const m of list.matchAll(/<xf\b[^>]*?(?:\/>|>([\s\S]*?)<\/xf>)/g)) {
    const protection = /<protection\b[^>]*>/.exec(m[1] ?? '')?.[0];
    const locked = protection ? attribute(protection.slice(11), 'locked') : undefined;
    if (locked === '0' || locked === 'false') out.add(i);
    i++;
  }
  return out;
}
