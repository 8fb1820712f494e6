/** Saving a text the app produced (JSON results) as a file on this machine: a local blob, nothing sent. */
export function saveTextFile(fileName: string, text: string, mime: string): void {
  saveBlob(fileName, new Blob([text], { type: `${mime};charset=utf-8` }));
}

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
