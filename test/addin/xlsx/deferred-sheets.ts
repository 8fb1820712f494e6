/** A deferred plan (templates/plan DeferredSheetPlan) whose sheets note when they are made, for the writers' tests. */
import type { DeferredWorkbookPlan } from '../../../templates/plan';

/** `plan` with each deferred sheet's name noted in `made` as it is made. */
export function notingMakes(plan: DeferredWorkbookPlan): { plan: DeferredWorkbookPlan; made: string[] } {
  const made: string[] = [];
  return {
    made,
    plan: {
      ...plan,
      sheets: plan.sheets.map((s) =>
        'make' in s
          ? {
              ...s,
              make: () => {
                made.push(s.name);
                return s.make();
              },
            }
          : s,
      ),
    },
  };
}
