/**
 * Where a workbook keeps each part, by its tables' names (which survive renamed tabs): the sheet names an
 * update plan must write into, so results land on the person's renamed "Tổng hợp" rather than a new sheet.
 */
import { matchKey } from '../../core';
import { LAYOUT, type SHEET, TABLE } from '../layouts/cluster';
import { DECISIONS_TABLE, YEAR_OVER_YEAR_TABLE } from '../layouts/years';
import type { WorkbookSnapshot } from '../plan';
import type { SheetNames } from '../layouts/cluster';

const ROLE_OF_TABLE: Partial<Record<string, keyof typeof SHEET>> = {
  [matchKey(TABLE.units)]: 'members',
  [matchKey(TABLE.criteria)]: 'criteria',
  [matchKey(TABLE.indicators)]: 'indicators',
  [matchKey(TABLE.summary)]: 'summary',
  [matchKey(TABLE.votes)]: 'votes',
  [matchKey(TABLE.people)]: 'people',
  [matchKey(TABLE.log)]: 'log',
  [matchKey(DECISIONS_TABLE)]: 'decisions',
  [matchKey(YEAR_OVER_YEAR_TABLE)]: 'yearOverYear',
  [matchKey(TABLE.meta)]: 'meta',
};

export function workbookSheetNames(snapshot: WorkbookSnapshot): SheetNames {
  const names: SheetNames = {};
  const scorecards: Record<string, string> = {};
  for (const sheet of snapshot.sheets)
    for (const t of sheet.tables) {
      const key = matchKey(t.name);
      const role = ROLE_OF_TABLE[key];
      if (role && names[role] === undefined) names[role] = sheet.name;
      if (key.startsWith(matchKey(TABLE.scorecardPrefix))) {
        const unit = sheet.values[LAYOUT.scorecard.unitRow - 1]?.[1];
        if (typeof unit === 'string' && unit.trim()) scorecards[matchKey(unit)] = sheet.name;
      }
    }
  return { ...names, scorecards };
}
