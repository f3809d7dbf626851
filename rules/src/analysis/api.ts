/**
 * The one entry point every host calls. ESLint (per linted file), the language server (per open document and for
 * workspace scans), the CLI and the benchmarks all analyse through `analyseFile`, so they cannot disagree.
 */
import type * as ts from 'typescript';
import type { Catalogue, Locale } from '../catalogue/model';
import type { Finding } from '../finding';
import type { Problem } from '../problem';
import type { Observation, UnclassifiedName } from './observation';
import type { RuleId } from '../rules/registry';
import type { PrismaSchemaText } from './prismaSchema';

export interface AnalysisOptions {
  /** Rules to run; all when absent. Hosts pass only enabled rules so disabled ones cost nothing. */
  readonly rules?: ReadonlySet<RuleId>;
  /**
   * Options per rule, in ESLint's shape (the first element of the options array), as the host was configured. They
   * are merged over the catalogue's `settings.rules` (which are merged over the rule's defaults): a host option set
   * explicitly wins, and a value that differs from the catalogue's is reported once per file as a
   * `settings/conflict` problem, so the two places never disagree silently.
   */
  readonly ruleOptions?: Readonly<Partial<Record<RuleId, Readonly<Record<string, unknown>>>>>;
  /** The language of messages; the catalogue's `settings.locale` when absent, else English. */
  readonly locale?: Locale;
  /**
   * The current time, for suppressions with an expiry (`-- reason (until 2027-01-31)`). The core has no clock: hosts
   * pass `new Date()`; without it expiries are not checked.
   */
  readonly now?: Date;
  /**
   * Also return what the analysis saw, allowed or not (every transfer, log, store and restricted read) and names that
   * look like personal data but match no category: the input of the FG's report. Off for linting: it costs a little.
   */
  readonly observe?: boolean;
}

export interface AnalysisInput {
  readonly sourceFile: ts.SourceFile;
  /**
   * The program the file belongs to. When present the analysis is type-aware and follows values across imported
   * modules; when absent it works from names within the file.
   */
  readonly program?: ts.Program;
  readonly catalogue: Catalogue;
  /**
   * The project's Prisma schema, read by the host (`findPrismaSchema` says where it is). Writes through Prisma Client
   * to a model the schema declares are covered by the model's `/// @retention` (checked in the schema itself by
   * `checkPrismaSchema`); without it each write needs its own tag.
   */
  readonly prismaSchema?: PrismaSchemaText;
  /**
   * npm packages installed in the project whose code or dependencies can reach the network (fetch, http(s),
   * XMLHttpRequest, WebSocket, net), computed by the host and cached per package version. Data handed to such a
   * package that the catalogue does not name is an `unknownDestination`. The core also knows SDK families by name.
   */
  readonly networkPackages?: ReadonlySet<string>;
  readonly options?: AnalysisOptions;
  /** Polled between steps; a cancelled analysis returns what it has with `cancelled: true`. */
  readonly isCancelled?: () => boolean;
}

export interface AnalysisResult {
  /** Sorted by position, then rule id; never two findings with the same rule, range and message. */
  readonly findings: readonly Finding[];
  /** Input problems met on the way (e.g. a `@retention` tag naming no term is a finding; an internal error is a problem). */
  readonly problems: readonly Problem[];
  readonly cancelled: boolean;
  /** With `options.observe`: everything the rules judged in this file, in source order. */
  readonly observations?: readonly Observation[];
  /** With `options.observe`: names that look like personal data (the dictionary) but match no category. */
  readonly unclassified?: readonly UnclassifiedName[];
}
