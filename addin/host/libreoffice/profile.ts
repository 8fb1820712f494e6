/**
 * A throw-away LibreOffice user profile. LibreOffice keeps the cached values of an .xlsx unless told to
 * recalculate on load: Calc's /Formula/Load/OOXMLRecalcMode (and ODFRecalcMode) is 1 ("never") by default,
 * 0 means "always" (see officecfg's Calc.xcs, shipped as share/registry/main.xcd). Each call gets its own
 * fresh profile so that parallel runs never share a lock, and it is removed afterwards.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ProfileOptions {
  /** Recalculate every formula when a file is loaded (default true). */
  recalculateOnLoad?: boolean;
  /** Locale for number display in PDF output, e.g. "vi-VN" prints 99,2%. Default: the system's. */
  locale?: string;
}

export interface Profile {
  dir: string;
  /** The -env:UserInstallation argument. */
  arg: string;
  dispose(): Promise<void>;
}

function item(path: string, name: string, value: string | number): string {
  return `<item oor:path="${path}"><prop oor:name="${name}" oor:op="fuse"><value>${value}</value></prop></item>`;
}

export function registryModifications(options: ProfileOptions): string {
  const items: string[] = [];
  const mode = options.recalculateOnLoad === false ? 1 : 0;
  items.push(item('/org.openoffice.Office.Calc/Formula/Load', 'OOXMLRecalcMode', mode));
  items.push(item('/org.openoffice.Office.Calc/Formula/Load', 'ODFRecalcMode', mode));
  if (options.locale) items.push(item('/org.openoffice.Setup/L10N', 'ooSetupSystemLocale', options.locale));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    ...items,
    '</oor:items>',
    '',
  ].join('\n');
}

export async function createProfile(options: ProfileOptions = {}): Promise<Profile> {
  const dir = await mkdtemp(join(tmpdir(), 'thidua-lo-profile-'));
  await mkdir(join(dir, 'user'), { recursive: true });
  await writeFile(join(dir, 'user', 'registrymodifications.xcu'), registryModifications(options), 'utf8');
  return {
    dir,
    arg: `-env:UserInstallation=${pathToFileURL(dir).href}`,
    dispose: () => rm(dir, { recursive: true, force: true, maxRetries: 3 }),
  };
}
