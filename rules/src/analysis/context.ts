import type * as ts from 'typescript';
import type { Catalogue, Locale } from '../catalogue/model';
import type { CategoryIndex } from '../catalogue/names';
import type { RuleId } from '../rules/registry';
import type { AnalysisOptions } from './api';
import type { PrismaModel } from './prismaSchema';
import type { Observation } from './observation';

/** What every check gets: the file, its program when there is one, and the catalogue with its lookup tables. */
export interface CheckContext {
  readonly sourceFile: ts.SourceFile;
  readonly program?: ts.Program;
  readonly checker?: ts.TypeChecker;
  readonly catalogue: Catalogue;
  readonly index: CategoryIndex;
  /** The file's path relative to `catalogue.root`, with `/` separators, for access globs. */
  readonly relativePath: string;
  readonly options: AnalysisOptions;
  /** The language of messages: the host's `locale`, else the catalogue's `settings.locale`, else English. */
  readonly locale: Locale;
  /** The models of the project's Prisma schema by lower-cased name, when the host passed the schema. */
  readonly prismaModels?: ReadonlyMap<string, PrismaModel>;
  /** npm packages the host found to reach the network (`AnalysisInput.networkPackages`). */
  readonly networkPackages?: ReadonlySet<string>;
  isCancelled(): boolean;
  /** Whether `rule` is enabled for this run. */
  enabled(rule: RuleId): boolean;
  /** Options for `rule`, merged over its defaults. */
  ruleOptions(rule: RuleId): Readonly<Record<string, unknown>>;
  /**
   * Present when the host asked for observations (`AnalysisOptions.observe`, for the FG's report): a rule tells it
   * what it judged, allowed or not, while it judges. Rules call it only where the report needs more than the flows.
   */
  readonly observe?: (observation: Observation) => void;
}
