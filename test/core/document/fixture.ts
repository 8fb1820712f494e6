/** Small cluster documents for the scoring core's tests, with real unit names (the registry checks them). */
import { CLUSTER_FORMAT, type ClusterDocument, type Criterion, type Score } from '../../../core';

export const GIA_LAI = 'VKSND tỉnh Gia Lai';
export const KON_TUM = 'VKSND tỉnh Kon Tum';
export const DAK_LAK = 'VKSND tỉnh Đắk Lắk';

/**
 * 1 (group, 10, bonus of its leaves together ≤ 1)
 *   1.a (6)
 *   1.b (4; 0,5 per occurrence, at most 1,5)
 * 2 (leaf, 10, bonus ≤ 2)
 */
export const smallCriteria = (): Criterion[] => [
  { code: '1', title: 'Nhóm một', points: 10, bonusMax: 1 },
  { code: '1.a', title: 'Mục a', parent: '1', points: 6 },
  { code: '1.b', title: 'Mục b', parent: '1', points: 4, deductionEach: 0.5, deductionMax: 1.5 },
  { code: '2', title: 'Mục hai', points: 10, bonusMax: 2 },
];

export const fullScores = (unit: string, stage: Score['stage'] = 'self'): Score[] => [
  { unit, criterion: '1.a', stage, points: 6 },
  { unit, criterion: '1.b', stage, points: 4 },
  { unit, criterion: '2', stage, points: 10 },
];

export function makeDoc(over: Partial<ClusterDocument> = {}): ClusterDocument {
  return {
    format: CLUSTER_FORMAT,
    kind: 'annual',
    year: 2022,
    cluster: { name: 'Cụm thử' },
    units: [{ name: GIA_LAI }, { name: KON_TUM }],
    criteria: smallCriteria(),
    scores: [...fullScores(GIA_LAI), ...fullScores(KON_TUM)],
    ...over,
  };
}

export const codes = (issues: readonly { code: string }[]): string[] => issues.map((i) => i.code);
