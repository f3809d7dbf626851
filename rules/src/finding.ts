/**
 * What the analysis reports about code. Offsets are into the text of the analysed source file; steps in other files
 * carry their own file and line/column so an editor can show them as related information.
 */
import type { StepPhrase } from './analysis/flow/steps';
import type { RuleId } from './rules/registry';

export interface TextRange {
  /** 0-based offset, inclusive. */
  readonly start: number;
  /** 0-based offset, exclusive. */
  readonly end: number;
}

/** One place along a flow, from where the data is read (source) to where it leaves or is stored (sink). */
export interface FlowStep {
  readonly kind: 'source' | 'step' | 'sink';
  /** Absolute path of the file the step is in. */
  readonly file: string;
  readonly range: TextRange;
  /** 1-based line and column of `range.start`, so steps in other files can be shown without their text. */
  readonly line: number;
  readonly column: number;
  /**
   * What happens here as data: a phrase id and its arguments (`{ id: 'passedTo', args: { callee: 'verstuur' } }`),
   * the same in every locale, for consumers that render or compare steps themselves (`renderStep`).
   */
  readonly phrase: StepPhrase;
  /** In words, in the finding's locale: "reads `leerling.bsn`: BSN (by name `bsn`)", "doorgegeven aan `verstuur`". */
  readonly description: string;
}

export interface TextEdit {
  readonly range: TextRange;
  readonly text: string;
}

/** A change the developer may apply; never applied automatically because it can change behaviour. */
export interface Suggestion {
  /** Key in the rule's `messages`. */
  readonly messageId: string;
  readonly message: string;
  /** The values `message` was filled with, so ESLint can show the suggestion from its `messageId` template. */
  readonly data?: Readonly<Record<string, string>>;
  readonly edits: readonly TextEdit[];
}

export interface Finding {
  readonly ruleId: RuleId;
  /** Key in the rule's `messages`. */
  readonly messageId: string;
  /** The first sentence (≤ 100 characters): what goes where, e.g. `BSN → Uitgeverij Leermiddel: not allowed by the catalogue`. */
  readonly summary: string;
  /** Why (the catalogue entry, the legal basis, the agreement) and what to do, one line each. */
  readonly detail: string;
  /** `summary`, then `detail` on the next lines: the whole message in the run's locale. */
  readonly message: string;
  /** The values the message template was filled with (category label, processor label, legal basis, ...). */
  readonly data: Readonly<Record<string, string>>;
  /** Where to report it, in the analysed file. */
  readonly range: TextRange;
  /** The whole path, source first and sink last; a single step for local findings (a BSN literal). */
  readonly path: readonly FlowStep[];
  /** Category ids involved. */
  readonly categories: readonly string[];
  /** Processor id involved, if any. */
  readonly processor?: string;
  readonly suggestions: readonly Suggestion[];
}
