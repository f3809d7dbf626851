/**
 * `no-bsn-literal`: a number in code, a fixture or a comment that passes the BSN elfproef or the onderwijsnummer check
 * may be a real person's number committed to the repository.
 *
 * What counts as a candidate (documented in docs/rules/no-bsn-literal.md):
 * - a numeric literal whose digits (without `_` separators or a BigInt `n`) are 8 or 9 digits; hex, octal, binary,
 *   fractions and exponents are not identifiers;
 * - inside strings, template parts, JSX text and comments: a run of 8 or 9 digits that is a whole word — not part of a
 *   longer run of digits, and not touching a letter or `_` (so hashes, hex strings and identifiers are skipped) — or
 *   the written form `1234.56.782`;
 * - not a run inside a UUID, not an 8-digit run that reads as a date `YYYYMMDD` between 1900 and 2099, and not a power
 *   of two or a power of two minus one (bit flags and masks such as `33554432`);
 * - in comments, not a path segment of a URL (`https://stackoverflow.com/a/60422853`): a comment that links to a page
 *   cites it, it does not hold a pupil's number.
 * URLs in strings are *not* exempt, nor query strings in comments: a BSN in a URL the code requests ends up in access
 * logs and browser history, which is exactly the leak this rule is about.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import { identifierCheck, padIdentifier } from '../bsn';
import { normaliseName } from '../catalogue/names';
import type { Finding, TextRange } from '../finding';
import type { CheckContext } from '../analysis/context';
import { collectComments } from '../analysis/suppressions';
import type { Locale } from '../catalogue/model';
import { createRule, type RuleHelpers, type RuleMessage } from './rule';
import { numberIsNoIdentifier } from '../analysis/bsnContext';
import { placedStep } from '../analysis/flow/describe';
import { phrase, type LiteralPlace } from '../analysis/flow/steps';

type MessageId = 'bsnLiteral';

/** A candidate inside a piece of text: its digits and where they are, relative to the text. */
interface Candidate {
  readonly digits: string;
  readonly written: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[A-Za-z0-9_]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds the identifier candidates in free text (string contents, comments). */
export function findIdentifierCandidates(text: string, inComment = false): Candidate[] {
  const candidates: Candidate[] = [];
  const urlPaths = inComment ? urlPathRanges(text) : [];
  const pattern = /\d{4}\.\d{2}\.\d{3}|\d+/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const written = match[0];
    const start = match.index;
    const end = start + written.length;
    const digits = written.replace(/\./g, '');
    if (digits.length !== 8 && digits.length !== 9) continue;
    const before = text[start - 1] ?? '';
    const after = text[end] ?? '';
    if (WORD.test(before) || WORD.test(after)) continue;
    // The dotted form must not be a piece of a longer dotted number (a version, an IP-like string).
    if (written.includes('.') && (before === '.' || (after === '.' && /\d/.test(text[end + 1] ?? '')))) continue;
    if (insideUuid(text, start, end)) continue;
    if (digits.length === 8 && looksLikeDate(digits)) continue;
    if (isBitMask(digits)) continue;
    if (urlPaths.some(([from, to]) => start >= from && end <= to)) continue;
    candidates.push({ digits, written, start, end });
  }
  return candidates;
}

/** The host-and-path part of every URL in the text (up to `?` or `#`). */
function urlPathRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(/\bhttps?:\/\/[^\s?#)\]>'"`]+/g)) ranges.push([match.index, match.index + match[0].length]);
  return ranges;
}

/** 2^n and 2^n − 1: bit flags and masks, not identifiers. */
function isBitMask(digits: string): boolean {
  const n = Number(digits);
  return (n & (n - 1)) === 0 || (n & (n + 1)) === 0;
}

function insideUuid(text: string, start: number, end: number): boolean {
  let from = start;
  let to = end;
  while (from > 0 && /[0-9A-Fa-f-]/.test(text[from - 1] ?? '')) from--;
  while (to < text.length && /[0-9A-Fa-f-]/.test(text[to] ?? '')) to++;
  return UUID.test(text.slice(from, to));
}

function looksLikeDate(digits: string): boolean {
  const year = Number(digits.slice(0, 4));
  const month = Number(digits.slice(4, 6));
  const day = Number(digits.slice(6, 8));
  return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** The digits of a numeric literal if it is written as a plain decimal integer of 8 or 9 digits. */
function numericDigits(text: string): string | undefined {
  const digits = text.replace(/_/g, '').replace(/n$/, '');
  if (!/^[0-9]{8,9}$/.test(digits)) return undefined;
  if (digits.length === 8 && looksLikeDate(digits)) return undefined;
  return isBitMask(digits) ? undefined : digits;
}

/**
 * Whether any piece of `text` could be a candidate that passes the elfproef or the onderwijsnummer check: a cheap
 * pass over the whole file before the walk over its literals and comments. It over-approximates every candidate form
 * above — a maximal run of digits (a string's or comment's word, a plain numeric literal: a literal's slice of the text
 * starts and ends at a quote, delimiter or token edge, never inside a run), the run with its `_` separators removed (a
 * numeric literal) and the dotted form — so it only ever lets through files that then turn out clean.
 */
export function mayHoldIdentifier(text: string): boolean {
  // A run of digits (`/\d(?:[._]?\d)*/g`) can hold a candidate only with eight digits or more. `LONG_RUNS` finds
  // exactly those runs (leftmost and longest): the regular expression engine scans a file several times faster than a
  // loop over its character codes did, and makes a match array only for a long run (one for every short number was
  // once this rule's largest allocation).
  LONG_RUNS.lastIndex = 0;
  for (let match = LONG_RUNS.exec(text); match; match = LONG_RUNS.exec(text)) {
    const run = match[0];
    const pieces = [run.replace(/[._]/g, ''), ...run.split(/[._]/)];
    for (const dotted of run.matchAll(/(?=(\d{4}\.\d{2}\.\d{3}))/g)) pieces.push((dotted[1] ?? '').replace(/\./g, ''));
    for (const piece of pieces) if ((piece.length === 8 || piece.length === 9) && identifierCheck(piece) !== undefined) return true;
  }
  return false;
}

/** Maximal runs of digits, single `.` or `_` between two digits, with at least eight digits. */
const LONG_RUNS = /\d(?:[._]?\d){7,}/g;

export default createRule({
  id: 'no-bsn-literal',
  meta: {
    description: 'Disallow literals that pass the BSN elfproef or the onderwijsnummer check: a real number in the repository',
    requiresTypes: false,
    recommended: true,
    messages: {
      bsnLiteral: {
        nl: {
          summary: '{{value}} in {{where}} doorstaat de {{check}}: mogelijk een echt {{kind}}',
          detail:
            'Waarom: een BSN mag alleen worden verwerkt waar een wet dat vereist (AVG art. 87, UAVG art. 46), en een repository is zo\'n plek niet.\nWat te doen: gebruik een gegenereerd testnummer en zet het in `settings.rules.no-bsn-literal.allow` van de catalogus (of de optie `allow` van de regel).',
        },
        en: {
          summary: '{{value}} in {{where}} passes the {{check}}: maybe a real {{kind}}',
          detail:
            "Why: a BSN may only be processed where a law requires it (AVG art. 87, UAVG art. 46), and a repository is not such a place.\nWhat to do: use a generated test number and list it in the catalogue's `settings.rules.no-bsn-literal.allow` (or the rule's `allow` option).",
        },
      },
    } satisfies Record<MessageId, RuleMessage>,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: { type: 'array', items: { type: 'string', pattern: '^[0-9]{8,9}$' }, uniqueItems: true },
          checkComments: { type: 'boolean' },
        },
      },
    ],
    defaultOptions: [{ allow: [], checkComments: true }],
  },
  check(context, rule) {
    const options = rule.options;
    const allow = new Set((Array.isArray(options['allow']) ? options['allow'] : []).filter((a): a is string => typeof a === 'string').map((a) => padIdentifier(a) ?? a));
    const checkComments = options['checkComments'] !== false;
    const { sourceFile } = context;
    const text = sourceFile.text;
    const findings: Finding[] = [];
    // Most files hold no 8- or 9-digit number that passes either check at all: then no literal or comment can.
    if (!mayHoldIdentifier(text)) return findings;

    const report = (digits: string, written: string, range: TextRange, where: keyof typeof WHERE): void => {
      const check = identifierCheck(digits);
      if (!check) return;
      if (allow.has(padIdentifier(digits) ?? digits)) return;
      findings.push(makeFinding(context, rule, written, check, range, where));
    };

    const visit = (node: ts.Node): void => {
      if (context.isCancelled()) return;
      switch (node.kind) {
        case ts.SyntaxKind.NumericLiteral:
        case ts.SyntaxKind.BigIntLiteral: {
          const written = node.getText(sourceFile);
          const digits = numericDigits(written);
          if (digits === undefined || identifierCheck(digits) === undefined) return;
          // The context is read only for numbers that pass a check (rare), so it costs nothing on most files.
          if (numberIsNoIdentifier(node as ts.LiteralExpression, context)) return;
          report(digits, written, { start: node.getStart(sourceFile), end: node.end }, 'a numeric literal');
          return;
        }
        case ts.SyntaxKind.StringLiteral:
        case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
        case ts.SyntaxKind.TemplateHead:
        case ts.SyntaxKind.TemplateMiddle:
        case ts.SyntaxKind.TemplateTail: {
          const start = node.getStart(sourceFile);
          const literal = text.slice(start, node.end);
          for (const c of findIdentifierCandidates(literal)) report(c.digits, c.written, { start, end: node.end }, 'a string');
          return;
        }
        case ts.SyntaxKind.JsxText: {
          const start = node.getStart(sourceFile);
          const content = text.slice(start, node.end);
          for (const c of findIdentifierCandidates(content)) report(c.digits, c.written, { start: start + c.start, end: start + c.end }, 'JSX text');
          return;
        }
        default:
          ts.forEachChild(node, visit);
      }
    };
    visit(sourceFile);

    if (checkComments) {
      for (const comment of collectComments(sourceFile)) {
        for (const c of findIdentifierCandidates(comment.value, true)) {
          report(c.digits, c.written, { start: comment.valueStart + c.start, end: comment.valueStart + c.end }, 'a comment');
        }
      }
    }
    return findings;
  },
});

/** Where a number was found, in words. */
const WHERE = {
  'a numeric literal': { nl: 'een getal', en: 'a number' },
  'a string': { nl: 'een string', en: 'a string' },
  'JSX text': { nl: 'JSX-tekst', en: 'JSX text' },
  'a comment': { nl: 'commentaar', en: 'a comment' },
} as const satisfies Record<string, Record<Locale, string>>;

/** Where a number was found, as a path step's argument. */
const PLACE: Readonly<Record<keyof typeof WHERE, LiteralPlace>> = { 'a numeric literal': 'number', 'a string': 'string', 'JSX text': 'jsx', 'a comment': 'comment' };

function makeFinding(context: CheckContext, rule: RuleHelpers<MessageId>, written: string, check: string, range: TextRange, where: keyof typeof WHERE): Finding {
  const kind = check === 'BSN-elfproef' ? 'BSN' : 'onderwijsnummer';
  const data = { value: written, check, kind, where: WHERE[where][context.locale] };
  const position = context.sourceFile.getLineAndCharacterOfPosition(range.start);
  return rule.finding({
    messageId: 'bsnLiteral',
    data,
    range,
    path: [
      placedStep({ kind: 'source', file: context.sourceFile.fileName, range, line: position.line + 1, column: position.character + 1 }, phrase('literalPasses', { value: written, place: PLACE[where], check }), context.locale),
    ],
    // The catalogue's own category for the number (usually `bsn`), so hosts can link the finding to its entry.
    categories: (context.index.byName.get(normaliseName(kind)) ?? []).map((c) => c.id),
  });
}
