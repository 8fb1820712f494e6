/**
 * Regenerates test/fixtures/hostile/: one small file per failing case of issue 10 ("Nothing lost, nothing
 * let in"), JSON documents and .xlsx packages. The workbooks are derived from the committed workbooks of
 * test/fixtures/other-programs/ (openpyxl's output of the product's own files), rewritten with JSZip with a
 * fixed date, so the same bytes come out on every run. test/addin/cli/hostile.test.ts gives each file its
 * expected exit code and message.
 *
 *   node --import tsx scripts/hostile/make-fixtures.ts
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'test/fixtures/hostile');
const OTHER = join(ROOT, 'test/fixtures/other-programs');
const DATE = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));

/* ---------- JSON ---------- */

/** A small valid annual document: three members, two criteria, every score, one person, one vote. */
function baseDocument() {
  const units = [
    { name: 'VKSND tỉnh Đắk Lắk', province: '66' },
    { name: 'VKSND tỉnh Gia Lai', province: '64' },
    { name: 'VKSND tỉnh Kon Tum', province: '62' },
  ];
  const criteria = [
    { code: '1', title: 'Chỉ đạo, điều hành', points: 10 },
    { code: '1.1', title: 'Kế hoạch công tác', parent: '1', points: 6 },
    { code: '1.2', title: 'Báo cáo', parent: '1', points: 4, deductionEach: 0.5, deductionMax: 1.5 },
  ];
  const scores = units.flatMap((u, i) => [
    { unit: u.name, criterion: '1.1', stage: 'self', points: 6 - i },
    { unit: u.name, criterion: '1.2', stage: 'self', points: 4 },
  ]);
  return {
    format: 'thidua/cluster@1',
    kind: 'annual',
    year: 2022,
    cluster: {
      name: 'Cụm thi đua thử',
      leader: 'VKSND tỉnh Đắk Lắk',
      deputy: 'VKSND tỉnh Gia Lai',
      rotation: units.map((u) => u.name),
    },
    units,
    criteria,
    scores,
    people: [
      {
        name: 'Nguyễn Văn Thành',
        unit: 'VKSND tỉnh Đắk Lắk',
        gender: 'Nam',
        serviceStart: '2005-09-01',
        recruited: '2005-09-01',
      },
    ],
    unitProfiles: [{ unit: 'VKSND tỉnh Đắk Lắk', staff: 120, women: 50, advancedWorkers: 100 }],
  };
}

type Doc = Omit<ReturnType<typeof baseDocument>, 'unitProfiles'> & Record<string, unknown>;
const pretty = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`;

function edited(change: (doc: Doc) => void): string {
  const doc = baseDocument() as Doc;
  change(doc);
  return pretty(doc);
}

/** The base document's text with its first `from` replaced by `to` (for what JSON.stringify cannot write). */
const replacedOnce = (from: string, to: string) => {
  const text = pretty(baseDocument());
  if (!text.includes(from)) throw new Error(`not in the base document: ${from}`);
  return text.replace(from, to);
};

/** Windows-1258 bytes of a text (the Vietnamese letters of the base document; others as "?"). */
function windows1258(text: string): Uint8Array {
  // Windows-1258 keeps precomposed letters for a few and combining tone marks for the rest.
  const single: Record<string, number> = {
    Đ: 0xd0,
    đ: 0xf0,
    ă: 0xe3,
    Ă: 0xc3,
    â: 0xe2,
    ơ: 0xf5,
    ư: 0xfd,
    ê: 0xea,
    ô: 0xf4,
  };
  const tones: Record<string, number> = {
    '\u0300': 0xcc,
    '\u0301': 0xec,
    '\u0303': 0xde,
    '\u0309': 0xd2,
    '\u0323': 0xf2,
  };
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) {
      out.push(ch.charCodeAt(0));
      continue;
    }
    // The letter with its breve, circumflex or horn (one byte), then its tone mark (another byte).
    const marks = [...ch.normalize('NFD')];
    const shape = marks
      .filter((m) => !(m in tones))
      .join('')
      .normalize('NFC');
    out.push(
      shape.length === 1 && shape.charCodeAt(0) < 0x80 ? shape.charCodeAt(0) : (single[shape] ?? 0x3f),
    );
    for (const m of marks) if (tones[m] !== undefined) out.push(tones[m]!);
  }
  return Uint8Array.from(out);
}

const json: Record<string, string | Uint8Array> = {
  // check must report what nominate reports about the data.
  'unknown-rule-set.json': edited((d) => {
    d.ruleSet = 'nope';
  }),
  'bad-rule-overrides.json': edited((d) => {
    d.ruleOverrides = { 'nope.threshold': 5 };
  }),
  'bad-unit-profiles.json': edited((d) => {
    d.unitProfiles = [{ unit: 'VKSND tỉnh Gia Lai', staff: -3 }];
  }),
  'impossible-date.json': edited((d) => {
    d.people[0]!.serviceStart = '2023-02-30';
  }),
  'date-not-iso.json': edited((d) => {
    d.people[0]!.serviceStart = '01/09/2005';
  }),
  // Hostile JSON.
  'proto-keys.json': replacedOnce(
    '"kind": "annual",',
    '"__proto__": { "polluted": "yes" },\n  "constructor": { "prototype": { "polluted": "yes" } },\n  "kind": "annual",',
  ),
  'proto-in-score.json': replacedOnce(
    '"criterion": "1.1",',
    '"criterion": "1.1",\n      "__proto__": { "isAdmin": true },',
  ),
  'duplicate-key.json': replacedOnce('"year": 2022,', '"year": 2021,\n  "year": 2022,'),
  'deep-nesting.json': replacedOnce(
    '"year": 2022,',
    `"year": 2022,\n  "extra": ${'['.repeat(5000)}${']'.repeat(5000)},`,
  ),
  'number-1e400.json': replacedOnce('"points": 6', '"points": 1e400'),
  'year-minus-zero.json': replacedOnce('"year": 2022', '"year": -0'),
  'year-20-digits.json': replacedOnce('"year": 2022', '"year": 12345678901234567890'),
  'huge-unit-name.json': edited((d) => {
    d.scores[0]!.unit = `VKSND tỉnh ${'Gia Lai '.repeat(40000)}`;
  }),
  'syntax-error.json': replacedOnce('"year": 2022,', '"year": 2022,,'),
  'windows-1258.json': windows1258(pretty(baseDocument())),
  'utf8-invalid-byte.json': Uint8Array.from([
    ...Buffer.from(pretty(baseDocument())).subarray(0, 60),
    0xff,
    0xfe,
    0x41,
  ]),
  // Hostile text: twins and look-alikes never match silently.
  'twin-lrm.json': edited((d) => {
    d.units.push({ name: 'VKSND tỉnh Gia Lai\u200E', province: '64' });
  }),
  'cyrillic-a.json': edited((d) => {
    d.units[0]!.name = 'VKSND tỉnh Đắk L\u0430k';
  }),
  'bidi-override.json': edited((d) => {
    d.units[2]!.name = 'VKSND tỉnh \u202EKon Tum';
  }),
  'zero-width.json': edited((d) => {
    d.units[1]!.name = 'VKSND tỉnh Gia\u200B Lai';
  }),
  'control-char.json': edited((d) => {
    d.people[0]!.name = 'Nguyễn Văn\u0007 Thành';
  }),
};

/* ---------- binaries given in place of a document ---------- */

/** A Compound File header with the given stream names in its directory (enough to tell its kind). */
function compoundFile(streams: string[]): Uint8Array {
  const bytes = new Uint8Array(512 * 4);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const view = new DataView(bytes.buffer);
  view.setUint16(0x1a, 0x3e, true); // minor version 62, major 3
  view.setUint16(0x1c, 0xfffe, true); // little-endian
  view.setUint16(0x1e, 9, true); // 512-byte sectors
  view.setUint32(0x30, 0, true); // the directory in sector 0 (offset 512)
  ['Root Entry', ...streams].forEach((name, i) => {
    const at = 512 + i * 128;
    for (let k = 0; k < name.length; k++) view.setUint16(at + 2 * k, name.charCodeAt(k), true);
    view.setUint16(at + 64, (name.length + 1) * 2, true);
    bytes[at + 66] = i === 0 ? 5 : 2;
  });
  return bytes;
}

const binaries: Record<string, Uint8Array> = {
  'xls-renamed.xlsx': compoundFile(['Workbook', '\u0005SummaryInformation']),
  'encrypted.xlsx': compoundFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']),
  'xls-as-json.json': compoundFile(['Workbook']),
  'pdf-renamed.xlsx': new TextEncoder().encode(
    '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n',
  ),
};

/* ---------- .xlsx packages ---------- */

async function loadZip(file: string): Promise<JSZip> {
  return JSZip.loadAsync(readFileSync(join(OTHER, file)));
}

async function bytesOf(zip: JSZip): Promise<Uint8Array> {
  for (const entry of Object.values(zip.files)) entry.date = DATE;
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

const put = (zip: JSZip, name: string, content: string | Uint8Array) =>
  zip.file(name, content, { date: DATE, createFolders: false });

async function edit(file: string, change: (zip: JSZip) => Promise<void> | void): Promise<Uint8Array> {
  const zip = await loadZip(file);
  await change(zip);
  return bytesOf(zip);
}

async function replaceIn(zip: JSZip, part: string, from: string, to: string): Promise<void> {
  const text = await zip.file(part)!.async('string');
  if (!text.includes(from)) throw new Error(`${part}: not found: ${from}`);
  put(zip, part, text.replace(from, to));
}

/** The member list cell of a unit in py-cluster.xlsx (sheet "Đơn vị", inline strings with entities). */
const xmlText = (text: string) =>
  [...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch : `&#${ch.codePointAt(0)};`)).join('');

/** Patches a zip's central and local headers so that one entry declares `size` bytes uncompressed. */
function lieAboutSize(bytes: Uint8Array, entry: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const name = new TextEncoder().encode(entry);
  const matches = (at: number) => name.every((b, k) => out[at + k] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && view.getUint16(i + 26, true) === name.length && matches(i + 30))
      view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && view.getUint16(i + 28, true) === name.length && matches(i + 46))
      view.setUint32(i + 24, size, true);
  }
  return out;
}

async function packages(): Promise<Record<string, Uint8Array>> {
  const zeros = new Uint8Array(40 * 1024 * 1024); // 40 MB of zeros deflate to about 40 KB
  const bomb = await edit('py-member.xlsx', (zip) => {
    put(zip, 'xl/media/padding.bin', zeros);
  });
  const out: Record<string, Uint8Array> = {
    'ods-renamed.xlsx': await (async () => {
      const zip = new JSZip();
      zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', {
        date: DATE,
        compression: 'STORE',
        createFolders: false,
      });
      put(
        zip,
        'content.xml',
        '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
      );
      put(
        zip,
        'META-INF/manifest.xml',
        '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
      );
      return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    })(),
    'xlsm-renamed.xlsx': await edit('py-member.xlsx', async (zip) => {
      put(zip, 'xl/vbaProject.bin', compoundFile(['VBA', 'PROJECT']));
      await replaceIn(
        zip,
        '[Content_Types].xml',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
        'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
      );
    }),
    'zip-bomb-ratio.xlsx': bomb,
    // A part declaring 300 MB: refused by the directory's sizes before anything is inflated.
    'zip-declares-300mb.xlsx': lieAboutSize(
      await edit('py-member.xlsx', () => {}),
      'xl/worksheets/sheet1.xml',
      300 * 1024 * 1024,
    ),
    // The same entry declaring 1 000 bytes: only the running count while inflating finds it.
    'zip-bomb-lying-size.xlsx': lieAboutSize(bomb, 'xl/media/padding.bin', 1000),
    'many-entries.xlsx': await edit('py-member.xlsx', (zip) => {
      for (let i = 0; i <= 5000; i++) put(zip, `x/${i}`, '');
    }),
    'path-traversal.xlsx': await edit('py-member.xlsx', (zip) => {
      put(zip, '../../../tmp/thidua-escaped.txt', 'escaped');
    }),
    'dtd-external-entity.xlsx': await edit('py-member.xlsx', async (zip) => {
      await replaceIn(
        zip,
        'xl/workbook.xml',
        '<workbook ',
        '<!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><workbook ',
      );
    }),
    'dtd-billion-laughs.xlsx': await edit('py-member.xlsx', async (zip) => {
      const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join(
        '',
      );
      await replaceIn(
        zip,
        'docProps/app.xml',
        '<Properties',
        `<!DOCTYPE p [<!ENTITY l0 "lol">${lol}]><Properties`,
      );
    }),
    'external-link.xlsx': await edit('py-member.xlsx', async (zip) => {
      put(
        zip,
        'xl/externalLinks/externalLink1.xml',
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></externalLink>',
      );
      put(
        zip,
        'xl/externalLinks/_rels/externalLink1.xml.rels',
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///\\\\server\\share\\secret.xlsx" TargetMode="External"/></Relationships>',
      );
    }),
    'truncated.xlsx': (await edit('py-member.xlsx', () => {})).subarray(0, 4000),
    // Cells: a twin and a look-alike in the member list, an unknown rule set, a formula-looking name.
    'twin-lrm-cluster.xlsx': await edit('py-cluster.xlsx', (zip) =>
      replaceIn(
        zip,
        'xl/worksheets/sheet2.xml',
        `<t>${xmlText('VKSND tỉnh Lâm Đồng')}</t>`,
        `<t>${xmlText('VKSND tỉnh Gia Lai\u200E')}</t>`,
      ),
    ),
    'cyrillic-a-cluster.xlsx': await edit('py-cluster.xlsx', (zip) =>
      replaceIn(
        zip,
        'xl/worksheets/sheet2.xml',
        `<t>${xmlText('VKSND tỉnh Kon Tum')}</t>`,
        `<t>${xmlText('VKSND tỉnh K\u043En Tum')}</t>`,
      ),
    ),
  };
  return out;
}

/* ---------- write ---------- */

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const all = { ...json, ...binaries, ...(await packages()) };
for (const [name, content] of Object.entries(all)) writeFileSync(join(OUT, name), content);
console.log(`${readdirSync(OUT).length} files in ${OUT}`);
