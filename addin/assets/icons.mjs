// Ribbon and add-in icons as real PNG files, drawn at build time (no binary files in the repository).
// Each icon is a rounded square in the add-in's colour with a white glyph, rasterised with 4×4 supersampling
// so the edges stay smooth at 16, 32 and 80 pixels. PNG is written by hand: signature, IHDR, IDAT (zlib), IEND.
import { deflateSync } from 'node:zlib';

/** The sizes Office asks for on ribbon buttons (16, 32, 80) plus the add-in's own icons (64, 128). */
export const ICON_SIZES = [16, 32, 64, 80, 128];

const BRAND = [0x1f, 0x4e, 0x79]; // dark blue, the header colour of the workbook templates
const GLYPH = [0xff, 0xff, 0xff];

/* ---------- geometry in a unit square (0..1), y downwards ---------- */

const distToSegment = (px, py, ax, ay, bx, by) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
};

/** A stroked polyline of width w. */
const stroke = (points, w) => (x, y) => {
  for (let i = 0; i + 1 < points.length; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[i + 1];
    if (distToSegment(x, y, ax, ay, bx, by) <= w / 2) return true;
  }
  return false;
};

const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;

/** Even-odd point-in-polygon. */
const polygon = (points) => (x, y) => {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};

const union =
  (...shapes) =>
  (x, y) =>
    shapes.some((s) => s(x, y));

const star = (cx, cy, outer, inner) => {
  const points = [];
  for (let k = 0; k < 10; k++) {
    const r = k % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    points.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return polygon(points);
};

/** The glyph of each icon: what the button does, readable at 16 px. */
export const GLYPHS = {
  // The add-in itself: a star (thi đua = emulation, the star of a merit flag).
  app: star(0.5, 0.53, 0.36, 0.15),
  // Tạo bảng: a plus sign.
  new: union(rect(0.44, 0.2, 0.56, 0.8), rect(0.2, 0.44, 0.8, 0.56)),
  // Kiểm tra: a check mark.
  check: stroke(
    [
      [0.22, 0.52],
      [0.42, 0.72],
      [0.78, 0.3],
    ],
    0.13,
  ),
  // Tính điểm & xếp hạng: three bars of a ranking.
  compute: union(rect(0.2, 0.5, 0.34, 0.8), rect(0.43, 0.22, 0.57, 0.8), rect(0.66, 0.38, 0.8, 0.8)),
  // Đề xuất khen thưởng: a medal (star over a ribbon).
  awards: union(
    star(0.5, 0.4, 0.27, 0.11),
    polygon([
      [0.38, 0.58],
      [0.46, 0.6],
      [0.4, 0.86],
      [0.32, 0.8],
    ]),
    polygon([
      [0.62, 0.58],
      [0.54, 0.6],
      [0.6, 0.86],
      [0.68, 0.8],
    ]),
  ),
  // Xuất danh sách: an arrow down onto a tray.
  export: union(
    rect(0.44, 0.18, 0.56, 0.52),
    polygon([
      [0.28, 0.48],
      [0.72, 0.48],
      [0.5, 0.7],
    ]),
    rect(0.2, 0.76, 0.8, 0.84),
  ),
  // Mở bảng điều khiển: a window with a pane on the right.
  taskpane: union(
    stroke(
      [
        [0.2, 0.24],
        [0.8, 0.24],
        [0.8, 0.78],
        [0.2, 0.78],
        [0.2, 0.24],
      ],
      0.08,
    ),
    rect(0.56, 0.24, 0.8, 0.78),
  ),
};

/** Inside the rounded square background (corner radius 18%). */
const background = (x, y) => {
  const r = 0.18;
  const m = 0.04;
  const cx = Math.min(Math.max(x, m + r), 1 - m - r);
  const cy = Math.min(Math.max(y, m + r), 1 - m - r);
  return Math.hypot(x - cx, y - cy) <= r;
};

/** RGBA pixels of one icon. */
export function drawIcon(glyphName, size) {
  const glyph = GLYPHS[glyphName];
  if (!glyph) throw new Error(`Unknown icon glyph: ${glyphName}`);
  const ss = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size;
          const y = (py + (sy + 0.5) / ss) / size;
          if (background(x, y)) {
            bg++;
            if (glyph(x, y)) fg++;
          }
        }
      }
      const n = ss * ss;
      const o = (py * size + px) * 4;
      const mix = bg === 0 ? 0 : fg / bg;
      for (let c = 0; c < 3; c++) rgba[o + c] = Math.round(BRAND[c] * (1 - mix) + GLYPH[c] * mix);
      rgba[o + 3] = Math.round((255 * bg) / n);
    }
  }
  return rgba;
}

/* ---------- PNG ---------- */

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

function crc32(bytes) {
  let c = -1;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** RGBA pixels as a PNG file (8-bit RGBA, no filtering). */
export function encodePng(rgba, width, height) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Every icon file: `icon-<glyph>-<size>.png` → PNG bytes. */
export function allIcons() {
  const files = new Map();
  for (const name of Object.keys(GLYPHS)) {
    for (const size of ICON_SIZES)
      files.set(`icon-${name}-${size}.png`, encodePng(drawIcon(name, size), size, size));
  }
  return files;
}
