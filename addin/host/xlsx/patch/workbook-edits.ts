/**
 * Workbook-level edits of a patch, as the exceljs host makes them: document properties, the plan's defined
 * names the workbook lacks, and Excel's calculation chain dropped when formulas changed. No Node APIs.
 */
import type { WorkbookPlan } from '../../../../templates/plan';
import { esc } from '../write/xml';
import type { Parts } from './parts';
import { CannotPatch } from './update';
import { relsNameOf } from '../package-repair';
import { decodeEntities as decode } from '../read/xml-scan';
import { attribute, relKind, relationships } from './xml-text';

/** What these edits read of a plan (not its sheets). */
type PlanHead = Pick<WorkbookPlan, 'properties' | 'names'>;

/** The document properties the exceljs host sets (title, subject, creator; company), where they differ. */
export function patchProperties(parts: Parts, plan: PlanHead): void {
  const p = plan.properties;
  if (!p) return;
  const root = relationships('', parts.need('_rels/.rels'));
  const set = (part: string | undefined, tag: string, value: string | undefined, close: RegExp) => {
    if (!part || value === undefined || value === '') return;
    const xml = parts.text(part);
    if (xml === undefined) return;
    const element = `<${tag}>${esc(value)}</${tag}>`;
    const at = new RegExp(`<${tag}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${tag}>)`).exec(xml);
    if (at && decode(at[1] ?? '') === value) return;
    if (at) parts.replace(part, xml.replace(at[0], element));
    else {
      const end = close.exec(xml);
      if (!end) return;
      parts.replace(part, xml.slice(0, end.index) + element + xml.slice(end.index));
    }
  };
  const core = root.find((r) => r.type.endsWith('/metadata/core-properties'))?.part;
  const app = root.find((r) => relKind(r.type) === 'extended-properties')?.part;
  if (core && !/<cp:coreProperties\b/.test(parts.text(core) ?? '')) return;
  set(core, 'dc:title', p.title, /<\/cp:coreProperties>/);
  set(core, 'dc:subject', p.subject, /<\/cp:coreProperties>/);
  set(core, 'dc:creator', p.creator, /<\/cp:coreProperties>/);
  if (app && /<Properties\b[^>]*xmlns="[^"]*extended-properties"/.test(parts.text(app) ?? ''))
    set(app, 'Company', p.company, /<\/Properties>/);
}

/** The plan's names the workbook lacks, added as global names (exceljs adds those only). */
export function patchNames(parts: Parts, workbook: string, plan: PlanHead): void {
  let xml = parts.need(workbook);
  const have = new Set<string>();
  for (const m of xml.matchAll(/<definedName\b[^>]*>/g)) {
    const name = attribute(m[0], 'name');
    if (name !== undefined) have.add(name);
  }
  const add = plan.names
    .filter((n) => !have.has(n.name))
    .map((n) => `<definedName name="${esc(n.name)}">${esc(n.ref)}</definedName>`);
  if (add.length === 0) return;
  if (/<definedNames\s*\/>/.test(xml))
    xml = xml.replace(/<definedNames\s*\/>/, '<definedNames></definedNames>');
  if (xml.includes('</definedNames>')) xml = xml.replace('</definedNames>', `${add.join('')}</definedNames>`);
  else if (xml.includes('</sheets>'))
    xml = xml.replace('</sheets>', `</sheets><definedNames>${add.join('')}</definedNames>`);
  else throw new CannotPatch('names');
  parts.replace(workbook, xml);
}

/** Excel's calculation chain removed (its part, relationship and content type): Excel rebuilds it. */
export function dropCalcChain(parts: Parts, workbook: string, chain: { part?: string; raw: string }): void {
  if (!chain.part) return;
  parts.removed.add(chain.part);
  const relsName = relsNameOf(workbook);
  parts.replace(relsName, parts.need(relsName).replace(chain.raw, ''));
  const types = parts.need('[Content_Types].xml');
  parts.replace(
    '[Content_Types].xml',
    types.replace(new RegExp(`<Override\\b[^>]*PartName="/${chain.part.replace(/\./g, '\\.')}"[^>]*/>`), ''),
  );
}
