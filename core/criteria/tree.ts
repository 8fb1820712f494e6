/**
 * The criteria tree of a scorecard (standard → section → item → sub-item) in exact milli.
 * Building it also checks it: empty or duplicate codes, unknown parents, cycles, negative or too precise
 * numbers, groups whose standard is not the sum of their children. A bad entry is reported and repaired
 * in the least surprising way (an unknown parent makes a root, a cycle is cut at its first member in
 * document order), so the rest of the scorecard still computes.
 */
import { type Milli, roundMilli, sumMilli, toMilli } from '../exact/decimal';
import type { Criterion } from '../model/types';
import { amountText, duplicateCodeText, milliProblemText } from '../model/words';
import { type Issue, makeIssue } from '../issues/issue';
import { matchKey } from '../text/key';
import { formatNumberVi } from '../text/numbers';

export interface CriterionNode {
  index: number;
  code: string;
  title: string;
  /** Index of the parent node. */
  parent?: number;
  children: number[];
  /** Standard points (điểm chuẩn), held to ≥ 0. */
  standard: Milli;
  bonusMax?: Milli;
  deductionMax?: Milli;
  deductionEach?: Milli;
  depth: number;
  /** True when this node or one above it has a bonusMax: only then may its leaves get bonus. */
  bonusAllowed: boolean;
  /** JSON path of the entry, e.g. `criteria[4]`. */
  path: string;
}

export interface CriteriaTree {
  nodes: CriterionNode[];
  /** matchKey(code) → node index. */
  byKey: Map<string, number>;
  roots: number[];
  /** Children before their parents. */
  postOrder: number[];
  leaves: number[];
  /** Sum of the leaves' standards: what 100% means. */
  standardTotal: Milli;
}

export const isLeaf = (node: CriterionNode): boolean => node.children.length === 0;

export function findCriterion(tree: CriteriaTree, code: string): CriterionNode | undefined {
  const i = tree.byKey.get(matchKey(code));
  return i === undefined ? undefined : tree.nodes[i];
}

/** Nodes from the root down to `index`. */
export function criterionLineage(tree: CriteriaTree, index: number): CriterionNode[] {
  const out: CriterionNode[] = [];
  for (
    let n: CriterionNode | undefined = tree.nodes[index];
    n;
    n = n.parent === undefined ? undefined : tree.nodes[n.parent]
  )
    out.unshift(n);
  return out;
}

const vi = (m: Milli) => formatNumberVi(m / 1000, 3);
const en = (m: Milli) => String(m / 1000);

type NumberField = 'points' | 'bonusMax' | 'deductionMax' | 'deductionEach';

const FIELD: Record<NumberField, { vi: string; en: string }> = {
  points: { vi: 'điểm chuẩn', en: 'standard points' },
  bonusMax: { vi: 'điểm cộng tối đa', en: 'maximum bonus' },
  deductionMax: { vi: 'điểm trừ tối đa', en: 'maximum deduction' },
  deductionEach: { vi: 'điểm trừ mỗi lần', en: 'deduction per occurrence' },
};

export function buildCriteriaTree(criteria: readonly Criterion[]): { tree: CriteriaTree; issues: Issue[] } {
  const issues: Issue[] = [];
  const nodes: CriterionNode[] = [];
  const byKey = new Map<string, number>();
  const parentCodes: (string | undefined)[] = [];

  const number = (c: Criterion, i: number, field: NumberField): Milli | undefined => {
    const value = c[field];
    if (value === undefined) return undefined;
    const where = { criterion: c.code, path: `criteria[${i}].${field}` };
    let milli = typeof value === 'number' && Number.isFinite(value) ? toMilli(value) : 0;
    if (milli === undefined) {
      milli = roundMilli(value);
      issues.push(
        makeIssue(
          'error',
          'criterion.decimals',
          {
            vi: `Tiêu chí ${c.code}: ${FIELD[field].vi} ${amountText(value, 9).vi} ${milliProblemText(value).vi}; tính theo ${vi(milli)}.`,
            en: `Criterion ${c.code}: ${FIELD[field].en} ${amountText(value, 9).en} ${milliProblemText(value).en}; computed as ${en(milli)}.`,
          },
          where,
        ),
      );
    }
    if (milli < 0) {
      issues.push(
        makeIssue(
          'error',
          'criterion.negative',
          {
            vi: `Tiêu chí ${c.code}: ${FIELD[field].vi} là ${vi(milli)}, không được âm; tính theo 0.`,
            en: `Criterion ${c.code}: ${FIELD[field].en} is ${en(milli)} and may not be negative; computed as 0.`,
          },
          where,
        ),
      );
      milli = 0;
    }
    return milli;
  };

  criteria.forEach((c, i) => {
    const path = `criteria[${i}]`;
    const code = typeof c.code === 'string' ? c.code.trim() : '';
    if (code === '') {
      issues.push(
        makeIssue(
          'error',
          'criterion.code.empty',
          {
            vi: `Tiêu chí thứ ${i + 1} (${c.title ?? ''}) không có mã; tiêu chí này bị bỏ qua.`,
            en: `Criterion number ${i + 1} (${c.title ?? ''}) has no code; it is left out.`,
          },
          { path: `${path}.code` },
        ),
      );
      return;
    }
    const key = matchKey(code);
    const first = byKey.get(key);
    if (first !== undefined) {
      issues.push(
        makeIssue(
          'error',
          'criterion.duplicate',
          duplicateCodeText({ vi: 'Mã tiêu chí', en: 'Criterion code' }, code, nodes[first]!.path, path),
          { criterion: code, path: `${path}.code` },
        ),
      );
      return;
    }
    if (!c.title || c.title.trim() === '')
      issues.push(
        makeIssue(
          'warning',
          'criterion.title.empty',
          { vi: `Tiêu chí ${code} không có tên.`, en: `Criterion ${code} has no title.` },
          { criterion: code, path: `${path}.title` },
        ),
      );
    const index = nodes.length;
    byKey.set(key, index);
    const parentCode = typeof c.parent === 'string' && c.parent.trim() !== '' ? c.parent.trim() : undefined;
    parentCodes.push(parentCode);
    nodes.push({
      index,
      code,
      title: c.title ?? '',
      children: [],
      standard: number(c, i, 'points') ?? 0,
      bonusMax: number(c, i, 'bonusMax'),
      deductionMax: number(c, i, 'deductionMax'),
      deductionEach: number(c, i, 'deductionEach'),
      depth: 0,
      bonusAllowed: false,
      path,
    });
  });

  // Parents.
  nodes.forEach((node, i) => {
    const parentCode = parentCodes[i];
    if (parentCode === undefined) return;
    const p = byKey.get(matchKey(parentCode));
    if (p === undefined) {
      issues.push(
        makeIssue(
          'error',
          'ref.parent.unknown',
          {
            vi: `Tiêu chí ${node.code} có tiêu chí cha "${parentCode}" không có trong bảng tiêu chí; tạm coi là tiêu chí gốc.`,
            en: `Criterion ${node.code} names parent "${parentCode}", which is not in the scorecard; treated as a top-level criterion.`,
          },
          { criterion: node.code, path: `${node.path}.parent` },
        ),
      );
      return;
    }
    node.parent = p;
  });

  // Cycles: walk up from each node; meeting a node still on the walk closes a cycle.
  const state = new Uint8Array(nodes.length); // 0 new, 1 on the current walk, 2 done
  for (const start of nodes) {
    const walk: number[] = [];
    let at: number | undefined = start.index;
    while (at !== undefined && state[at] === 0) {
      state[at] = 1;
      walk.push(at);
      at = nodes[at]!.parent;
    }
    if (at !== undefined && state[at] === 1) {
      const members = walk.slice(walk.indexOf(at));
      const cut = Math.min(...members);
      const names = [...members, members[0]!].map((m) => nodes[m]!.code).join(' → ');
      issues.push(
        makeIssue(
          'error',
          'criterion.cycle',
          {
            vi: `Các tiêu chí lồng vòng tròn (${names}); tạm coi ${nodes[cut]!.code} là tiêu chí gốc.`,
            en: `Criteria form a cycle (${names}); ${nodes[cut]!.code} is treated as a top-level criterion.`,
          },
          { criterion: nodes[cut]!.code, path: `${nodes[cut]!.path}.parent` },
        ),
      );
      nodes[cut]!.parent = undefined;
    }
    for (const w of walk) state[w] = 2;
  }

  const roots: number[] = [];
  for (const node of nodes) {
    if (node.parent === undefined) roots.push(node.index);
    else nodes[node.parent]!.children.push(node.index);
  }

  const postOrder: number[] = [];
  const leaves: number[] = [];
  const visit = (i: number, depth: number, bonusAbove: boolean) => {
    const node = nodes[i]!;
    node.depth = depth;
    node.bonusAllowed = bonusAbove || node.bonusMax !== undefined;
    for (const c of node.children) visit(c, depth + 1, node.bonusAllowed);
    if (node.children.length === 0) leaves.push(i);
    postOrder.push(i);
  };
  for (const r of roots) visit(r, 0, false);

  for (const node of nodes) {
    if (node.children.length === 0) continue;
    const sum = sumMilli(node.children.map((c) => nodes[c]!.standard));
    if (sum !== node.standard)
      issues.push(
        makeIssue(
          'warning',
          'criterion.group.sum',
          {
            vi: `Tiêu chí ${node.code} có điểm chuẩn ${vi(node.standard)}, nhưng các tiêu chí con cộng lại được ${vi(sum)}; tổng điểm chuẩn tính theo các tiêu chí con.`,
            en: `Criterion ${node.code} has standard points ${en(node.standard)}, but its children add up to ${en(sum)}; the standard total follows the children.`,
          },
          { criterion: node.code, path: `${node.path}.points` },
        ),
      );
  }

  const standardTotal = sumMilli(leaves.map((l) => nodes[l]!.standard));
  if (criteria.length === 0)
    issues.push(
      makeIssue(
        'error',
        'criteria.empty',
        { vi: 'Bảng tiêu chí chấm điểm đang trống.', en: 'The scorecard has no criteria.' },
        { path: 'criteria' },
      ),
    );
  else if (standardTotal === 0)
    issues.push(
      makeIssue(
        'error',
        'criteria.standard.zero',
        {
          vi: 'Tổng điểm chuẩn của bảng tiêu chí bằng 0: không tính được tỷ lệ phần trăm và xếp loại.',
          en: 'The standard total of the scorecard is 0: no percentage or tier can be computed.',
        },
        { path: 'criteria' },
      ),
    );

  return { tree: { nodes, byKey, roots, postOrder, leaves, standardTotal }, issues };
}
