/**
 * What the analysis saw while it judged a file, allowed or not: every flow of a category into a sink, every store
 * with its bewaartermijn, every read of a restricted category. Findings are the subset that breaks the catalogue;
 * observations are the whole picture the FG's report (`avglint report`) is built from. The checks record them while
 * they judge (`CheckContext.observe`), so the report is a view of the same analysis, never a second one.
 */
import type { FlowStep, TextRange } from '../finding';

/** Where a transfer goes, as far as the analysis could tell. */
export type ObservedDestination =
  | { readonly kind: 'processor'; readonly processor: string; readonly text: string }
  | { readonly kind: 'unknown'; readonly host: string; readonly text: string }
  | { readonly kind: 'unresolved'; readonly text?: string }
  | { readonly kind: 'internal'; readonly host: string; readonly text: string };

interface ObservationBase {
  /** Where in the analysed file (the expression that carries the data, the store, the read). */
  readonly range: TextRange;
  /** Source first, sink last; empty when the observation is a single place. */
  readonly path: readonly FlowStep[];
}

/** A category sent somewhere. `allowed` is the transfer rule's verdict for that destination. */
export interface TransferObservation extends ObservationBase {
  readonly kind: 'transfer';
  readonly category: string;
  /** `fetch`, `axios.post`, `Sentry.setUser`. */
  readonly api: string;
  readonly destination: ObservedDestination;
  readonly allowed: boolean;
}

/** A category written to a log. Logging personal data is never allowed by the logs rule. */
export interface LogObservation extends ObservationBase {
  readonly kind: 'log';
  readonly category: string;
  readonly api: string;
}

/** A place that stores personal data, with the retention it declares and what the catalogue allows. */
export interface StoreObservation extends ObservationBase {
  readonly kind: 'store';
  readonly categories: readonly string[];
  /** In words: "entity `Leerling` (TypeORM/MikroORM)", "`fs.writeFile`". */
  readonly store: string;
  readonly storeKind: string;
  /** The `@retention` term written at the store, when there is one. */
  readonly term?: string;
  /** A Redis TTL in seconds, when the write sets one. */
  readonly ttlSeconds?: number;
  /** The longest term the strictest stored category allows, in days; absent when the catalogue sets none. */
  readonly maxDays?: number;
  /** The retention rule's verdict. */
  readonly verdict: 'ok' | 'missing' | 'too-long' | 'unknown-term';
}

/** A read of a restricted category (the zorgdossier), inside or outside the code the catalogue authorises. */
export interface ReadObservation extends ObservationBase {
  readonly kind: 'read';
  readonly category: string;
  /** What was read, in words: "`dossier.diagnose`", "parameter `plan`". */
  readonly what: string;
  readonly allowed: boolean;
}

export type Observation = TransferObservation | LogObservation | StoreObservation | ReadObservation;

/** A name in the code that looks like personal data (by the dictionary) but matches no category of the catalogue. */
export interface UnclassifiedName {
  readonly name: string;
  readonly range: TextRange;
  /** The dictionary's suggestion: what kind of data the name usually holds (`naam`, `contact`, `identificatie`). */
  readonly kind: string;
}
