/**
 * Every text of a document that holds hidden characters (control, zero-width, bidirectional) or look-alike
 * letters of another script: an error at its first place, so a twin of a unit ("Gia Lai" with U+200E, or
 * with a Cyrillic "а") is seen before it is counted. Matching keys ignore those characters (visibleSkeleton),
 * so the twin is also a duplicate of the unit it imitates.
 */
import { type Issue, makeIssue } from '../issues/issue';
import { inspectHostileText, showHidden } from '../text/hostile';
import { jsonPath } from '../model/words';

const KIND_TEXT = {
  control: { vi: 'ký tự điều khiển', en: 'control character' },
  bidi: { vi: 'ký tự đổi chiều viết', en: 'bidirectional control' },
  invisible: { vi: 'ký tự vô hình', en: 'invisible character' },
} as const;

/** Longest text shown in a message; longer ones are cut (an 11 MB name is not echoed). */
const SHOWN = 80;
const clip = (text: string) =>
  text.length > SHOWN ? `${text.slice(0, SHOWN)}… (${text.length} ký tự)` : text;

export function checkHiddenText(doc: unknown): Issue[] {
  const seen = new Map<string, { path: string; more: number; unit: boolean }>();
  // Paths are built only for the texts reported: each entry links to its parent.
  type Node = { value: unknown; key: PropertyKey | undefined; parent: Node | undefined };
  const pathOf = (node: Node): PropertyKey[] => {
    const keys: PropertyKey[] = [];
    for (let n: Node | undefined = node; n?.key !== undefined; n = n.parent) keys.unshift(n.key);
    return keys;
  };
  const stack: Node[] = [{ value: doc, key: undefined, parent: undefined }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { value } = node;
    if (typeof value === 'string') {
      const had = seen.get(value);
      if (had) had.more++;
      else if (inspectHostileText(value)) {
        const path = pathOf(node);
        const last = path[path.length - 1];
        const unit = last === 'unit' || (path[0] === 'units' && last === 'name');
        seen.set(value, { path: jsonPath(path), more: 0, unit });
      }
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], key: i, parent: node });
    } else if (typeof value === 'object' && value !== null) {
      const keys = Object.keys(value);
      for (let k = keys.length - 1; k >= 0; k--)
        stack.push({ value: (value as Record<string, unknown>)[keys[k]!], key: keys[k]!, parent: node });
    }
  }
  const issues: Issue[] = [];
  for (const [text, at] of seen) {
    const found = inspectHostileText(text)!;
    const shown = clip(showHidden(text));
    const more =
      at.more > 0
        ? { vi: ` (và ${at.more} chỗ khác)`, en: ` (and ${at.more} more places)` }
        : { vi: '', en: '' };
    const where = { path: at.path, ...(at.unit ? { unit: shown } : {}) };
    if (found.hidden.length > 0) {
      const kinds = [...new Set(found.hidden.map((h) => h.kind))];
      const codes = [...new Set(found.hidden.map((h) => h.code))].join(', ');
      issues.push(
        makeIssue(
          'error',
          'text.hidden',
          {
            vi: `"${shown}" ở ${at.path}${more.vi} chứa ${kinds.map((k) => KIND_TEXT[k].vi).join(', ')} ${codes}: không nhìn thấy nhưng làm tên khác đi; hãy xoá và gõ lại.`,
            en: `"${shown}" at ${at.path}${more.en} holds ${kinds.map((k) => KIND_TEXT[k].en).join(', ')} ${codes}: not visible but it makes another name; delete and retype it.`,
          },
          where,
        ),
      );
    }
    if (found.lookalikes.length > 0) {
      const list = [...new Map(found.lookalikes.map((l) => [l.code, l])).values()];
      const vi = list
        .map((l) => `"${l.char}" (${l.code}, chữ Kirin/Hy Lạp giống "${l.looksLike}")`)
        .join(', ');
      const en = list
        .map((l) => `"${l.char}" (${l.code}, Cyrillic/Greek, looks like "${l.looksLike}")`)
        .join(', ');
      issues.push(
        makeIssue(
          'error',
          'text.lookalike',
          {
            vi: `"${shown}" ở ${at.path}${more.vi} có chữ cái của bảng chữ khác trông như chữ Latinh: ${vi}; hãy gõ lại bằng bàn phím tiếng Việt.`,
            en: `"${shown}" at ${at.path}${more.en} has letters of another script that look Latin: ${en}; retype it with a Vietnamese keyboard.`,
          },
          where,
        ),
      );
    }
  }
  return issues;
}
