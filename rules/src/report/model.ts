/**
 * The FG's report as data: what the code does with personal data, built from the catalogue and the observations of
 * one analysis. The core builds it (`buildReport`, no I/O, no clock: `now` is input); the hosts gather the input
 * (files, suppression comments, `git blame`) and render it (HTML, Markdown, CSV, JSON).
 */
import type { FlowStep } from '../finding';
import type { ObservedDestination } from '../analysis/observation';

/** A place in the project: a path relative to the project directory (with `/`), 1-based line and column. */
export interface Place {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** One thing the code does with one category: read, stored, sent or logged. */
export interface InventoryItem extends Place {
  readonly action: 'read' | 'store' | 'transfer' | 'log';
  /** What, in the code's words: the API (`axios.post`), the store (`entity \`Leerling\``), what was read. */
  readonly what: string;
  /** For transfers: the column key of the matrix (see `MatrixColumn.key`). */
  readonly to?: string;
  /** The verdict of the rule that judges this action. */
  readonly allowed: boolean;
  readonly path: readonly FlowStep[];
}

export interface CategoryInventory {
  readonly id: string;
  readonly label: string;
  readonly special: boolean;
  readonly identifier: boolean;
  readonly restricted: boolean;
  readonly items: readonly InventoryItem[];
}

/** A column of the matrix: a processor of the catalogue, or a destination the catalogue does not know. */
export interface MatrixColumn {
  /** `processor:<id>`, `host:<name>`, `unresolved` (a destination that could not be worked out statically). */
  readonly key: string;
  readonly kind: 'processor' | 'unknown' | 'unresolved';
  readonly label: string;
}

/**
 * - `sent-allowed`: the code sends it and the catalogue allows it;
 * - `sent-not-allowed`: the code sends it and the catalogue does not allow it (findings);
 * - `allowed-never-sent`: the catalogue allows it but no code sends it (least privilege: narrow `receives`);
 * - `none`: neither.
 */
export type MatrixState = 'sent-allowed' | 'sent-not-allowed' | 'allowed-never-sent' | 'none';

export interface MatrixCell {
  readonly column: string;
  readonly state: MatrixState;
  readonly places: readonly Place[];
}

export interface MatrixRow {
  readonly category: string;
  readonly label: string;
  readonly cells: readonly MatrixCell[];
}

/** The data-flow diagram as a graph: code areas (top folders) → destinations, one edge per pair. */
export interface DiagramNode {
  readonly id: string;
  readonly kind: 'area' | 'processor' | 'unknown' | 'unresolved' | 'log' | 'store';
  readonly label: string;
}

export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  /** Category ids along this edge, in catalogue order. */
  readonly categories: readonly string[];
  readonly count: number;
  /** False when at least one flow along the edge is not allowed. */
  readonly allowed: boolean;
}

export interface StoreRow extends Place {
  readonly store: string;
  readonly storeKind: string;
  readonly categories: readonly string[];
  readonly term?: string;
  readonly termLabel?: string;
  readonly termDuration?: string;
  readonly ttlSeconds?: number;
  readonly maxDays?: number;
  /** What starts the clock, in the FG's words. */
  readonly clockStarts?: string;
  readonly verdict: 'ok' | 'missing' | 'too-long' | 'unknown-term';
}

/** A disable comment for an avglint rule, as the host found it (with `git blame` when the folder is a repository). */
export interface ExceptionInput extends Place {
  readonly rules: readonly string[];
  readonly reason: string;
  readonly until?: string;
  readonly author?: string;
  /** The commit date of the line, YYYY-MM-DD. */
  readonly date?: string;
}

export interface ExceptionRow extends ExceptionInput {
  readonly status: 'expired' | 'no-reason' | 'active';
}

export interface AgreementRow {
  readonly processor: string;
  readonly label: string;
  readonly role: 'processor' | 'recipient';
  readonly reference?: string;
  readonly ends?: string;
  /** Days from `now` to `ends` (negative when ended). */
  readonly daysLeft?: number;
  /**
   * - `ended`: the agreement's end date has passed;
   * - `ending`: it ends within the warning window;
   * - `missing`: a verwerker without a verwerkersovereenkomst;
   * - `ok`: running, or a recipient that needs none.
   */
  readonly status: 'ended' | 'ending' | 'missing' | 'ok';
}

export interface UnclassifiedRow {
  readonly name: string;
  readonly kind: string;
  readonly places: readonly Place[];
  /** A YAML snippet the FG can paste under `categories:`. */
  readonly yaml: string;
}

/** One line of the verwerkingsregister draft (AVG art. 30): per processor, what it receives and why. */
export interface RegisterRow {
  readonly processor: string;
  readonly label: string;
  readonly role: 'processor' | 'recipient';
  readonly legalBasis: string;
  readonly legalBasisNote?: string;
  readonly categories: readonly string[];
  /** Bewaartermijnen of those categories, as "label (duration, from …)". */
  readonly retention: readonly string[];
  readonly agreement?: string;
  /** Purposes whose restricted categories this processor receives (from the access rules). */
  readonly purposes: readonly string[];
  /** Whether the code was seen sending anything to it. */
  readonly used: boolean;
}

export interface ReportSummary {
  readonly files: number;
  readonly flows: number;
  readonly notAllowed: number;
  readonly stores: number;
  readonly storesWithoutRetention: number;
  readonly exceptions: number;
  readonly expiredExceptions: number;
  readonly agreementsEnding: number;
  readonly unclassified: number;
}

export interface Report {
  readonly organisation?: string;
  /** `now` as YYYY-MM-DD. */
  readonly date: string;
  readonly project: string;
  readonly catalogueFiles: readonly string[];
  readonly typed: boolean;
  readonly summary: ReportSummary;
  readonly categories: readonly CategoryInventory[];
  readonly columns: readonly MatrixColumn[];
  readonly matrix: readonly MatrixRow[];
  readonly diagram: { readonly nodes: readonly DiagramNode[]; readonly edges: readonly DiagramEdge[] };
  readonly stores: readonly StoreRow[];
  readonly exceptions: readonly ExceptionRow[];
  readonly agreements: readonly AgreementRow[];
  readonly unclassified: readonly UnclassifiedRow[];
  readonly register: readonly RegisterRow[];
  /** Analysis problems (files that could not be analysed): the report is incomplete where these are. */
  readonly problems: readonly (Place & { readonly code: string; readonly message: string })[];
}

/** The destination key a transfer goes to, as a matrix column. */
export function columnKey(destination: ObservedDestination): string {
  switch (destination.kind) {
    case 'processor':
      return `processor:${destination.processor}`;
    case 'unknown':
    case 'internal':
      return `host:${destination.host}`;
    case 'unresolved':
      return 'unresolved';
  }
}
