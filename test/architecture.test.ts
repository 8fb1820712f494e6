// The layering of docs/architecture.md, held by a test: every import of core/, templates/ and addin/ is parsed
// (TypeScript's own pre-processor) and checked against the rules, and folders must not import each other in a
// cycle. A rule broken here is a design decision to take in docs/architecture.md first.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

interface Import {
  from: string;
  /** A project file (relative to the root) or a package name. */
  to: string;
  isPackage: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f).split(sep).join('/'));
}

function resolveLocal(from: string, spec: string): string {
  const base = resolve(ROOT, dirname(from), spec);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    base.replace(/\.m?js$/, '.ts'),
    join(base, 'index.ts'),
  ]) {
    try {
      if (statSync(candidate).isFile()) return relative(ROOT, candidate).split(sep).join('/');
    } catch {
      // not this candidate
    }
  }
  return relative(ROOT, base).split(sep).join('/');
}

const files = ['core', 'templates', 'addin'].flatMap(sourceFiles);
const imports: Import[] = files.flatMap((from) =>
  ts
    .preProcessFile(readFileSync(join(ROOT, from), 'utf8'), true, true)
    .importedFiles.map(({ fileName }) =>
      fileName.startsWith('.')
        ? { from, to: resolveLocal(from, fileName), isPackage: false }
        : { from, to: fileName, isPackage: true },
    ),
);

/** The folder a file belongs to for the cycle rule: core/<concept>, templates/<part>, addin/<part>, addin/host/<kind>. */
function folderOf(file: string): string {
  const parts = file.split('/');
  const depth = parts[0] === 'addin' && parts[1] === 'host' ? 3 : 2;
  // A file at a layer's top (templates/plan.ts, core/index.ts) is a unit of its own.
  return parts.length > depth ? parts.slice(0, depth).join('/') : file.replace(/\.tsx?$/, '');
}

const NODE_OR_HOST_PACKAGES =
  /^(node:|fs$|path$|os$|child_process$|exceljs|jszip|docx|react|react-dom|@fluentui|playwright)/;

const violations = (rule: (i: Import) => boolean) => imports.filter(rule).map((i) => `${i.from} → ${i.to}`);

describe('the layers (docs/architecture.md)', () => {
  it('finds the project files and their imports', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(imports.some((i) => i.from.startsWith('core/') && i.to.startsWith('core/'))).toBe(true);
  });

  it('core imports nothing of templates or addin, and no Node, DOM, Office or file packages', () => {
    expect(
      violations(
        (i) =>
          i.from.startsWith('core/') &&
          (i.isPackage ? NODE_OR_HOST_PACKAGES.test(i.to) : !i.to.startsWith('core/')),
      ),
    ).toEqual([]);
  });

  it('templates import nothing of addin, and no Node or host packages', () => {
    expect(
      violations(
        (i) =>
          i.from.startsWith('templates/') &&
          (i.isPackage ? NODE_OR_HOST_PACKAGES.test(i.to) : i.to.startsWith('addin/')),
      ),
    ).toEqual([]);
  });

  it('readers never import builders (both use templates/layouts)', () => {
    expect(
      violations((i) => i.from.startsWith('templates/read/') && i.to.startsWith('templates/build/')),
    ).toEqual([]);
  });

  it('the application layer imports no host, CLI or user interface', () => {
    expect(
      violations(
        (i) =>
          i.from.startsWith('addin/app/') && /^addin\/(host|cli|taskpane|standalone|commands)\//.test(i.to),
      ),
    ).toEqual([]);
  });

  it('hosts import nothing of the CLI or the user interfaces', () => {
    expect(
      violations(
        (i) => i.from.startsWith('addin/host/') && /^addin\/(cli|taskpane|standalone|commands)\//.test(i.to),
      ),
    ).toEqual([]);
  });

  it('no two folders import each other, directly or through others', () => {
    const graph = new Map<string, Set<string>>();
    for (const i of imports) {
      if (i.isPackage) continue;
      const [a, b] = [folderOf(i.from), folderOf(i.to)];
      if (a === b) continue;
      if (!graph.has(a)) graph.set(a, new Set());
      graph.get(a)!.add(b);
    }
    // Tarjan's strongly connected components: any component of more than one folder is a cycle.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    let next = 0;
    const visit = (v: string) => {
      index.set(v, next);
      low.set(v, next);
      next += 1;
      stack.push(v);
      onStack.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!index.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
      if (low.get(v) === index.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        if (component.length > 1) cycles.push(component.sort());
      }
    };
    for (const v of graph.keys()) if (!index.has(v)) visit(v);
    expect(cycles).toEqual([]);
  });
});
