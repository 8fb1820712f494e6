export { NOMINATION_SHEETS, NOMINATION_TEMPLATE, buildNominationWorkbook } from './build';
export { NATIONAL_MOTTO, NATIONAL_NAME, dateLine, placeOfUnit, upper } from '../official/layout';
export type { NominationList, NominationSheetOptions, SignatureBlock } from './types';
