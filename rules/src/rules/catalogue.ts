/**
 * `catalogue`: the rule under which a host reports what stops avglint from checking a file — a catalogue that is
 * missing or broken, or a file it could not analyse — so those problems have their own id (`avglint/catalogue`)
 * instead of appearing under an unrelated rule. The problems themselves come from the catalogue loader and the
 * analysis (`Problem`s); this rule has no check of its own.
 *
 * A broken catalogue is one line in every host (`catalogueFailure`): where the first error is and what it says, and
 * how many more there are. The full list belongs where there is room for it: `avglint catalogue check` and `avglint
 * scan` print every problem with its hint, and the editor shows each one at its place in the catalogue file.
 */
import type { Locale } from '../catalogue/model';
import type { Problem } from '../problem';
import { createRule, fitSummary, fillMessage, type FilledMessage, type RuleMessage } from './rule';

type MessageId = 'catalogueProblem' | 'analysisProblem';

const messages = {
  catalogueProblem: {
    nl: { summary: 'Catalogus {{location}}: {{problem}}{{more}}', detail: '{{problems}}' },
    en: { summary: 'Catalogue {{location}}: {{problem}}{{more}}', detail: '{{problems}}' },
  },
  analysisProblem: {
    nl: { summary: 'avglint kon dit bestand niet volledig analyseren', detail: '{{problem}}' },
    en: { summary: 'avglint could not fully analyse this file', detail: '{{problem}}' },
  },
} satisfies Record<MessageId, RuleMessage>;

export default createRule({
  id: 'catalogue',
  meta: {
    description: 'Require a catalogue avglint can use, and report files it could not analyse (fail closed)',
    requiresTypes: false,
    recommended: true,
    messages,
    schema: [],
    defaultOptions: [],
  },
  check() {
    return [];
  },
});

/** How many more problems the catalogue has than the one a summary names. */
function moreProblems(count: number, locale: Locale): string {
  if (count <= 0) return '';
  return locale === 'nl' ? ` (+${count} meer)` : ` (+${count} more)`;
}

/**
 * Where a host sends the reader for every problem of a broken catalogue, after the one-line summary (ESLint): the
 * command that lists them all. 26 characters: with the summary (at most `SUMMARY_LIMIT`) a line of at most 126.
 */
const CATALOGUE_POINTER: Readonly<Record<Locale, string>> = { nl: ' (avglint catalogue check)', en: ' (avglint catalogue check)' };

/** With no catalogue at all there is nothing to check: the pointer says how to make one. */
const INIT_POINTER: Readonly<Record<Locale, string>> = { nl: ' (maak er een: npx avglint init)', en: ' (create one: npx avglint init)' };

/** What a host shows after `catalogueFailure`'s summary when it has room for one line only (ESLint). */
export function cataloguePointer(problems: readonly Problem[], locale: Locale): string {
  const first = problems.find((p) => p.severity === 'error') ?? problems[0];
  return (first?.code === 'catalogue/not-found' ? INIT_POINTER : CATALOGUE_POINTER)[locale];
}

/**
 * What every host says about a catalogue it cannot use, in `locale`: the summary is one line — the first error's
 * place (`avglint.catalogue.yaml:12:3`, with `relative` making the path the host's way) and message, and how many
 * problems follow (`Catalogue avglint.catalogue.yaml:12:3: Unknown key `retentoin` (+2 more)`) — and the detail lists
 * every problem as `file:line:col: message (hint)`, one per line. ESLint, `avglint scan` and the language server all
 * use it, so the same broken catalogue reads the same in CI, in a terminal and in the editor.
 */
export function catalogueFailure(problems: readonly Problem[], locale: Locale, relative: (file: string) => string = (file) => file): FilledMessage {
  const first = problems.find((p) => p.severity === 'error') ?? problems[0];
  const location = first === undefined ? '' : `${relative(first.file)}:${first.line}:${first.column}`;
  // A message that names its own file (a catalogue a setting names but that does not exist) names it the host's way
  // too: an absolute path would push the sentence past the summary's limit in a deep checkout.
  const line = (first?.message ?? '').split('\n')[0] ?? '';
  const problem = first === undefined ? line : line.split(first.file).join(relative(first.file));
  const data = { location, problem, more: moreProblems(problems.length - 1, locale), problems: problems.map((p) => `${relative(p.file)}:${p.line}:${p.column}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`).join('\n') };
  const text = messages.catalogueProblem[locale];
  // No catalogue at all: the problem names where avglint looked, and its place is the file being checked, not a catalogue.
  const summary = fitSummary(first?.code === 'catalogue/not-found' ? '{{problem}}{{more}}' : text.summary, data);
  const detail = fillMessage(text.detail, data);
  return { summary, detail, message: `${summary}\n${detail}` };
}
