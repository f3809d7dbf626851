export * from './problem';
export * from './finding';
export * from './catalogue/model';
export * from './rules/registry';
export * from './rules/rule';
export { catalogueFailure, cataloguePointer } from './rules/catalogue';
export * from './analysis/api';
export * from './analysis/analyse';
export * from './analysis/context';
export * from './catalogue/names';
export * from './catalogue/subjects';
export * from './bsn';
export * from './catalogue/load';
export * from './analysis/suppressions';
export * from './analysis/storage';
export { checkPrismaSchema, findPrismaSchema, isPrismaSchemaFile, parsePrismaSchema, type PrismaModel, type PrismaSchemaText } from './analysis/prismaSchema';
export { parseSql, type SqlStatement } from './analysis/sql';
export * from './analysis/classifyAt';
export * from './analysis/observation';
export * from './report/model';
export * from './report/build';
export * from './report/diff';
export * from './report/input';
export { LIBRARIES, LIBRARY_RESULTS, librariesMarkdown, resultShapesMarkdown, resultOfFunction, resultOfMethod, type Library, type LibraryResults, type ResultShape, type Family } from './analysis/libraries';
export { clockStart, duration, legalBasisName } from './analysis/flow/wording';
export { matchText, renderStep, STEP_KINDS, STEP_PHRASES, type LiteralPlace, type StepArgs, type StepDestination, type StepMatch, type StepPhrase, type StepPhraseId, type StepSink } from './analysis/flow/steps';
export {
  CATALOGUE_PROBLEM_TEXTS,
  catalogueProblem,
  problemText,
  renderProblemText,
  type CatalogueProblemArgs,
  type CatalogueProblemId,
  type CatalogueText,
  type ProblemWords,
} from './catalogue/problemText';
