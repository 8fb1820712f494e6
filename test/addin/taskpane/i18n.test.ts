import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages, translate } from '../../../addin/taskpane/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('task pane dictionary', () => {
  const entries = Object.entries(messages) as [string, { vi: string; en: string }][];

  it('has Vietnamese and English for every key', () => {
    for (const [key, text] of entries) {
      expect(text.vi.trim(), `${key} (vi)`).not.toBe('');
      expect(text.en.trim(), `${key} (en)`).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, text] of entries) expect(placeholders(text.en), key).toEqual(placeholders(text.vi));
  });

  it('Vietnamese text is NFC (precomposed), as typed names are compared after NFC', () => {
    for (const [key, text] of entries) expect(text.vi, key).toBe(text.vi.normalize('NFC'));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('vi', 'progress.step', { done: 2, total: 5, step: 'đọc' })).toBe('Bước 2/5: đọc');
    expect(translate('en', 'progress.step', { done: 2 })).toBe('Step 2/{total}: {step}');
  });

  it('every key is used somewhere in the task pane or the standalone page', () => {
    const code = [...sources('addin/taskpane'), ...sources('addin/standalone')]
      .filter((f) => !f.endsWith('i18n.ts'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    // Keys built from a prefix (`tab.${id}`, `severity.${s}`…) count as used when the prefix appears.
    const dynamicPrefixes = [...code.matchAll(/`([a-zA-Z.]+\.)\$\{/g)].map((m) => m[1]!);
    const unused = Object.keys(messages).filter(
      (key) => !code.includes(`'${key}'`) && !dynamicPrefixes.some((p) => key.startsWith(p)),
    );
    expect(unused).toEqual([]);
  });
});
