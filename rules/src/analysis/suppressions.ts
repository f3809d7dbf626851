/**
 * ESLint's disable directives, parsed and applied exactly as ESLint 9 does it, so the language server hides the same
 * findings ESLint hides and the editor and CI agree. ESLint applies directives itself for the plugin; the language
 * server calls `parseSuppressions` and `applySuppressions` on the core's findings.
 *
 * The behaviour follows ESLint 9.39 (`@eslint/plugin-kit` ConfigCommentParser, `SourceCode#getDisableDirectives`,
 * `linter/apply-disable-directives.js`):
 * - A directive is a comment whose text, trimmed, starts with `eslint-disable`, `eslint-enable`,
 *   `eslint-disable-line` or `eslint-disable-next-line` followed by whitespace or the end. Line comments (`//`) may
 *   only hold the `-line` and `-next-line` forms; `// eslint-disable` is not a directive.
 * - The description starts at the first whitespace–two-or-more-dashes–whitespace (`-- reason`).
 * - Rules are separated by commas, trimmed, and may be quoted; no rules means every rule.
 * - `eslint-disable-line` in a block comment spanning several lines is not a directive (ESLint reports it).
 * - `eslint-disable-next-line` applies to the line after the comment's *last* line.
 * - Block directives (`disable`/`enable`) and line directives are applied separately: a finding is suppressed when
 *   either set suppresses it. Within a set, for a finding at (line, column), every directive at or before that position
 *   that names its rule (or all rules) is replayed in order: `disable` adds, `enable` clears.
 *
 * avglint's addition: a description may end in `(until YYYY-MM-DD)`. From the day after that date (UTC) the
 * suppression has expired and, when the caller passes `now`, no longer suppresses. ESLint itself cannot know this;
 * the `require-suppression-reason` rule reports expired suppressions in both hosts so CI fails on them too.
 */
import * as ts from 'typescript';
import type { Finding, TextRange } from '../finding';

/** A comment in the file, with ESLint's view of it: `value` is the text without `//`, `/*` and `*\/`. */
export interface SourceComment {
  readonly kind: 'line' | 'block';
  /** The whole comment including its delimiters. */
  readonly range: TextRange;
  /** Offset of `value` in the file. */
  readonly valueStart: number;
  readonly value: string;
}

export type SuppressionKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface SuppressionDirective {
  readonly kind: SuppressionKind;
  /** The rule ids as written (`avglint/no-bsn-literal`); empty means every rule. */
  readonly rules: readonly string[];
  /** The text after `--`, trimmed; empty when there is none. */
  readonly reason: string;
  /** `YYYY-MM-DD` from a trailing `(until YYYY-MM-DD)` in the reason, when that date exists. */
  readonly until?: string;
  /** The whole comment. */
  readonly range: TextRange;
  /** 1-based line and column of the comment's start, and 1-based line of its end. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
}

export interface ApplySuppressionsOptions {
  /** The ESLint plugin's namespace; directives name avglint's rules as `<prefix>/<rule-id>`. Default `avglint`. */
  readonly pluginPrefix?: string;
  /** When given, suppressions whose `until` date lies before this day (UTC) no longer suppress. */
  readonly now?: Date;
}

const DIRECTIVE = /^(eslint(?:-env|-enable|-disable(?:(?:-next)?-line)?)?|exported|globals?)(?:\s|$)/u;
const LABEL = /^([a-z]+(?:-[a-z]+)*)(?:\s|$)/u;
const UNTIL = /\(until\s+(\d{4}-\d{2}-\d{2})\)\s*$/u;

/** Every comment in the file, in order, the way ESLint's `ast.comments` lists them (no shebang, no JSX text). */
export function collectComments(sourceFile: ts.SourceFile): SourceComment[] {
  const text = sourceFile.text;
  const seen = new Set<number>();
  const comments: SourceComment[] = [];
  const add = (pos: number, end: number, kind: ts.CommentKind): void => {
    if (seen.has(pos)) return;
    seen.add(pos);
    const block = kind === ts.SyntaxKind.MultiLineCommentTrivia;
    const valueStart = pos + 2;
    const valueEnd = block ? end - 2 : end;
    comments.push({ kind: block ? 'block' : 'line', range: { start: pos, end }, valueStart, value: text.slice(valueStart, valueEnd) });
  };
  const shebang = ts.getShebang(text);
  const jsx = sourceFile.languageVariant === ts.LanguageVariant.JSX;
  const visitToken = (token: ts.Node): void => {
    if (token.kind !== ts.SyntaxKind.JsxText) {
      const pos = token.pos === 0 && shebang !== undefined ? shebang.length : token.pos;
      ts.forEachLeadingCommentRange(text, pos, add);
    }
    if (!jsx || canHaveTrailingTrivia(token)) ts.forEachTrailingCommentRange(text, token.end, add);
  };
  const visit = (node: ts.Node): void => {
    // Template parts and JSX text hold characters that look like comments but are not.
    if (node.kind >= ts.SyntaxKind.FirstToken && node.kind <= ts.SyntaxKind.LastToken) {
      visitToken(node);
      return;
    }
    if (ts.isJSDoc(node)) return;
    for (const child of node.getChildren(sourceFile)) visit(child);
  };
  visit(sourceFile);
  return comments.sort((a, b) => a.range.start - b.range.start);
}

/**
 * In JSX, text after some `>` and `}` tokens is element content, not trivia: `<p>// not a comment</p>`.
 * (The same distinction tsutils' `forEachComment` makes.)
 */
function canHaveTrailingTrivia(token: ts.Node): boolean {
  const parent = token.parent;
  switch (token.kind) {
    case ts.SyntaxKind.JsxText:
      return false;
    case ts.SyntaxKind.CloseBraceToken:
      return parent.kind !== ts.SyntaxKind.JsxExpression || !isJsxElementOrFragment(parent.parent);
    case ts.SyntaxKind.GreaterThanToken:
      switch (parent.kind) {
        case ts.SyntaxKind.JsxOpeningElement:
          return token.end !== parent.end;
        case ts.SyntaxKind.JsxOpeningFragment:
          return false;
        case ts.SyntaxKind.JsxSelfClosingElement:
          return token.end !== parent.end || !isJsxElementOrFragment(parent.parent);
        case ts.SyntaxKind.JsxClosingElement:
        case ts.SyntaxKind.JsxClosingFragment:
          return !isJsxElementOrFragment(parent.parent.parent);
        default:
          return true;
      }
    default:
      return true;
  }
}

function isJsxElementOrFragment(node: ts.Node): boolean {
  return node.kind === ts.SyntaxKind.JsxElement || node.kind === ts.SyntaxKind.JsxFragment;
}

/** The disable/enable directives in the file, in order, as ESLint reads them. */
export function parseSuppressions(sourceFile: ts.SourceFile, comments: readonly SourceComment[] = collectComments(sourceFile)): SuppressionDirective[] {
  const directives: SuppressionDirective[] = [];
  for (const comment of comments) {
    const directive = parseDirectiveComment(comment, sourceFile);
    if (directive) directives.push(directive);
  }
  return directives;
}

function parseDirectiveComment(comment: SourceComment, sourceFile: ts.SourceFile): SuppressionDirective | undefined {
  const { directivePart, justification } = splitJustification(comment.value);
  const match = LABEL.exec(directivePart);
  if (!match?.[1] || !DIRECTIVE.test(match[1])) return undefined;
  const label = match[1];
  const kind = directiveKind(label);
  if (!kind) return undefined;
  if (comment.kind === 'line' && kind !== 'disable-line' && kind !== 'disable-next-line') return undefined;
  const start = sourceFile.getLineAndCharacterOfPosition(comment.range.start);
  const end = sourceFile.getLineAndCharacterOfPosition(comment.range.end);
  if (kind === 'disable-line' && start.line !== end.line) return undefined;
  const rules = parseRuleList(directivePart.slice(label.length));
  const until = expiry(justification);
  return {
    kind,
    rules,
    reason: justification,
    ...(until !== undefined ? { until } : {}),
    range: comment.range,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
  };
}

function directiveKind(label: string): SuppressionKind | undefined {
  switch (label) {
    case 'eslint-disable':
      return 'disable';
    case 'eslint-enable':
      return 'enable';
    case 'eslint-disable-line':
      return 'disable-line';
    case 'eslint-disable-next-line':
      return 'disable-next-line';
    default:
      return undefined;
  }
}

/** ESLint's `#extractDirectiveComment`: the first `\s-{2,}\s` separates the directive from its description. */
function splitJustification(value: string): { directivePart: string; justification: string } {
  const match = /\s-{2,}\s/u.exec(value);
  if (!match) return { directivePart: value.trim(), justification: '' };
  return { directivePart: value.slice(0, match.index).trim(), justification: value.slice(match.index + match[0].length).trim() };
}

/** ESLint's `parseListConfig`: comma-separated, trimmed, optional matching quotes, empty items dropped, no duplicates. */
function parseRuleList(list: string): string[] {
  const rules: string[] = [];
  for (const item of list.split(',')) {
    const name = item.trim().replace(/^(?<quote>['"]?)(?<ruleId>.*)\k<quote>$/su, '$<ruleId>');
    if (name && !rules.includes(name)) rules.push(name);
  }
  return rules;
}

/** The `(until YYYY-MM-DD)` date at the end of a reason, if it names a day that exists. */
function expiry(reason: string): string | undefined {
  const date = UNTIL.exec(reason)?.[1];
  if (date === undefined) return undefined;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : undefined;
}

/** Whether a suppression with this `until` date has expired on `now`: it is valid through the whole named day (UTC). */
export function isExpired(directive: Pick<SuppressionDirective, 'until'>, now: Date): boolean {
  if (directive.until === undefined) return false;
  return now.toISOString().slice(0, 10) > directive.until;
}

interface Position {
  readonly line: number;
  readonly column: number;
}

interface LineDirective extends Position {
  readonly type: 'disable' | 'enable';
  readonly rules: readonly string[];
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.column - b.column;
}

/**
 * The findings ESLint would still report after the file's directives. Findings are matched by `<prefix>/<ruleId>`.
 * With `options.now`, expired suppressions are ignored (see the module comment).
 */
export function applySuppressions(
  findings: readonly Finding[],
  directives: readonly SuppressionDirective[],
  sourceFile: ts.SourceFile,
  options: ApplySuppressionsOptions = {},
): Finding[] {
  const prefix = options.pluginPrefix ?? 'avglint';
  const now = options.now;
  const active = now ? directives.filter((d) => !isExpired(d, now)) : directives;
  const block: LineDirective[] = [];
  const line: LineDirective[] = [];
  for (const d of active) {
    switch (d.kind) {
      case 'disable':
      case 'enable':
        block.push({ type: d.kind, line: d.line, column: d.column, rules: d.rules });
        break;
      case 'disable-line':
        line.push({ type: 'disable', line: d.line, column: 1, rules: d.rules }, { type: 'enable', line: d.line + 1, column: 0, rules: d.rules });
        break;
      case 'disable-next-line':
        line.push({ type: 'disable', line: d.endLine + 1, column: 1, rules: d.rules }, { type: 'enable', line: d.endLine + 2, column: 0, rules: d.rules });
        break;
    }
  }
  // Array.prototype.sort is stable, as ESLint relies on for directives at the same position.
  block.sort(compare);
  line.sort(compare);
  return findings.filter((finding) => {
    const start = sourceFile.getLineAndCharacterOfPosition(finding.range.start);
    const position = { line: start.line + 1, column: start.character + 1 };
    const ruleId = `${prefix}/${finding.ruleId}`;
    return !suppressedBy(block, position, ruleId) && !suppressedBy(line, position, ruleId);
  });
}

function suppressedBy(directives: readonly LineDirective[], position: Position, ruleId: string): boolean {
  let disabled = false;
  for (const directive of directives) {
    if (compare(directive, position) > 0) break;
    if (directive.rules.length > 0 && !directive.rules.includes(ruleId)) continue;
    disabled = directive.type === 'disable';
  }
  return disabled;
}

/** The directive's rules that are avglint's (`<prefix>/…`), or `all` when it names no rules at all. */
export function avglintRulesOf(directive: SuppressionDirective, pluginPrefix = 'avglint'): readonly string[] | 'all' {
  if (directive.rules.length === 0) return 'all';
  return directive.rules.filter((rule) => rule.startsWith(`${pluginPrefix}/`));
}
