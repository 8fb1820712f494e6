/** Where the office tools live: an explicit environment variable first, then PATH, then the usual install places. */
import { accessSync, constants, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable named `names` on PATH (with Windows extensions), or undefined. */
export function findOnPath(names: readonly string[], pathVar = process.env.PATH ?? ''): string | undefined {
  const extensions = process.platform === 'win32' ? ['.exe', '.com', '.bat', ''] : [''];
  for (const dir of pathVar.split(delimiter).filter(Boolean)) {
    for (const name of names) {
      for (const ext of extensions) {
        const candidate = join(dir, name + ext);
        if (isExecutable(candidate)) return candidate;
      }
    }
  }
  return undefined;
}

function installPlaces(): string[] {
  const places = [
    '/usr/bin/soffice',
    '/usr/local/bin/soffice',
    '/usr/lib/libreoffice/program/soffice',
    '/snap/bin/libreoffice',
    '/Applications/LibreOffice.app/Contents/MacOS/soffice',
    'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
    'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
  ];
  // Upstream tarball installs: /opt/libreoffice7.6/program/soffice
  try {
    for (const entry of readdirSync('/opt')) {
      if (entry.startsWith('libreoffice')) places.push(join('/opt', entry, 'program', 'soffice'));
    }
  } catch {
    // no /opt: nothing to add
  }
  return places;
}

/**
 * The soffice executable, or undefined when LibreOffice is not installed.
 * THIDUA_SOFFICE overrides the search (set it to an empty string or a missing path to force "not installed").
 */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const explicit = env.THIDUA_SOFFICE;
  if (explicit !== undefined) return explicit && isExecutable(explicit) ? explicit : undefined;
  return findOnPath(['soffice', 'libreoffice'], env.PATH ?? '') ?? installPlaces().find(isExecutable);
}

export function findPoppler(
  program: 'pdftoppm' | 'pdftotext',
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  return findOnPath([program], env.PATH ?? '');
}
