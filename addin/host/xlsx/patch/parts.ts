/**
 * The parts of a package being patched: read (inflated) only when asked for, replaced, added or removed, and
 * zipped again with every other part's compressed bytes as they were. Also where the workbook keeps its
 * sheets, their tables and notes (workbook.xml and the relationships, as Excel finds them). No Node APIs.
 */
import { CannotPatch } from './update';
import {
  type Deflate,
  type DeflateLater,
  type Inflate,
  type ZipEntry,
  entryText,
  textEntry,
  textEntryLater,
  writeZip,
} from './zip';
import { relsNameOf } from '../package-repair';
import { type RowLayout, SheetTexts } from '../read/row-layout';
import { attribute, attributes, relKind, relationships } from './xml-text';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The package's parts by name, the text of those read, and the ones replaced. */
export class Parts {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly texts: Map<string, string>;
  readonly replaced = new Map<string, string>();
  /** Replaced parts already deflated (`pack`): their new entries, their text let go. */
  private readonly packed = new Map<string, ZipEntry>();
  /** Replaced parts being deflated elsewhere (`pack` with a DeflateLater): their text until then. */
  private readonly packing = new Map<string, { text: string; entry: Promise<ZipEntry> }>();
  private packingBytes = 0;
  readonly removed = new Set<string>();
  private readonly added: string[] = [];
  /** `texts`: parts' texts decoded already from these entries (the reader's), taken over: let go once used. */
  constructor(
    readonly entries: ZipEntry[],
    private readonly inflate?: Inflate,
    texts?: Map<string, string>,
  ) {
    for (const e of entries) this.byName.set(e.name, e);
    this.texts = texts ?? new Map();
  }
  has(name: string): boolean {
    return this.byName.has(name);
  }
  text(name: string): string | undefined {
    const held = this.replaced.get(name) ?? this.texts.get(name) ?? this.packing.get(name)?.text;
    if (held !== undefined) return held;
    const entry = this.packed.get(name) ?? this.byName.get(name);
    if (!entry) return undefined;
    const text = entryText(entry, this.inflate);
    this.texts.set(name, text);
    return text;
  }
  need(name: string): string {
    const text = this.text(name);
    if (text === undefined) throw new CannotPatch(`missing ${name}`);
    return text;
  }
  /**
   * Where the reader found the rows and cells of a part's text it decoded (texts it kept as SheetTexts), while
   * that text is the part's: a replaced or packed part's was let go, and its layout with it (SheetTexts.delete);
   * a text added over it stands before it.
   */
  layout(name: string): RowLayout | undefined {
    if (!(this.texts instanceof SheetTexts) || this.replaced.has(name)) return undefined;
    return this.texts.layouts.get(name);
  }
  /** Lets go of a part's original text once it is replaced or no longer needed (read again if asked). */
  forget(name: string): void {
    this.texts.delete(name);
  }
  replace(name: string, text: string): void {
    this.texts.delete(name);
    this.packed.delete(name);
    this.packing.delete(name);
    this.replaced.set(name, text);
  }
  /**
   * A replaced part deflated now, as `bytes` would deflate it, and its text let go (inflated again if asked):
   * a package whose every sheet changes never holds all their texts at once (700 sheets, issue 15). With
   * `later`, deflated elsewhere while the patch goes on, as long as the texts waiting stay within its budget.
   */
  pack(name: string, deflate: Deflate, later?: { deflate: DeflateLater; budget: number }): void {
    const text = this.replaced.get(name);
    const entry = this.byName.get(name);
    if (text === undefined || !entry) return;
    this.replaced.delete(name);
    if (later && this.packingBytes + text.length <= later.budget) {
      this.packingBytes += text.length;
      const deflated = textEntryLater(name, text, later.deflate, entry);
      // A failure is answered by bytesLater; one for a part replaced again, or a patch given up, by no one.
      deflated.catch(() => {});
      this.packing.set(name, { text, entry: deflated });
    } else this.packed.set(name, textEntry(name, text, deflate, entry));
  }
  /** A new part (or a replaced one, when the name is taken). */
  add(name: string, text: string): void {
    if (!this.byName.has(name)) this.added.push(name);
    this.replaced.set(name, text);
  }
  /** The package's bytes once the parts deflated elsewhere (`pack`) are. */
  async bytesLater(deflate: Deflate): Promise<Uint8Array> {
    for (const [name, { entry }] of this.packing) this.packed.set(name, await entry);
    this.packing.clear();
    return this.bytes(deflate);
  }
  bytes(deflate: Deflate): Uint8Array {
    if (this.packing.size > 0) throw new Error('parts still being deflated: bytesLater');
    const out: ZipEntry[] = [];
    for (const e of this.entries) {
      if (this.removed.has(e.name)) continue;
      const text = this.replaced.get(e.name);
      out.push(text === undefined ? (this.packed.get(e.name) ?? e) : textEntry(e.name, text, deflate, e));
    }
    for (const name of this.added) out.push(textEntry(name, this.replaced.get(name)!, deflate));
    return writeZip(out);
  }
}

export interface SheetRef {
  name: string;
  part: string;
}

/** The workbook's sheets (name → part) in their order, its other parts, and the workbook part itself. */
export function workbookParts(parts: Parts) {
  const root = relationships('', parts.need('_rels/.rels'));
  const workbook = root.find((r) => relKind(r.type) === 'officeDocument')?.part;
  if (!workbook) throw new CannotPatch('no workbook');
  const xml = parts.need(workbook);
  const start = /<(\w+:)?workbook\b[^>]*>/.exec(xml);
  // Strict OOXML (another namespace) and prefixed elements are left to the exceljs path.
  if (!start || start[1] || attribute(start[0], 'xmlns') !== MAIN_NS) throw new CannotPatch('namespace');
  const pr = /<workbookPr\b[^>]*>/.exec(xml)?.[0];
  const date1904 = pr ? attribute(pr, 'date1904') : undefined;
  if (date1904 === '1' || date1904 === 'true') throw new CannotPatch('date1904');
  const rels = relationships(workbook, parts.need(relsNameOf(workbook)));
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetRef[] = [];
  for (const m of xml.matchAll(/<sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const rel = byId.get(a.get('r:id') ?? '');
    if (!rel?.part || relKind(rel.type) !== 'worksheet') continue;
    if (!parts.has(rel.part)) throw new CannotPatch(`missing ${rel.part}`);
    sheets.push({ name: a.get('name') ?? '', part: rel.part });
  }
  const of = (kind: string) => rels.find((r) => relKind(r.type) === kind);
  return { workbook, xml, rels, sheets, of };
}

/** The tables of a sheet: name → part. */
export function sheetTables(parts: Parts, sheet: SheetRef): { name: string; part: string }[] {
  const rels = parts.text(relsNameOf(sheet.part));
  if (!rels) return [];
  const out: { name: string; part: string }[] = [];
  for (const r of relationships(sheet.part, rels)) {
    if (relKind(r.type) !== 'table' || !r.part) continue;
    const xml = parts.need(r.part);
    const name = attribute(/<(?:\w+:)?table\b[^>]*>/.exec(xml)?.[0] ?? '', 'name');
    if (name !== undefined) out.push({ name, part: r.part });
  }
  return out;
}

/** The cells of a sheet having a note (comment), by A1 address. */
export function sheetNotes(parts: Parts, sheet: SheetRef): Set<string> {
  const out = new Set<string>();
  const rels = parts.text(relsNameOf(sheet.part));
  if (!rels) return out;
  for (const r of relationships(sheet.part, rels)) {
    if (relKind(r.type) !== 'comments' || !r.part) continue;
    for (const m of parts.need(r.part).matchAll(/<(?:\w+:)?comment\b[^>]*>/g)) {
      const ref = attribute(m[0], 'ref');
      if (ref) out.add(ref);
    }
  }
  return out;
}
