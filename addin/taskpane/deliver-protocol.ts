/**
 * How a file the pane made reaches a page of the add-in that can save it (Office's webviews do not reliably allow
 * a download from the task pane): in messages to a dialog (Office.context.ui.displayDialogAsync, messageChild /
 * messageParent), or in the fragment of the address opened in the person's browser (openBrowserWindow; the
 * fragment never travels to a server). Pure: the pane's side and the page's side share it.
 */
export interface DeliveredFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

/** A dialog message carries at most this many characters of base64 (well under Office's message limits). */
export const CHUNK_CHARS = 30_000;
/** Largest file sent in an address (openBrowserWindow), as base64 characters. */
export const FRAGMENT_LIMIT = 1_500_000;

export type ToPage = { type: 'file'; name: string; mime: string; index: number; count: number; data: string };
export type ToPane = { type: 'ready' } | { type: 'saved' } | { type: 'failed' };

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, Math.min(i + 0x8000, bytes.length)));
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

export function chunksOf(file: DeliveredFile, size = CHUNK_CHARS): ToPage[] {
  const data = toBase64(file.bytes);
  const count = Math.max(1, Math.ceil(data.length / size));
  return Array.from({ length: count }, (_, index) => ({
    type: 'file' as const,
    name: file.name,
    mime: file.mime,
    index,
    count,
    data: data.slice(index * size, (index + 1) * size),
  }));
}

/** The page's side: chunks in any order, the file once every chunk arrived. */
export class FileAssembler {
  private parts: string[] = [];
  private seen = 0;
  private head: { name: string; mime: string; count: number } | undefined;

  /** A message from the pane; the whole file when this was its last chunk. */
  take(message: unknown): DeliveredFile | undefined {
    const m = (typeof message === 'string' ? JSON.parse(message) : message) as ToPage;
    if (m?.type !== 'file') return undefined;
    if (!this.head || this.head.name !== m.name || this.head.count !== m.count) {
      this.head = { name: m.name, mime: m.mime, count: m.count };
      this.parts = new Array(m.count);
      this.seen = 0;
    }
    if (this.parts[m.index] === undefined) this.seen++;
    this.parts[m.index] = m.data;
    if (this.seen < m.count) return undefined;
    return { name: m.name, mime: m.mime, bytes: fromBase64(this.parts.join('')) };
  }
}

/** The address fragment that carries a file: `#name=…&mime=…&data=…` (URL-encoded). */
export function fragmentFor(file: DeliveredFile): string {
  const params = new URLSearchParams({ name: file.name, mime: file.mime, data: toBase64(file.bytes) });
  return `#${params.toString()}`;
}

export function fileFromFragment(hash: string): DeliveredFile | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const name = params.get('name');
  const data = params.get('data');
  if (!name || !data) return undefined;
  return { name, mime: params.get('mime') ?? 'application/octet-stream', bytes: fromBase64(data) };
}
