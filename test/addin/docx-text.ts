/** The text of a Word file for assertions: its runs in order (word/document.xml, then the footers), entities decoded. */
import JSZip from 'jszip';

export async function docxText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = [zip.file('word/document.xml')!, ...zip.file(/^word\/footer\d*\.xml$/)];
  const xml = (await Promise.all(parts.map((p) => p.async('string')))).join('');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!)
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
