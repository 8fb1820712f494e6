/**
 * Saving what the app produced (JSON results, workbooks) as a file on this machine. The standalone page
 * downloads a local blob (nothing sent); inside Excel the pane is given another SaveFile (./deliver.ts), since
 * Office's webviews do not reliably allow downloads.
 */
import type { FileOut } from '../app/files';

export type SaveFile = (file: FileOut) => Promise<void>;

export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The standalone page's way: a blob download. */
export const downloadFile: SaveFile = async (file) => {
  saveBlob(file.name, new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mime }));
};

export const textFile = (name: string, text: string, mime: string): FileOut => ({
  name,
  mime: `${mime};charset=utf-8`,
  bytes: new TextEncoder().encode(text),
});

/** Kept for callers that save a text: the same blob download. */
export function saveTextFile(fileName: string, text: string, mime: string): void {
  void downloadFile(textFile(fileName, text, mime));
}
