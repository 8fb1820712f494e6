/**
 * A plan sheet made when its content is first looked at, and let go by `releaseSheet` once a host has written
 * it (the patch and the plan writer do, sheet after sheet). A 63-unit cluster's member scorecards are nine
 * tenths of its plan's 272 000 cells: held until the last sheet is written, they survive every collection of
 * the young generation and are copied into the old one; made and written one at a time, they die young. To
 * anyone reading it the sheet is a plain SheetPlan (its keys own and enumerable, so a spread copies them).
 */
import type { SheetPlan } from '../plan';

/** The keys a lazy sheet makes; the others are known without making it (`known`). */
type MadeKey = Exclude<keyof SheetPlan, 'name' | 'role' | 'unit' | 'print' | 'hidden' | 'charts'>;

const RELEASE = Symbol('release');

export function lazySheet(
  known: Pick<SheetPlan, 'name' | 'role' | 'unit' | 'print'>,
  made: readonly MadeKey[],
  make: () => SheetPlan,
): SheetPlan {
  let sheet: SheetPlan | undefined;
  const content = (): SheetPlan => {
    if (sheet) return sheet;
    sheet = make();
    for (const key of Object.keys(sheet) as (keyof SheetPlan)[]) {
      // A key the maker gives but the lazy sheet does not show would be lost without a word: a mistake here.
      if (!(made as readonly string[]).includes(key) && !(key in known))
        throw new Error(`lazySheet ${known.name}: "${key}" is not among its keys`);
    }
    return sheet;
  };
  const out = { ...known } as SheetPlan;
  for (const key of made) Object.defineProperty(out, key, { enumerable: true, get: () => content()[key] });
  Object.defineProperty(out, RELEASE, {
    value: () => {
      sheet = undefined;
    },
  });
  return out;
}

/** Lets a lazy sheet's content go (made again if looked at); nothing for any other sheet. */
export function releaseSheet(sheet: SheetPlan): void {
  (sheet as { [RELEASE]?: () => void })[RELEASE]?.();
}
