export * from './citation';
export * from './rulesets';
export { RuleBook, type RuleValueUse } from './params';
export { votePasses, compareShares, tallyVotes, findVote, type VoteTally } from './votes';
export { quotaLimit, pickWithinQuota, type QuotaFormula, type QuotaPick, type QuotaOutcome } from './quota';
export {
  readUnitProfiles,
  readAwardRecords,
  readInitiativeRecords,
  isWoman,
  type UnitProfile,
  type AwardRecord,
  type InitiativeRecord,
  type RecipientKind,
} from './extensions';
export { isAward, awardNames } from './draft';
export * from './nominate';
export { checkAwardInputs } from './check-inputs';
export { AWARD_FORMS, type AwardForm } from './rulesets/forms';
export {
  describeRuleSet,
  describeRulesOn,
  diffRuleSets,
  RULES_FORMAT,
  type RuleChange,
  type RuleDescription,
  type RuleSetDescription,
  type RuleValueDescription,
} from './describe';
