/**
 * JSZip, loaded on first use: only the exceljs paths, the charts put back after them and the diagnosis of a
 * damaged package need it, and its 300 KB of script (with pako) were parsed at the start of every command,
 * worker and page.
 */
import type JSZip from 'jszip';

export const loadJsZip = async (): Promise<typeof JSZip> => (await import('jszip')).default;
