/** The standards engine: pure functions of profiles and a decision date (no I/O, no clock). */
export { profileSchema, dateSchema, parseProfile, parseProfiles, ProfileParseError, describeIssue } from './profile/index.ts';
export type { Profile, YearFigures, IpItem, ProfileIssue } from './profile/index.ts';
export { evaluate, evaluateBatch, tallyBatch, BatchResult, EvaluationOptionError } from './engine/engine.ts';
export type { EvaluateOptions, EvaluationOutput, BatchOutput, BatchRecord, ProfileInput } from './engine/engine.ts';
export type { CriterionResult, StandardResult, GapSummary } from './engine/compile.ts';
export { standardsCatalogue } from './engine/catalogue.ts';
export type { CatalogueEntry, CatalogueVersion, CatalogueParameter } from './engine/catalogue.ts';
export { STANDARD_IDS, STANDARD_NAMES } from './rules/types.ts';
export type { StandardId, Application, CriterionStatus, StandardStatus } from './rules/types.ts';
export { SIZE_CLASSES } from './derived/derived.ts';
export type { SizeClass } from './derived/derived.ts';
export type { Quality } from './parameters/types.ts';
