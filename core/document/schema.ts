/**
 * The zod schema of `thidua/cluster@1` (../shared/spec/cluster-data.md), matching ./types.ts.
 * Only shapes and types live here; bounds, references and sums are checked by checkCluster so that a
 * document read from a workbook gets exactly the same checks. Objects are loose: unknown keys are kept
 * (and reported as warnings by the parser), so nothing typed is lost.
 */
import * as z from 'zod';
import { CLUSTER_FORMAT } from '../model/types';

const stageSchema = z.enum(['self', 'verified']);

export const clusterInfoSchema = z.looseObject({
  name: z.string(),
  leader: z.string().optional(),
  deputy: z.string().optional(),
  rotation: z.array(z.string()).optional(),
});

export const unitEntrySchema = z.looseObject({
  name: z.string(),
  province: z.string().optional(),
});

export const criterionSchema = z.looseObject({
  code: z.string(),
  title: z.string(),
  parent: z.string().optional(),
  points: z.number(),
  bonusMax: z.number().optional(),
  deductionMax: z.number().optional(),
  deductionEach: z.number().optional(),
  evidenceRequired: z.boolean().optional(),
});

export const scoreSchema = z.looseObject({
  unit: z.string(),
  criterion: z.string(),
  stage: stageSchema,
  points: z.number(),
  bonus: z.number().optional(),
  deduction: z.number().optional(),
  occurrences: z.number().optional(),
  note: z.string().optional(),
});

export const indicatorSchema = z.looseObject({
  code: z.string(),
  title: z.string(),
  target: z.number(),
  exceedable: z.boolean().optional(),
  lowerIsBetter: z.boolean().optional(),
});

export const indicatorResultSchema = z.looseObject({
  unit: z.string(),
  indicator: z.string(),
  numerator: z.number(),
  denominator: z.number(),
});

// ---- Awards extensions (issue 11, docs/awards.md): votes by body, leave, pending procedures, discipline dates ----
const awardVoteFields = {
  body: z.enum(['cluster', 'council']).optional(),
  members: z.int().optional(),
};
const awardDisciplineFields = { actYear: z.int().optional(), decided: z.string().optional() };
const awardPersonFields = {
  leave: z.array(z.looseObject({ from: z.string(), to: z.string(), kind: z.string().optional() })).optional(),
  pending: z
    .array(
      z.looseObject({
        kind: z.enum(['discipline', 'investigation', 'inspection']),
        note: z.string().optional(),
      }),
    )
    .optional(),
};
// ---- end of awards extensions ----

export const voteSchema = z.looseObject({
  award: z.string(),
  candidate: z.string(),
  yes: z.number(),
  voters: z.number(),
  ...awardVoteFields,
});

export const personSchema = z.looseObject({
  name: z.string(),
  unit: z.string(),
  titles: z.array(z.looseObject({ year: z.int(), title: z.string() })).optional(),
  initiatives: z.array(z.looseObject({ year: z.int(), level: z.string() })).optional(),
  serviceStart: z.string().optional(),
  recruited: z.string().optional(),
  discipline: z
    .array(z.looseObject({ year: z.int(), form: z.string(), ...awardDisciplineFields }))
    .optional(),
  gender: z.string().optional(),
  /** Project extension (docs/awards.md): the person's own rating for the year. */
  rating: z.string().optional(),
  ...awardPersonFields,
});

export const tierRuleSchema = z.looseObject({ label: z.string(), minPercent: z.number() });

export const rankingOptionsSchema = z.looseObject({
  stage: stageSchema.optional(),
  // Keys are strings here; which keys exist is checked by checkCluster (ranking.tieBreak.unknown).
  tieBreak: z.array(z.string()).optional(),
  tiers: z.array(tierRuleSchema).optional(),
});

export const periodSchema = z.looseObject({ from: z.string(), to: z.string() });

/** Fields without which the document cannot be used at all. */
export const headerSchema = z.looseObject({
  format: z.literal(CLUSTER_FORMAT),
  kind: z.enum(['annual', 'campaign']),
  // Four digits: the year makes the document's dates (YYYY-12-31); -0, 0 or 12345 are refused here.
  year: z.int().min(1900).max(2999),
  cluster: clusterInfoSchema,
});

/** Optional top-level fields: a bad one is reported and left out, the rest of the document stays usable. */
export const optionalFieldSchemas = {
  title: z.string(),
  period: periodSchema,
  ranking: rankingOptionsSchema,
  ruleSet: z.string(),
  /** Project extension (README): marks illustrative data, e.g. "Số liệu minh hoạ". */
  sample: z.string(),
  // Project extensions for awards and leadership (docs/awards.md). Their shape is checked, with JSON paths,
  // by the readers in core/awards/extensions.ts and core/awards/params.ts that use them.
  ruleOverrides: z.unknown(),
  unitProfiles: z.unknown(),
  awards: z.unknown(),
  initiatives: z.unknown(),
  notEvaluated: z.unknown(),
  election: z.unknown(),
  // The evaluation meeting for the dossier's minutes (docs/dossier.md), read by templates/dossier/meeting.ts.
  meeting: z.unknown(),
  // Project extensions for the years that follow each other (issue 13): checked by core/years
  // (readDecisions, readPreviousYear), documented in docs/years.md.
  decisions: z.unknown(),
  previousYear: z.unknown(),
  // End of the issue 13 block.
} as const;

/** Lists: each item is checked alone, so one bad score never hides the others. */
export const listSchemas = {
  units: unitEntrySchema,
  criteria: criterionSchema,
  scores: scoreSchema,
  indicators: indicatorSchema,
  indicatorResults: indicatorResultSchema,
  votes: voteSchema,
  people: personSchema,
} as const;

/** Lists the document cannot do without. */
export const requiredLists = ['units', 'criteria'] as const;

/** The whole document at once, for tools that want one schema (e.g. JSON Schema export). */
export const clusterDocumentSchema = headerSchema.extend({
  title: optionalFieldSchemas.title.optional(),
  period: periodSchema.optional(),
  ranking: rankingOptionsSchema.optional(),
  ruleSet: z.string().optional(),
  sample: z.string().optional(),
  units: z.array(unitEntrySchema),
  criteria: z.array(criterionSchema),
  scores: z.array(scoreSchema).optional(),
  indicators: z.array(indicatorSchema).optional(),
  indicatorResults: z.array(indicatorResultSchema).optional(),
  votes: z.array(voteSchema).optional(),
  people: z.array(personSchema).optional(),
});
